import { html, svg, nothing } from 'lit';

/** Series colours that keep 3:1 against light and dark backgrounds, told apart by the legend too. */
const COLOURS = ['#2563eb', '#d97706', '#059669', '#db2777', '#7c3aed', '#0891b2', '#65a30d', '#dc2626'];
export const colour = (i: number) => COLOURS[i % COLOURS.length]!;

/**
 * Columns, one group per bucket (a day, a month), in plain SVG: stacked when the series add up (votes
 * per option), side by side when one is part of another (submitted, done). The picture is a summary
 * for the eye (`role="img"` with `summary` as its name); the numbers are in the table next to it.
 */
export function columns(buckets: string[], series: string[], value: (bucket: string, s: string) => number, summary: string, stacked = true) {
  const heights = buckets.flatMap((b) => (stacked ? [series.reduce((n, s) => n + value(b, s), 0)] : series.map((s) => value(b, s))));
  const max = Math.max(1, ...heights);
  const w = 12;
  const h = 80;
  const width = Math.max(buckets.length * w, w);
  return html`<figure class="chart">
    <svg role="img" aria-label=${summary} viewBox=${`0 0 ${width} ${h}`} preserveAspectRatio="none" width="100%" height=${h}>
      ${buckets.map((b, i) => {
        let y = h;
        return series.map((s, k) => {
          const n = value(b, s);
          if (!n) return nothing;
          const bar = (n / max) * h;
          y = stacked ? y - bar : h - bar;
          const x = stacked ? i * w + 1 : i * w + 1 + (k * (w - 2)) / series.length;
          return svg`<rect x=${x} y=${y} width=${(w - 2) / (stacked ? 1 : series.length)} height=${bar} fill=${colour(k)}><title>${b} · ${s}: ${n}</title></rect>`;
        });
      })}
    </svg>
    ${series.length > 1
      ? html`<figcaption class="legend">${series.map((s, k) => html`<span><i style=${`background:${colour(k)}`}></i>${s}</span>`)}</figcaption>`
      : nothing}
  </figure>`;
}

/** A share from 0 to 1 as a small bar (decoration: the percentage is written next to it). */
export const shareBar = (x: number | null) =>
  html`<svg class="share" aria-hidden="true" viewBox="0 0 100 8" width="100" height="8" preserveAspectRatio="none">
    <rect width="100" height="8" rx="2" class="track"></rect>
    ${x === null ? nothing : svg`<rect width=${Math.round(x * 100)} height="8" rx="2" fill=${colour(0)}></rect>`}
  </svg>`;
