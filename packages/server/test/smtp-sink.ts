/** A local SMTP server for tests (smtp-server on port 0): keeps each message parsed; `down` refuses mail as a broken server would. */
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface Sink {
  url: string;
  messages: ParsedMail[];
  /** refuse every message (a temporary SMTP failure) */
  down: boolean;
  close(): Promise<void>;
}

export async function smtpSink(): Promise<Sink> {
  const sink = { messages: [] as ParsedMail[], down: false } as Sink;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onMailFrom(_address, _session, done) {
      if (!sink.down) return done();
      const e = Object.assign(new Error('try again later'), { responseCode: 451 });
      done(e);
    },
    onData(stream, _session, done) {
      simpleParser(stream).then((m) => (sink.messages.push(m), done()), done);
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  sink.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  sink.close = () => new Promise((r) => server.close(() => r()));
  return sink;
}

/** The links of a message's text: confirmation, each unfollow, the others. */
export function linksOf(m: ParsedMail) {
  const all = [...(m.text ?? '').matchAll(/https?:\/\/\S+/g)].map((x) => x[0]);
  return { all, confirm: all.find((l) => l.includes('/follows/confirm')), unfollow: all.filter((l) => l.includes('/follows/unfollow')) };
}

/** A header of a message as sent (mailparser folds the List-* ones into a structure of its own). */
export const header = (m: ParsedMail, name: string) =>
  m.headerLines.find((h) => h.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, '').replace(/\r?\n\s+/g, ' ');
