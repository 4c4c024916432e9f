// `kolo-server register`: pages (files and URLs) read with the widgets' own readers, compared with what
// a running production server has registered, and registered; against a real server on both databases.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommand } from '../src/cli/register.ts';
import { TOKEN, drivers, serverFor, vote } from './harness.ts';

const POLL = `<kolo-poll poll-id="format"><h3>Which format?</h3>
  <ul><li data-value="carousel">Carousel</li><li data-value="video">Video</li></ul></kolo-poll>`;
const QUIZ = `<kolo-quiz quiz-id="phishing"><section data-question="q1" data-correct="no"><p>Safe?</p><ul><li data-value="yes">Yes</li><li data-value="no">No</li></ul></section></kolo-quiz>`;
const BOARD = `<kolo-idea-form board-id="roadmap" moderated min-fill-seconds="4"><h3>Ideas</h3></kolo-idea-form>`;

const dir = mkdtempSync(join(tmpdir(), 'kolo-register-'));
const file = (name: string, html: string) => {
  const path = join(dir, name);
  writeFileSync(path, `<!doctype html><html><body>${html}</body></html>`);
  return path;
};
let site: Server;
let siteUrl = '';
beforeAll(async () => {
  // the site, serving one page by URL
  site = createServer((req, res) => {
    res.writeHead(req.url === '/ideas.html' ? 200 : 404, { 'content-type': 'text/html' }).end(req.url === '/ideas.html' ? `<main>${BOARD}</main>` : 'not here');
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  siteUrl = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
});
afterAll(() => {
  site.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(drivers)('kolo-server register against a production server on $name', ({ url }) => {
  const ctx = serverFor(url, { production: true });
  const run = async (...args: string[]) => {
    const lines: string[] = [];
    const code = await registerCommand(args, { env: { KOLO_SERVER_URL: ctx.server.url, KOLO_ADMIN_TOKEN: TOKEN }, print: (l) => lines.push(...l.split('\n')) });
    return { code, lines };
  };
  const registered = async () => (await ctx.api.admin('GET', '/widgets')).body.widgets.filter((w: { rules: unknown }) => w.rules).map((w: { kind: string; id: string }) => `${w.kind}:${w.id}`);
  const page = () => file('page.html', POLL + QUIZ);

  it('with --dry-run shows what it would register and changes nothing', async () => {
    const { code, lines } = await run(page(), `${siteUrl}/ideas.html`, '--dry-run');
    expect(code).toBe(0);
    expect(lines).toEqual([
      `kolo-server register: 3 widget(s) on 2 page(s), compared with ${ctx.server.url}`,
      '+ poll:format (new)',
      '+ quiz:phishing (new)',
      '+ ideas:roadmap (new)',
      'dry run: 3 new, 0 changed; nothing registered',
    ]);
    expect(await registered()).toEqual([]);
    expect((await ctx.api.post('/v1/actions', vote('format', 'v1', ['video'], { policy: { options: ['carousel', 'video'], multiple: false, change: false } }))).body.error.reason).toBe('unknown-widget');
  });

  it('registers the widgets, so they take actions; a second run has nothing to do', async () => {
    const first = await run(page(), `${siteUrl}/ideas.html`);
    expect([first.code, first.lines.at(-1)]).toEqual([0, 'registered: 3 new, 0 changed (the server changed 3)']);
    expect(await registered()).toEqual(['ideas:roadmap', 'poll:format', 'quiz:phishing']);
    const voted = await ctx.api.post('/v1/actions', vote('format', 'v1', ['video'], { policy: { options: ['x'], multiple: true, change: true } }));
    expect([voted.status, voted.body.counts]).toEqual([200, { video: 1 }]);
    const board = (await ctx.api.admin('GET', '/widgets')).body.widgets.find((w: { id: string }) => w.id === 'roadmap');
    expect(board.rules.policy).toMatchObject({ moderated: true, minFillMs: 4000 });
    const again = await run(page(), `${siteUrl}/ideas.html`);
    expect([again.code, ...again.lines.slice(1)]).toEqual([0, '= 3 unchanged', 'nothing to register: every widget is up to date']);
  });

  it('shows a changed option as a change and registers it', async () => {
    const edited = file('page.html', POLL.replace('</ul>', '<li data-value="text">Long read</li></ul>') + QUIZ);
    const dry = await run(edited, '--dry-run');
    expect(dry.lines.slice(1)).toEqual(['~ poll:format', '    policy.options: ["carousel","video"] → ["carousel","video","text"]', '= 1 unchanged', 'dry run: 0 new, 1 changed; nothing registered']);
    expect((await ctx.api.post('/v1/actions', vote('format', 'v2', ['text']))).body.error.reason).toBe('invalid-choice');
    expect((await run(edited)).lines.at(-1)).toBe('registered: 0 new, 1 changed (the server changed 1)');
    expect((await ctx.api.post('/v1/actions', vote('format', 'v2', ['text']))).status).toBe(200);
  });

  it('registers nothing and exits 1 when a page has a problem, or the server refuses', async () => {
    const broken = file('broken.html', POLL.replace('format', 'fresh') + QUIZ.replace('phishing', 'secret').replace(' data-correct="no"', ''));
    const { code, lines } = await run(broken, `${siteUrl}/missing.html`);
    expect(code).toBe(1);
    expect(lines.slice(1)).toEqual([
      '+ poll:fresh (new)',
      `! ${broken} <kolo-quiz> secret: questions.q1: no data-correct, so a server cannot grade it`,
      `! ${siteUrl}/missing.html: HTTP 404 Not Found`,
      'nothing registered: fix the 2 problem(s) first (1 new, 0 changed)',
    ]);
    expect(await registered()).not.toContain('poll:fresh');
    const lines2: string[] = [];
    const refused = await registerCommand([page()], { env: { KOLO_SERVER_URL: ctx.server.url, KOLO_ADMIN_TOKEN: 'not-the-token-0123456' }, print: (l) => lines2.push(l) });
    expect([refused, lines2.join('\n')]).toEqual([1, expect.stringContaining('refused GET /widgets: 401 unauthorized')]);
  });
});

describe('the kolo-server command', () => {
  const ctx = serverFor(undefined, { production: true });
  const bin = fileURLToPath(new URL('../bin/kolo-server.mjs', import.meta.url));
  const exec = (args: string[]) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, KOLO_SERVER_URL: ctx.server.url, KOLO_ADMIN_TOKEN: TOKEN } });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('exit', (code) => resolve({ code, out }));
    });

  it('runs `register` (and serves only without it)', async () => {
    const page = file('bin.html', POLL);
    const dry = await exec(['register', page, '--dry-run']);
    expect([dry.code, dry.out]).toEqual([0, expect.stringContaining('+ poll:format (new)\ndry run: 1 new, 0 changed; nothing registered')]);
    const usage = await exec(['register']);
    expect([usage.code, usage.out.trim()]).toEqual([2, 'usage: kolo-server register <html files or URLs> [--dry-run]']);
    expect(readFileSync(page, 'utf8')).toContain('poll-id="format"');
  }, 30_000);

  it('serves from the built JavaScript in its own process (no tsx, no child process)', async () => {
    const data = mkdtempSync(join(tmpdir(), 'kolo-bin-'));
    const child = spawn(process.execPath, [bin], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', KOLO_DATA_DIR: data, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
          const m = /listening on (\S+) \(pglite/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      expect(await (await fetch(`${url}/v1/health`)).json()).toEqual({ ok: true });
      // the process that listens is the one started (the bin, no loader), and it started no other
      const cmdline = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0');
      expect(cmdline.slice(1, 2)).toEqual([bin]);
      expect(readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim()).toBe('');
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(data, { recursive: true, force: true });
    }
  }, 120_000);
});
