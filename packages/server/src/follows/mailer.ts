/** Where follow emails go: an SMTP server (nodemailer), the sender's address, and the server's public address for links. */
import { createTransport } from 'nodemailer';
import type { Message } from './compose.ts';

export interface MailOptions {
  /** `smtp://user:pass@host:port` or `smtps://…` */
  smtpUrl: string;
  /** the From address, e.g. `Kolo <kolo@example.org>` */
  from: string;
  /** the server's public base URL, e.g. `https://kolo.example.org`: links in messages start with it */
  publicUrl: string;
  /** how long a change waits for others to go in the same message, ms */
  digestMs: number;
}

export interface Mailer {
  send(to: string, m: Message): Promise<void>;
  /** a link to `path` (e.g. `/v1/follows/confirm`) with `token` */
  link(path: string, token: string): string;
  readonly digestMs: number;
  close(): void;
}

export function mailer(o: MailOptions): Mailer {
  // a slow or silent SMTP server fails the attempt (it is retried later) rather than holding the job
  const url = new URL(o.smtpUrl);
  for (const [k, v] of Object.entries({ connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 })) if (!url.searchParams.has(k)) url.searchParams.set(k, String(v));
  const transport = createTransport(url.toString());
  const base = o.publicUrl.replace(/\/+$/, '');
  return {
    digestMs: o.digestMs,
    async send(to, m) {
      await transport.sendMail({ from: o.from, to, subject: m.subject, text: m.text, html: m.html, headers: m.headers });
    },
    link: (path, token) => `${base}${path}?token=${encodeURIComponent(token)}`,
    close: () => transport.close(),
  };
}
