// esbuild settings shared by the all-in-one CDN build and the size budget, so the budget
// measures exactly what a single-script-tag user downloads.
import { readFile } from 'node:fs/promises';

/**
 * Collapses runs of white space inside Lit `html` and `css` tagged templates to one space
 * (what HTML and CSS rendering does anyway). Kolo templates hold no <pre> or <textarea>, and
 * no string literal in a template expression depends on repeated spaces.
 */
export const minifyTemplates = {
  name: 'kolo-minify-templates',
  setup(build) {
    build.onLoad({ filter: /packages\/widgets\/src\/.*\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      // A segment runs from a tag's backtick to the next backtick (nested templates split it);
      // one that may hold a line comment is left alone.
      const contents = source.replace(/\b(html|css)`([^`]*)`/g, (all, tag, body) => {
        if (body.includes('//')) return all;
        let out = body.replace(/\s+/g, ' ');
        // CSS only: no space is needed around braces, semicolons, commas, or after a declaration's colon.
        if (tag === 'css' && !out.includes('${')) out = out.replace(/\s*([{};,])\s*/g, '$1').replace(/:\s+/g, ':');
        return `${tag}\`${out}\``;
      });
      return { contents, loader: 'ts' };
    });
  },
};

export const sharedOptions = {
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  charset: 'utf8',
  conditions: ['kolo-source'],
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [minifyTemplates],
  logLevel: 'warning',
};
