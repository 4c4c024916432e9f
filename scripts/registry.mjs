// Reads the widget registry (packages/widgets/src/registry.ts) from Node scripts: Node 20 cannot
// import TypeScript, so esbuild strips the types (the registry imports nothing) and the result is
// imported from a data: URL.
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const widgetsDir = fileURLToPath(new URL('../packages/widgets/', import.meta.url));

/** @returns {Promise<{ widgets: Array<{ tag: string, entry: string, module: string, budget: number, family: string }>, className: (tag: string) => string }>} */
export async function readRegistry() {
  const out = buildSync({ entryPoints: [`${widgetsDir}src/registry.ts`], format: 'esm', write: false, logLevel: 'error' });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}
