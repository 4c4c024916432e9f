// esbuild settings shared by the all-in-one CDN build and the size budget, so the budget
// measures exactly what a single-script-tag user downloads.
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

/** The CSS punctuation no space is needed around, and a declaration's colon. */
const compactCss = (s) => s.replace(/\s*([{};,])\s*/g, '$1').replace(/:\s+/g, ':');

/**
 * The text of every `html` and `css` tagged template in `source` with its runs of white space
 * collapsed to one space (what HTML and CSS rendering does anyway). Kolo templates hold no <pre> or
 * <textarea> content, and no element styled `white-space: pre*` has white space of its own.
 * The templates are found by TypeScript's parser, so every piece of a template's text is reached
 * (nested templates, the text between their expressions) and nothing else is touched: not the
 * expressions, their strings and comments, nor untagged template literals.
 */
export function minifyTemplateText(source, fileName = 'x.ts') {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  /** [start, end, replacement] of each piece of template text, in source order */
  const edits = [];
  const piece = (node, tag) => {
    // a piece's raw text sits between its opening (` or }) and its closing (` or ${)
    const start = node.getStart(file) + 1;
    const end = node.end - (node.kind === ts.SyntaxKind.TemplateHead || node.kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1);
    let text = source.slice(start, end).replace(/\s+/g, ' ');
    // CSS only, and only without expressions: no space around braces, semicolons, commas, after a colon
    if (tag === 'css' && node.kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral) text = compactCss(text);
    edits.push([start, end, text]);
  };
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === 'html' || node.tag.text === 'css')) {
      const t = node.template;
      if (ts.isNoSubstitutionTemplateLiteral(t)) piece(t, node.tag.text);
      else {
        piece(t.head, node.tag.text);
        for (const span of t.templateSpans) piece(span.literal, node.tag.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  edits.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end, text] of edits) {
    out += source.slice(at, start) + text;
    at = end;
  }
  return out + source.slice(at);
}

/** Collapses the white space in the Lit `html` and `css` templates of the widgets' sources (see `minifyTemplateText`). */
export const minifyTemplates = {
  name: 'kolo-minify-templates',
  setup(build) {
    build.onLoad({ filter: /packages\/widgets\/src\/.*\.ts$/ }, async ({ path }) => ({
      contents: minifyTemplateText(await readFile(path, 'utf8'), path),
      loader: 'ts',
    }));
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
