import { LitElement, type PropertyDeclarations } from 'lit';
import type { AdminApi, Member } from './api.ts';

/**
 * A section of the team console: rendered in the page's DOM (one stylesheet, console.css), with the
 * signed-in admin API, a polite status line and a `load()` that runs when the section is shown.
 */
export abstract class Panel extends LitElement {
  static override properties: PropertyDeclarations = { api: { attribute: false }, member: { attribute: false }, message: { state: true }, failed: { state: true } };
  declare api: AdminApi | undefined;
  /** who is signed in (what the section offers may depend on the role) */
  declare member: Member | undefined;
  /** the last outcome, read by screen readers (`role="status"`) */
  declare message: string;
  declare failed: boolean;

  constructor() {
    super();
    this.message = '';
    this.failed = false;
  }

  protected override createRenderRoot() {
    return this;
  }

  abstract load(): Promise<void>;

  /** Read what the section shows with the signed-in API (nothing before signing in); say why it could not. */
  protected async read(fn: (api: AdminApi) => Promise<unknown>): Promise<void> {
    if (!this.api) return;
    try {
      await fn(this.api);
    } catch (e) {
      this.message = `Could not load: ${(e as Error).message}`;
      this.failed = true;
    }
  }

  /** Run a change against the server; say what happened, or why it did not. */
  protected async attempt(fn: () => Promise<unknown>, done: string): Promise<boolean> {
    try {
      await fn();
      this.message = done;
      this.failed = false;
      return true;
    } catch (e) {
      this.message = `Not done: ${(e as Error).message}`;
      this.failed = true;
      return false;
    }
  }
}

export const when = (iso: string | undefined) =>
  iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '–';
export const share = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${(x * 100).toFixed(1)}%`);
export const count = (n: number) => n.toLocaleString('en');
export const upvotes = (n: number) => `${count(n)} ${n === 1 ? 'upvote' : 'upvotes'}`;

/** The form's named fields' values. */
export const fields = (form: HTMLFormElement) => Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v)]));
