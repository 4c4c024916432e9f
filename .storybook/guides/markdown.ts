import widgetsPackage from '../../packages/widgets/package.json';

/**
 * The guides reuse the repository's Markdown (imported with `?raw`) instead of copying it: a section
 * of a file, its headings moved under the guide's, its links to other files made absolute (they
 * point into the repository, which Storybook does not serve).
 */

/** The repository's tree on GitHub (`…/kolo/tree/main/packages/widgets#readme` → `…/kolo/blob/main/`). */
const REPO = widgetsPackage.homepage.replace(/\/tree\/([^/]+)\/.*$/, '/blob/$1/');

/** The section of `markdown` under `heading` (the whole line, `## The adapter in five lines`), subsections included. */
export function section(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`no heading "${heading}"`);
  const level = heading.match(/^#+/)![0].length;
  let inFence = false;
  let end = start + 1;
  for (; end < lines.length; end++) {
    const line = lines[end]!;
    if (line.startsWith('```')) inFence = !inFence;
    const m = !inFence && line.match(/^(#+) /);
    if (m && m[1]!.length <= level) break;
  }
  return lines.slice(start, end).join('\n');
}

/** `markdown` without the lines from the one starting with `from` up to (not including) the one starting with `to`: what another section of the guide already shows. */
export function omit(markdown: string, from: string, to: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith(from));
  const end = lines.findIndex((l, i) => i > start && l.startsWith(to));
  if (start < 0 || end < 0) throw new Error(`no lines from "${from}" to "${to}"`);
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

/** `markdown` without its `# Title` line, for a guide that has its own. */
export function body(markdown: string): string {
  return markdown.replace(/^# .*\n+/, '');
}

/**
 * `markdown` ready for a guide page: relative links made absolute (`from` is the file's path in the
 * repository, `docs/theming.md`), headings shifted by `shift` levels (a file's `##` under a guide's `##`).
 */
export function forGuide(markdown: string, from: string, shift = 0): string {
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
  let inFence = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (line.startsWith('```')) inFence = !inFence;
      if (inFence) return line;
      const shifted = shift && /^#+ /.test(line) ? '#'.repeat(shift) + line : line;
      return shifted.replace(/\]\((?!https?:|#|mailto:)(?:\.\/)?([^)]+)\)/g, (_, path: string) => `](${new URL(path, REPO + dir).href})`);
    })
    .join('\n');
}
