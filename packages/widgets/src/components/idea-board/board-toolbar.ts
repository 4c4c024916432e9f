import { html, nothing } from 'lit';
import { PUBLIC_STATUSES, type IdeaBoardConfig, type Translator } from '@kolo/core';
import { statusLabel } from '../../ideas/idea-parts.ts';

/** The board's filters as the toolbar shows them. */
export interface Filters {
  search: string;
  sort: string;
  status: string;
  category: string;
}

type Option = [value: string, text: string];

const select = (name: string, label: string, value: string, options: Option[], change: (e: Event) => void) =>
  html`<label>
    <span class="muted">${label}</span>
    <select part=${name === 'status' ? 'status-filter' : name === 'category' ? 'category-filter' : 'sort'} name=${name} @change=${change}>
      ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
    </select>
  </label>`;

/**
 * Search, sort and filters; every control calls `change` (its `name` says which filter). The search
 * landmark is named by the board's heading, so that two boards on a page with their own headings are
 * two landmarks told apart (boards under one heading are not: each board needs its own).
 */
export function boardToolbar(i18n: Translator, cfg: IdeaBoardConfig, f: Filters, change: (e: Event) => void) {
  const { t } = i18n;
  const any: Option = ['', t('any')];
  return html`<div part="toolbar" role="search" aria-labelledby="heading">
    <label class="grow">
      <span class="muted">${t('search')}</span>
      <input part="search" type="search" name="search" .value=${f.search} @input=${change} />
    </label>
    ${select('sort', t('sort'), f.sort, [['top', t('sortTop')], ['new', t('sortNew')]], change)}
    ${select('status', t('status'), f.status, [any, ...PUBLIC_STATUSES.map((s): Option => [s, statusLabel(i18n, cfg, s)])], change)}
    ${cfg.categories?.length ? select('category', t('categoryFilter'), f.category, [any, ...cfg.categories.map((c): Option => [c.id, c.label])], change) : nothing}
  </div>`;
}
