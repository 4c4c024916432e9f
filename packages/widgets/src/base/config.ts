import type { PropertyDeclaration } from 'lit';

/**
 * The declaration of every widget's `config`: an object as a property, or JSON in the `config`
 * attribute (what a framework sets while the element is not defined yet). A property set before the
 * element is defined is kept too (Lit takes it over on upgrade). An attribute that is not JSON (an
 * object a framework turned into `"[object Object]"`) is said in the console and left out.
 */
export const configProperty: PropertyDeclaration = {
  converter: {
    fromAttribute(value: string | null): unknown {
      if (!value) return undefined;
      try {
        return JSON.parse(value);
      } catch {
        console.error(`Kolo: the config attribute is not JSON (${value.slice(0, 40)}): set the .config property once the element is defined, or give JSON.stringify(config)`);
        return undefined;
      }
    },
  },
};
