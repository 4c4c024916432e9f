#!/usr/bin/env node
// The team console in Chromium, signed in to a Kolo server other than the demo's own: a board of
// 5,000 ideas shows one page at a time, the table fits a 375 px phone, the embedded public board reads
// the server signed in to and sends it no signals, and the metrics never show a share above 100 %
// (people who act without a counted view are counted apart), and the dialogue's figures (return,
// questions per week, conversion per campaign) show a known fixture's numbers; the audit log lists a
// decision; a webhook the owner adds in the Webhooks tab delivers a signed decision to a local receiver,
// and its delivery log replays it; the queue shows each waiting item's reply clock against the service
// level the owner sets; an analyst token the owner makes in the Team tab sees metrics (and an export
// without people's ids and contacts) and is refused moderation.
// Starts the demo (apps/demo/serve.ts: server A and the console) and a second server (B) on throwaway data folders. Prints its own counts;
// KOLO_RESULTS=file writes {passed, failed, failures}; KOLO_SCREENSHOTS=folder keeps a screenshot of the ideas
// tab at 375 px.
import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checks } from './lib/checks.mjs';
import { launchChromium } from './lib/chromium.mjs';

const demo = fileURLToPath(new URL('../apps/demo/', import.meta.url));
const port = Number(process.env.KOLO_CONSOLE_E2E_PORT ?? 5288);
const [apiA, apiB] = [port + 1000, port + 1001];
const site = `http://127.0.0.1:${port}`;
const serverB = `http://127.0.0.1:${apiB}`;
const [tokenA, tokenB] = [randomBytes(32).toString('base64url'), randomBytes(32).toString('base64url')];
const data = mkdtempSync(join(tmpdir(), 'kolo-console-e2e-'));
const PAGE = 20; // the admin ideas endpoint's default page
const IDEAS = 5000;

const { check, fail, finish } = checks();

/** A TypeScript entry of the workspace (its sources, as the demo command runs them), until it prints `ready`. */
function start(entry, env, ready) {
  const child = spawn(process.execPath, ['--conditions=kolo-source', '--import', 'tsx', entry], {
    cwd: demo,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', KOLO_LOG_LEVEL: 'warn', ...env },
  });
  let printed = '';
  const up = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start in 90 s: ${printed.slice(-1500)}`)), 90000);
    const onData = (d) => {
      printed += String(d);
      if (printed.includes(ready)) resolve(clearTimeout(timer));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${entry} exited (${code}): ${printed.slice(-1500)}`)));
  });
  return { child, up };
}
const stop = (p) => {
  try {
    process.kill(-p.child.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  return new Promise((r) => (p.child.exitCode !== null ? r() : (p.child.once('exit', r), setTimeout(r, 10000))));
};

const admin = async (method, path, body) => {
  const res = await fetch(`${serverB}/v1/admin${path}`, { method, headers: { authorization: `Bearer ${tokenB}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
};

const site$ = start('serve.ts', { KOLO_DEMO_PORT: String(port), KOLO_DEMO_API_PORT: String(apiA), KOLO_DATA_DIR: join(data, 'a'), KOLO_ADMIN_TOKEN: tokenA }, 'Stop with Ctrl+C');
const b$ = start('../../packages/server/src/main.ts', { PORT: String(apiB), HOST: '127.0.0.1', KOLO_DATA_DIR: join(data, 'b'), KOLO_ADMIN_TOKEN: tokenB, KOLO_ADMIN_ORIGINS: site, KOLO_ORIGINS: site, KOLO_LOG_LEVEL: 'info' }, 'listening on');
let browser;
try {
  await Promise.all([site$.up, b$.up]);
  // server B: a board of 5,000 ideas (the one on top, with the most upvotes, only here), and a choice
  // whose signals once made the active share 250 %: 2 viewers, 5 people who acted
  const at = (i) => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  await admin('POST', '/seed', { kind: 'ideas', id: 'elsewhere', ideas: [] });
  for (let i = 0; i < IDEAS; i += 1000) {
    const ideas = Array.from({ length: 1000 }, (_, k) => ({ id: `e-${i + k}`, title: `Bike lanes on street number ${i + k} and trams`, status: 'review', createdAt: at(i + k), votes: 1 }));
    if (i === 0) ideas[0] = { ...ideas[0], title: 'Only on the server signed in to', votes: 999 };
    await admin('POST', '/import/ideas/elsewhere', { ideas });
  }
  const now = new Date().toISOString();
  const signal = (type, voter) => ({ type, widget: { kind: 'choice', id: 'ab' }, voter: `console-e2e-${voter}`, at: now });
  const signals = [signal('view', 'a'), signal('view', 'b'), ...'abcd'.split('').map((v) => signal('submit', v)), signal('interact', 'e')];
  const sent = await fetch(`${serverB}/v1/signals`, { method: 'POST', headers: { 'content-type': 'application/json', origin: site }, body: JSON.stringify({ signals }) });
  if (!sent.ok) throw new Error(`signals: ${sent.status} ${await sent.text()}`);
  // the dialogue's figures on poll:back: r1 acted 10 days ago and again 9 days ago (came back within 7
  // days), r2 10 days ago only, r3 yesterday (too recent to count); 4 views and 1 next-step click of
  // campaign "spring"; 3 questions on questions:weekly a minute ago
  const ago = (days) => new Date(Date.now() - days * 864e5).toISOString();
  const back = (type, voter, days, data) => ({ type, widget: { kind: 'poll', id: 'back' }, voter: `console-e2e-${voter}`, at: ago(days), ...(data ? { data } : {}) });
  const spring = { campaign: 'spring' };
  const dialogue = [back('submit', 'r1', 10), back('interact', 'r1', 9), back('submit', 'r2', 10), back('submit', 'r3', 1), ...'wxyz'.split('').map((v) => back('view', v, 2, spring)), back('next-step', 'w', 2, { ...spring, href: 'https://example.org/' })];
  const sentBack = await fetch(`${serverB}/v1/signals`, { method: 'POST', headers: { 'content-type': 'application/json', origin: site }, body: JSON.stringify({ signals: dialogue }) });
  if (!sentBack.ok) throw new Error(`signals: ${sentBack.status} ${await sentBack.text()}`);
  // two ideas waiting for moderation: one since early January (long past the 48 working hours), one just now
  await admin('POST', '/seed', { kind: 'ideas', id: 'waiting', ideas: [['late', '2026-01-05T09:00:00Z'], ['fresh', now]].map(([id, createdAt]) => ({ id, title: `Waiting idea ${id}`, status: 'pending', createdAt })) });
  await admin('POST', '/seed', { kind: 'questions', id: 'weekly', ideas: [] });
  await admin('POST', '/import/questions/weekly', { ideas: [1, 2, 3].map((k) => ({ id: `w-${k}`, title: `Question number ${k} about the trams`, status: 'review', createdAt: ago(1 / 1440), votes: 0 })) });

  browser = await launchChromium();
  const page = await browser.newPage();
  /** axe's violations in the part of the page `selector` picks (axe-core is added to the page once) */
  const axe = async (selector) => {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: fileURLToPath(import.meta.resolve('axe-core/axe.min.js')) });
    const v = await page.evaluate(async (sel) => (await window.axe.run(document.querySelector(sel), { resultTypes: ['violations'] })).violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), selector);
    if (v.length) throw new Error(`axe (${selector}): ${v.join('; ')}`);
  };
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const signalPosts = [];
  page.on('request', (r) => r.url().startsWith(`${serverB}/v1/signals`) && signalPosts.push(r.url()));
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${site}/console.html#ideas`, { waitUntil: 'load' });
  await page.waitForSelector('form.sign-in [name="endpoint"]', { timeout: 10000 });
  await page.$eval('form.sign-in [name="endpoint"]', (el, url) => (el.value = url), serverB);
  await page.type('#token', tokenB);
  await page.keyboard.press('Enter');
  const rows = '#panel-ideas table.ideas tbody tr';
  await page.waitForSelector(rows, { timeout: 10000 });

  await check(`ideas: a board of ${IDEAS.toLocaleString('en')} ideas shows one page (at most ${PAGE} rows) and the total; Show more adds one page`, async () => {
    const shown = await page.$$eval(rows, (trs) => trs.length);
    if (shown < 1 || shown > PAGE) throw new Error(`${shown} rows`);
    const caption = await page.$eval('#panel-ideas table.ideas caption', (el) => el.textContent.replace(/\s+/g, ' ').trim());
    if (caption !== `${shown}+ of 5,000 on elsewhere, newest first`) throw new Error(`caption: ${caption}`);
    const headers = await page.$eval('#panel-ideas table.ideas thead', (el) => el.getBoundingClientRect().height);
    if (headers < 10) throw new Error(`the column headers are ${headers} px high on a wide screen`);
    await page.click('#panel-ideas .more button');
    await page.waitForFunction((sel, n) => document.querySelectorAll(sel).length > n, { timeout: 5000 }, rows, shown);
    const more = await page.$$eval(rows, (trs) => trs.length);
    if (more > 2 * PAGE) throw new Error(`${more} rows after Show more`);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  });

  await check('ideas: the public board below reads the server signed in to, not the demo’s own', async () => {
    const board = '#panel-ideas kolo-idea-board';
    await page
      .waitForFunction((sel) => document.querySelector(sel)?.shadowRoot?.textContent.includes('Only on the server signed in to'), { timeout: 8000 }, board)
      .catch(async () => {
        throw new Error(`the board shows “${await page.$eval(board, (el) => el.shadowRoot?.textContent.replace(/\s+/g, ' ').slice(0, 200))}”`);
      });
  });

  await check('ideas: the team viewing the public board sends no signal (its views don’t count in the site’s metrics)', async () => {
    const day = 24 * 3600_000;
    const range = `from=${new Date(Date.now() - day).toISOString()}&to=${new Date(Date.now() + day).toISOString()}`;
    const views = async () => (await admin('GET', `/metrics?${range}`)).widgets['ideas:elsewhere']?.views ?? 0;
    const before = await views();
    // in sight for over a second makes a view; the HTTP adapter sends its signals every 5 s
    await page.$eval('#panel-ideas kolo-idea-board', (el) => el.scrollIntoView({ block: 'start' }));
    await new Promise((r) => setTimeout(r, 7000));
    const after = await views();
    if (signalPosts.length || after !== before) throw new Error(`${signalPosts.length} signal request(s) sent; the board's views went from ${before} to ${after}`);
  });

  await check('ideas at 375 px: the tab does not scroll sideways and a title keeps its width (a card per idea)', async () => {
    await page.setViewport({ width: 375, height: 800 });
    await page.waitForFunction(() => innerWidth === 375);
    const g = await page.$eval('#panel-ideas', (panel) => {
      const title = panel.querySelector('table.ideas tbody th');
      return { scroll: panel.scrollWidth, client: panel.clientWidth, page: document.documentElement.scrollWidth, title: title.getBoundingClientRect().width };
    });
    if (g.scroll > g.client) throw new Error(`the tab overflows by ${g.scroll - g.client} px`);
    if (g.page > 375) {
      const widest = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > 375 && el.getClientRects().length).map((el) => `${el.localName}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} (${Math.round(el.getBoundingClientRect().right)} px)`).slice(0, 5).join(', '));
      throw new Error(`the page is ${g.page} px wide: ${widest}`);
    }
    if (g.title <= 120) throw new Error(`a title cell is ${g.title} px wide`);
    const headers = await page.$eval('#panel-ideas table.ideas thead', (el) => el.getBoundingClientRect().height);
    if (headers > 1) throw new Error(`the column headers show (${headers} px high); each card labels its facts`);
    // the title is still the row's header for a screen reader
    const node = await page.$('#panel-ideas table.ideas tbody th');
    const ax = await page.accessibility.snapshot({ root: node, interestingOnly: false });
    if (ax?.role !== 'rowheader') throw new Error(`the title cell's role is ${ax?.role}`);
    await axe('#panel-ideas');
    if (process.env.KOLO_SCREENSHOTS) await page.screenshot({ path: join(process.env.KOLO_SCREENSHOTS, 'console-ideas-375.png'), fullPage: false });
    await page.setViewport({ width: 1280, height: 900 });
  });

  await check('metrics: no share above 100 %; people who acted without a counted view are shown apart', async () => {
    await page.click('#tab-metrics');
    await page.waitForSelector('#panel-metrics tr[data-widget="choice:ab"]', { timeout: 10000 });
    const shares = await page.$$eval('#panel-metrics [data-metric="activeShare"]', (els) => els.map((el) => (el.querySelector('dd') ?? el).textContent.trim()));
    const over = shares.filter((s) => parseFloat(s) > 100);
    if (!shares.length || over.length) throw new Error(`shares shown: ${shares.join(', ')}`);
    const row = await page.$eval('#panel-metrics tr[data-widget="choice:ab"]', (tr) => Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.dataset.metric, td.textContent.trim()])));
    if (row.activeShare !== '100.0%' || row.actors !== '5' || row.actorsWithoutView !== '3') throw new Error(`choice:ab: ${JSON.stringify(row)}`);
    // the share of signed actions is shown (the fixture's metrics come from signals: no ballot of the range, so no share)
    const signed = await page.$$eval('#panel-metrics dl[aria-label="Signed identity"] > div', (ds) => Object.fromEntries(ds.map((d) => [d.dataset.metric, d.querySelector('dd').textContent.trim()])));
    if (signed.signedShare !== '–' || signed.signedActions !== '0 of 0') throw new Error(`signed identity: ${JSON.stringify(signed)}`);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  });

  await check('metrics: return after 7 and 30 days, questions per week and conversion per campaign show the fixture’s numbers', async () => {
    const cells = (sel) => page.$eval(sel, (tr) => Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.dataset.metric ?? td.dataset.board, td.textContent.trim()])));
    const poll = await cells('#panel-metrics tr[data-returns="poll:back"]');
    if (poll.newPeople !== '3' || poll.after7 !== '50.0% (1 of 2)' || poll.after30 !== '– (0 of 0)') throw new Error(`poll:back: ${JSON.stringify(poll)}`);
    // the site: also the 5 people who acted on choice:ab today
    const site = await page.$$eval('#panel-metrics dl[aria-label="Return to the whole site"] div', (els) => els.map((el) => el.querySelector('dd').textContent.trim()));
    if (site.join(' | ') !== '8 | 50.0% (1 of 2) | – (0 of 0)') throw new Error(`site: ${site.join(' | ')}`);
    const weeks = await page.$$eval('#panel-metrics table.weeks tbody tr', (trs) => trs.map((tr) => [tr.dataset.week, tr.querySelector('[data-metric="questions"]').textContent.trim(), tr.querySelector('[data-board="questions:weekly"]').textContent.trim()]));
    if (weeks.length !== 1 || !/^\d{4}-W\d\d$/.test(weeks[0][0]) || weeks[0][1] !== '3' || weeks[0][2] !== '3') throw new Error(`weeks: ${JSON.stringify(weeks)}`);
    const spring = await cells('#panel-metrics tr[data-campaign="spring"]');
    if (spring.views !== '4' || spring.nextSteps !== '1' || spring.conversion !== '25.0%') throw new Error(`spring: ${JSON.stringify(spring)}`);
  });

  await check('team: the owner decides on an idea, and the audit log lists the decision with who, before and after', async () => {
    // the tab loads its list again when shown: wait until that answer is in, or the click lands on a row it replaces
    await Promise.all([page.waitForNetworkIdle({ idleTime: 300, timeout: 10000 }), page.click('#tab-ideas')]);
    const first = '#panel-ideas table.ideas tbody tr';
    await page.waitForSelector(first, { timeout: 10000 });
    const id = await page.$eval(first, (tr) => tr.dataset.idea);
    await page.click(`#panel-ideas tr[data-idea="${id}"] button`);
    await page.waitForSelector('#panel-ideas form.respond select[name="status"]');
    await page.select('#panel-ideas form.respond select[name="status"]', 'planned');
    await page.click('#panel-ideas form.respond button[type="submit"]');
    const status = () => page.$$eval('[role="tabpanel"]:not([hidden]) [role="status"]', (s) => s.map((e) => e.textContent).join(' '));
    await page.waitForFunction(() => !document.querySelector('#panel-ideas form.respond'), { timeout: 10000 }).catch(async () => {
      throw new Error(`the respond form stays open; the tab says: ${await status()}`);
    });
    await page.click('#tab-audit');
    const row = '#panel-audit tr[data-action="idea.moderate"]';
    await page.waitForSelector(row, { timeout: 10000 }).catch(async () => {
      throw new Error(`no idea.moderate row in the audit log; the tab says: ${await status()}; rows: ${await page.$$eval('#panel-audit tbody tr', (r) => r.map((x) => x.dataset.action).join())}`);
    });
    const cells = await page.$eval(row, (tr) => [...tr.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim()));
    const [, who, action, target, before, after] = cells;
    if (action !== 'idea.moderate' || !who.startsWith('owner (KOLO_ADMIN_TOKEN)') || target !== `ideas/elsewhere/${id}` || !before.includes('"status":"review"') || !after.includes('"status":"planned"'))
      throw new Error(`audit row: ${JSON.stringify(cells)}`);
    await axe('#panel-audit');
  });

  await check('widgets: the owner requires the community rules on the AMA; a question without them is refused (409 naming rulesAccepted); the audit log lists the change', async () => {
    await page.click('#tab-widgets');
    const row = '#panel-widgets tr[data-widget="questions:weekly"]';
    await page.waitForSelector(row, { timeout: 10000 });
    await page.click(`${row} button`);
    await page.waitForSelector('#panel-widgets form.widget-editor [name="requireRules"]');
    await page.click('#panel-widgets form.widget-editor [name="requireRules"]');
    // no least fill time: the question below is sent as soon as the board is loaded
    await page.$eval('#panel-widgets form.widget-editor [name="minFill"]', (el) => (el.value = '0'));
    await page.click('#panel-widgets form.widget-editor button[type="submit"]');
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.includes('community rules required'), { timeout: 5000 }, row);
    await axe('#panel-widgets');
    const sent = await page.evaluate(async (url) => {
      const board = await (await fetch(`${url}/v1/widgets/questions/weekly`, { headers: { 'kolo-voter': 'v_e2erules0001' } })).json();
      const r = await fetch(`${url}/v1/actions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'idea', id: 'e2e-rules-1', voter: 'v_e2erules0001', widget: { kind: 'questions', id: 'weekly' }, idea: { title: 'When do the night trams start?' }, honeypot: '', startedAt: new Date(Date.now() - 60000).toISOString(), form: board.form, policy: { moderated: false, minFillMs: 0, maxPerDay: 5, titleMin: 8, titleMax: 140, detailsMax: 2000, categories: [] }, at: new Date().toISOString() }),
      });
      return { status: r.status, body: await r.json() };
    }, serverB);
    if (sent.status !== 409 || sent.body.error?.reason !== 'rules-required' || !sent.body.error.message.includes('rulesAccepted')) throw new Error(`a question without the rules: ${JSON.stringify(sent)}`);
    await page.click('#tab-audit');
    const audit = '#panel-audit tr[data-action="widget.settings"]';
    await page.waitForSelector(audit, { timeout: 5000 });
    const after = await page.$eval(audit, (tr) => tr.children[5].textContent);
    if (!after.includes('"requireRules":true')) throw new Error(`audit after: ${after}`);
  });

  await check('webhooks: the owner adds one (secret shown once); a decision reaches a local receiver, signed; the log shows it and replays it', async () => {
    const got = [];
    const receiver = createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => (got.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }), res.end('ok')));
    });
    await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
    const hookUrl = `http://127.0.0.1:${receiver.address().port}/kolo`;
    const waitFor = async (n) => {
      for (let i = 0; i < 100 && got.length < n; i++) await new Promise((r) => setTimeout(r, 100));
      if (got.length < n) throw new Error(`the receiver got ${got.length} deliveries, not ${n}`);
    };
    try {
      await page.click('#tab-webhooks');
      await page.waitForSelector('#panel-webhooks form.make-webhook');
      await page.type('#panel-webhooks form.make-webhook [name="url"]', hookUrl);
      await page.click('#panel-webhooks form.make-webhook button[type="submit"]');
      await page.waitForSelector('#new-secret', { timeout: 5000 });
      const secret = await page.$eval('#new-secret', (el) => el.value);
      if (!/^whsec_[\w-]{43}$/.test(secret)) throw new Error(`the secret shown: ${secret}`);
      await page.waitForSelector(`#panel-webhooks tr[data-webhook="${hookUrl}"]`);
      await admin('POST', '/ideas/ideas/elsewhere/e-2', { status: 'done', answer: 'Shipped' });
      await waitFor(1);
      const [{ headers, body }] = got;
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(headers['kolo-signature']) ?? [];
      if (v1 !== createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')) throw new Error(`a signature that does not verify: ${headers['kolo-signature']}`);
      if (JSON.parse(body).data.item.id !== 'e-2') throw new Error(`delivered: ${body}`);
      await page.click(`#panel-webhooks tr[data-webhook="${hookUrl}"] button.log`);
      const row = '#panel-webhooks webhook-log tr[data-status="delivered"]';
      await page.waitForSelector(row, { timeout: 5000 });
      await axe('#panel-webhooks');
      await page.click(`${row} button.replay`);
      await waitFor(2);
      if (got[1].headers['kolo-delivery'] !== headers['kolo-delivery'] || got[1].body !== body) throw new Error('the replay is not the same delivery');
    } finally {
      await new Promise((r) => receiver.close(r));
    }
  });

  await check('queue: each waiting item shows its reply clock in working hours (overdue said in words), least time left first or newest first; the service level sets the target', async () => {
    await page.click('#tab-queue');
    const clocks = () => page.$$eval('#panel-queue ol.queue li', (lis) => lis.map((li) => [li.dataset.idea, li.querySelector('.clock')?.textContent.replace(/\s+/g, ' ').trim()]));
    await page.waitForSelector('#panel-queue ol.queue li .clock', { timeout: 10000 });
    const [late, fresh] = await clocks();
    if (late[0] !== 'late' || !/^Overdue: [\d,.]+ of 48 working hours, [\d,.]+ over$/.test(late[1])) throw new Error(`the overdue clock: ${JSON.stringify(late)}`);
    if (fresh[0] !== 'fresh' || !/^Waiting [\d.]+ of 48 working hours, [\d.]+ left$/.test(fresh[1])) throw new Error(`the fresh clock: ${JSON.stringify(fresh)}`);
    await axe('#panel-queue');
    await page.select('#panel-queue select[name="sort"]', 'new');
    await page.waitForFunction(() => document.querySelector('#panel-queue ol.queue li')?.dataset.idea === 'fresh', { timeout: 5000 });
    await page.click('#tab-service');
    await page.waitForSelector('#panel-service form.service');
    await page.$eval('#panel-service [name="target"]', (el) => (el.value = '4000'));
    await page.click('#panel-service form.service button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('#panel-service [role="status"]')?.textContent.startsWith('Saved: reply within 4000 working hours'), { timeout: 5000 });
    await axe('#panel-service');
    await page.click('#tab-queue');
    await page.click('#panel-queue .bar button');
    await page.waitForFunction(() => [...document.querySelectorAll('#panel-queue .clock')].every((c) => c.textContent.includes('of 4,000 working hours') && !c.classList.contains('overdue')), { timeout: 5000 });
  });

  await check('team: the owner makes an analyst token (shown once); signed in with it, metrics show and moderation is refused', async () => {
    await page.click('#tab-team');
    await page.waitForSelector('#panel-team form.make-token');
    await page.type('#panel-team form.make-token [name="name"]', 'Ada the analyst');
    await page.select('#panel-team form.make-token [name="role"]', 'analyst');
    await page.click('#panel-team form.make-token button[type="submit"]');
    await page.waitForSelector('#new-token', { timeout: 5000 });
    const token = await page.$eval('#new-token', (el) => el.value);
    await page.waitForSelector('#panel-team tr[data-token="Ada the analyst"]');
    if (!/^kolo_[\w-]{40,}$/.test(token)) throw new Error(`the token shown: ${token}`);
    await axe('#panel-team');
    await page.click('.signed-in button');
    await page.waitForSelector('#token');
    await page.$eval('form.sign-in [name="endpoint"]', (el, url) => (el.value = url), serverB);
    await page.type('#token', token);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[role="tab"]', { timeout: 10000 });
    const tabs = await page.$$eval('[role="tab"]', (els) => els.map((el) => el.id));
    if (tabs.join() !== 'tab-metrics,tab-export') throw new Error(`the analyst sees the tabs ${tabs.join(', ')}`);
    const who = await page.$eval('.signed-in .member', (el) => el.textContent.trim());
    if (who !== 'Ada the analyst') throw new Error(`signed in as ${who}`);
    await page.waitForSelector('#panel-metrics tr[data-widget="choice:ab"]', { timeout: 10000 });
    const refused = await page.evaluate(async (url, t) => {
      const r = await fetch(`${url}/v1/admin/ideas/ideas/elsewhere/e-1`, { method: 'POST', headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' }, body: JSON.stringify({ status: 'declined' }) });
      return { status: r.status, reason: (await r.json()).error?.reason };
    }, serverB, token);
    if (refused.status !== 403 || refused.reason !== 'forbidden') throw new Error(`moderation as the analyst: ${JSON.stringify(refused)}`);
    // the analyst's export leaves out who wrote each idea and the contacts people left
    if (await page.$('#panel-export #export-contact')) throw new Error('the analyst is offered the contacts in the export');
    if (!(await page.$eval('#panel-export', (el) => el.textContent)).includes('Without who wrote each one')) throw new Error('the export does not say what it leaves out');
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  });
} catch (e) {
  fail(`console e2e could not run: ${e.message}`);
} finally {
  await browser?.close();
  await Promise.all([stop(site$), stop(b$)]);
  rmSync(data, { recursive: true, force: true });
}
finish('console e2e');
