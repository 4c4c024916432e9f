/**
 * A web-test-runner plugin that renders widgets on the server, for the hydration test in Chromium:
 * `GET /__kolo/ssr?tag=kolo-poll` answers the fixture of that tag (src/test-utils/ssr-fixtures.ts) as
 * `renderWidgets` (src/ssr/render.ts) renders it in Node. The TypeScript is bundled once with esbuild
 * (lit, @lit-labs/ssr and linkedom stay external, so Node loads their server builds).
 */
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

let loaded;
function ssrModule() {
  loaded ??= (async () => {
    const dir = `${here}node_modules/.cache/kolo-ssr`;
    mkdirSync(dir, { recursive: true });
    const outfile = `${dir}/ssr-${process.pid}-${Date.now()}.mjs`;
    await build({
      stdin: { contents: "export { renderWidgets } from './src/ssr/render.ts'; export { fixtures } from './src/test-utils/ssr-fixtures.ts';", resolveDir: here, loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      conditions: ['kolo-source'],
      external: ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/*', '@lit-labs/*', 'linkedom'],
      outfile,
      logLevel: 'error',
    });
    return import(pathToFileURL(outfile).href);
  })();
  return loaded;
}

export const ssrPlugin = () => ({
  name: 'kolo-ssr',
  serverStart() {
    void ssrModule();
  },
  async serve(context) {
    if (context.path !== '/__kolo/ssr') return undefined;
    const { renderWidgets, fixtures } = await ssrModule();
    const fixture = fixtures.find((f) => f.tag === context.query.tag);
    if (!fixture) return { body: `no fixture for ${context.query.tag}`, type: 'text', status: 404 };
    return { body: renderWidgets(fixture.html), type: 'html' };
  },
});
