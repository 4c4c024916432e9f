/**
 * The demo's mailbox: an SMTP server on loopback that keeps every message Kolo's server sends (the
 * confirmation of a follow, the news that an idea shipped), so the demo shows them on its Inbox page
 * instead of sending mail anywhere. Kept in memory, the newest 100.
 */
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface Mail {
  at: string;
  to: string;
  subject: string;
  text: string;
  /** the links in the message (confirm, unfollow, the announcement) */
  links: string[];
}

const KEEP = 100;

export async function startMailbox(): Promise<{ url: string; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // the only client is Kolo's server on loopback: no reverse DNS (a machine without DNS would wait on it)
    disableReverseLookup: true,
    logger: false,
    async onData(stream, _session, done) {
      try {
        const m = await simpleParser(stream);
        const text = m.text ?? '';
        const to = [m.to].flat().map((a) => (a && 'text' in a ? a.text : '')).join(', ');
        mails.unshift({
          at: (m.date ?? new Date()).toISOString(),
          to,
          subject: m.subject ?? '',
          text,
          links: [...new Set(text.match(/https?:\/\/[^\s<>")]+/g) ?? [])],
        });
        mails.length = Math.min(mails.length, KEEP);
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as { port: number }).port;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((r) => smtp.close(() => r())) };
}
