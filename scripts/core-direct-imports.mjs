// An esbuild plugin for builds with code splitting: a widget's `import { a, b } from '@kolo/core'`
// is served as a module that imports `a` and `b` from the files that define them, not through the
// barrel. With splitting, esbuild follows every import of a file an entry reaches, so the barrel
// made every widget reach all of @kolo/core (the quiz's, the idea boards' files …), and each shared
// chunk held what any widget used: kolo-poll.js weighed 35 KB brotli with the others in the build,
// 21 KB alone. The TypeScript checker says where each name of the barrel is defined.
import ts from 'typescript';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const coreIndex = fileURLToPath(new URL('../packages/core/src/index.ts', import.meta.url));

let memo;
/** Every name the @kolo/core barrel exports → the file defining it, its name there, whether it is a value. */
export function coreExports() {
  if (memo) return memo;
  const program = ts.createProgram([coreIndex], { allowImportingTsExtensions: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, noLib: true, types: [], skipLibCheck: true });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(coreIndex));
  const map = new Map();
  for (const sym of checker.getExportsOfModule(moduleSymbol)) {
    const target = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
    const decl = target.declarations?.[0];
    if (decl) map.set(sym.name, { file: decl.getSourceFile().fileName, name: target.name, value: Boolean(target.flags & ts.SymbolFlags.Value) });
  }
  return (memo = map);
}

const IMPORT = /(?:import|export)\s*(?:type\s*)?\{([^}]*)\}\s*from\s*['"]@kolo\/core['"]/g;

/** @param {RegExp} from the importers whose `@kolo/core` imports are served directly */
export function coreDirectImports(from) {
  return {
    name: 'kolo-core-direct-imports',
    setup(b) {
      b.onResolve({ filter: /^@kolo\/core$/ }, ({ importer }) => (from.test(importer) ? { path: importer, namespace: 'kolo-core-for' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'kolo-core-for' }, ({ path }) => {
        const exportsOf = coreExports();
        const names = new Set();
        for (const m of readFileSync(path, 'utf8').matchAll(IMPORT)) {
          for (const spec of m[1].split(',')) {
            const name = spec.trim().split(/\s+as\s+/)[0];
            if (name && !name.startsWith('type ')) names.add(name);
          }
        }
        const lines = [];
        for (const name of names) {
          const found = exportsOf.get(name);
          if (!found) throw new Error(`${path} imports ${name}, which @kolo/core does not export`);
          if (found.value) lines.push(`export { ${found.name} as ${name} } from ${JSON.stringify(found.file)};`);
        }
        return { contents: lines.join('\n'), loader: 'js', resolveDir: '/' };
      });
    },
  };
}
