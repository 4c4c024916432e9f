#!/usr/bin/env node
// The demo as a person uses it, started as the README's demo command starts it (Kolo's server on
// PGlite + the Vite demo), in a temp data folder: vote in Chromium, reload, watch a second tab and a
// second browser (another person) update live. Prints its own counts; KOLO_RESULTS=file writes {passed, failed}.
import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.KOLO_E2E_PORT ?? 5188);
const apiPort = port + 1000;
const data = mkdtempSync(join(tmpdir(), 'kolo-e2e-data-'));
const url = `http://127.0.0.1:${port}/`;
let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`  ✓ ${name}`);
  } catch (e) {
    failed++;
    console.log(`  ✗ ${name}\n    ${e.message}`);
  }
}

const server = spawn('pnpm', ['--filter', '@kolo/demo', 'start'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
  env: { ...process.env, NO_COLOR: '1', KOLO_DEMO_PORT: String(port), KOLO_DEMO_API_PORT: String(apiPort), KOLO_DATA_DIR: data },
});
const stopServer = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
};
const profile = mkdtempSync(join(tmpdir(), 'kolo-e2e-'));
let browser;
try {
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the demo server did not start in 60 s')), 60000);
    let out = '';
    const onData = (d) => {
      // colors stay on under CI=true in some tools: compare the text without escape codes
      out += String(d).replace(/\x1b\[[0-9;]*m/g, '');
      if (out.includes(`127.0.0.1:${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (code) => reject(new Error(`the demo server exited (${code}): ${out}`)));
  });

  browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    userDataDir: profile,
    protocolTimeout: 30000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: 'load' });
  const poll = 'kolo-poll[poll-id="format-2026"]';
  const state = (p, sel, s) => p.$eval(sel, (el, s) => el.matches(`:state(${s})`), s);

  await check('the demo runs on Kolo\'s server and serves every poll', async () => {
    await page.waitForFunction(() => document.documentElement.dataset.kolo, { timeout: 5000 });
    const mode = await page.evaluate(() => document.documentElement.dataset.kolo);
    if (mode !== 'server') throw new Error(`the demo runs on the ${mode} adapter`);
    await page.waitForFunction(() => [...document.querySelectorAll('kolo-poll')].every((e) => e.matches(':state(ready)')), { timeout: 8000 });
    const count = await page.$$eval('kolo-poll', (els) => els.filter((e) => e.shadowRoot?.querySelector('legend')).length);
    if (count < 4) throw new Error(`only ${count} polls rendered`);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  });

  const other = await browser.newPage();
  await other.goto(url, { waitUntil: 'load' });

  await check('a person can vote in the English poll', async () => {
    await page.bringToFront();
    await page.waitForFunction((sel) => document.querySelector(sel).matches(':state(ready)'), { timeout: 5000 }, poll);
    const radios = await page.$$(`${poll} >>> input`);
    await radios[1].click();
    await page.click(`${poll} >>> [part~="vote-button"]`);
    await page.waitForFunction((sel) => document.querySelector(sel).matches(':state(voted)'), { timeout: 5000 }, poll);
    const text = await page.$eval(poll, (el) => el.shadowRoot.textContent);
    if (!/100%/.test(text) || !text.includes('your choice')) throw new Error(`results not shown: ${text.replace(/\s+/g, ' ')}`);
  });

  await check('another open tab sees the vote live, without reloading', async () => {
    // a tab in the background runs no animation frames: poll on a timer
    await other.waitForFunction((sel) => document.querySelector(sel).matches(':state(voted)'), { timeout: 5000, polling: 100 }, poll);
  });

  await check('another person in another browser sees the vote arrive live, and their vote reaches the first', async () => {
    const pollSel = 'kolo-poll[poll-id="digest"]';
    const ctx = await browser.createBrowserContext();
    const stranger = await ctx.newPage();
    await stranger.goto(url, { waitUntil: 'load' });
    await stranger.waitForFunction((sel) => document.querySelector(sel).matches(':state(ready)'), { timeout: 8000 }, pollSel);
    const total = (p) => p.$eval(pollSel, (el) => el.shadowRoot.querySelector('[part~="total"]').textContent.trim());
    const before = await total(stranger);
    await page.bringToFront();
    await page.waitForFunction((sel) => document.querySelector(sel).matches(':state(ready)'), { timeout: 5000 }, pollSel);
    await page.click(`${pollSel} >>> input[value="daily"]`);
    await page.click(`${pollSel} >>> [part~="vote-button"]`);
    await stranger.waitForFunction((sel, before) => document.querySelector(sel).shadowRoot.querySelector('[part~="total"]').textContent.trim() !== before, { timeout: 3000 }, pollSel, before);
    if ((await total(stranger)) !== '38 votes') throw new Error(`the other browser shows ${await total(stranger)}`);
    await stranger.click(`${pollSel} >>> input[value="weekly"]`);
    await stranger.click(`${pollSel} >>> [part~="vote-button"]`);
    await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('[part~="total"]').textContent.trim() === '39 votes', { timeout: 3000 }, pollSel);
    await ctx.close();
  });

  await check('the vote and its results survive a reload', async () => {
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction((sel) => document.querySelector(sel).matches(':state(ready)'), { timeout: 5000 }, poll);
    if (!(await state(page, poll, 'voted'))) throw new Error('not voted after reload');
    const mine = await page.$eval(poll, (el) => el.shadowRoot.querySelector('[part~="option-mine"]')?.textContent ?? '');
    if (!mine.includes('Short video')) throw new Error(`wrong choice after reload: ${mine}`);
  });

  const shadow = (sel, fn, arg) => page.$eval(sel, fn, arg);
  const waitState = (sel, s) => page.waitForFunction((sel, s) => document.querySelector(sel)?.matches(`:state(${s})`), { timeout: 5000 }, sel, s);

  await check('the A/B choice, the quiz and the reactions work and survive a reload', async () => {
    const choice = 'kolo-choice';
    await waitState(choice, 'ready');
    await shadow(choice, (el) => el.shadowRoot.querySelector('input[type="radio"]').click());
    await shadow(choice, (el) => el.updateComplete);
    await shadow(choice, (el) => el.shadowRoot.querySelector('[part~="vote-button"]').click());
    await waitState(choice, 'voted');

    const quiz = 'kolo-quiz';
    await waitState(quiz, 'ready');
    await shadow(quiz, (el) => el.shadowRoot.querySelectorAll('input')[1].click());
    await shadow(quiz, (el) => el.updateComplete);
    await shadow(quiz, (el) => el.shadowRoot.querySelector('[part~="check-button"]').click());
    await waitState(quiz, 'answered');
    const verdict = await shadow(quiz, (el) => el.shadowRoot.querySelector('[part~="verdict"]').textContent.trim());
    if (verdict !== 'Correct.') throw new Error(`quiz verdict: ${verdict}`);

    const reactions = 'kolo-reactions[reactions-id="post-formats"]';
    await shadow(reactions, (el) => el.shadowRoot.querySelector('[part~="reaction"]').click());
    await waitState(reactions, 'voted');

    await page.reload({ waitUntil: 'load' });
    await waitState(choice, 'voted');
    await waitState(reactions, 'voted');
    await waitState(quiz, 'ready');
    const progress = await shadow(quiz, (el) => el.shadowRoot.querySelector('[part~="progress"]')?.textContent.trim());
    if (progress !== 'Question 2 of 3') throw new Error(`quiz did not resume: ${progress}`);
    const thumbs = await shadow(reactions, (el) => el.shadowRoot.querySelector('[part~="reaction-mine"]')?.getAttribute('aria-label'));
    if (thumbs !== 'thumbs up, 13') throw new Error(`reaction after reload: ${thumbs}`);
  });

  await check('the Ukrainian poll speaks Ukrainian', async () => {
    const text = await page.$eval('kolo-poll[lang="uk"]', (el) => el.shadowRoot.textContent);
    if (!text.includes('Проголосувати')) throw new Error(text.replace(/\s+/g, ' '));
  });

  // Ideas and questions: submit, moderate in the team panel, upvote, "you asked, we did".
  const ideas = await browser.newPage();
  ideas.on('pageerror', (e) => errors.push(e.message));
  await ideas.goto(`${url}ideas.html`, { waitUntil: 'load' });
  const form = 'kolo-idea-form[board-id="roadmap"]';
  const board = 'kolo-idea-board[board-id="roadmap"]';
  const onIdeas = (sel, s) => ideas.waitForFunction((sel, s) => document.querySelector(sel)?.matches(`:state(${s})`), { timeout: 8000 }, sel, s);
  const boardText = (sel = board) => ideas.$eval(sel, (el) => el.shadowRoot.textContent.replace(/\s+/g, ' '));
  const TITLE = 'Bike racks at every station';
  const ideaItem = (title) =>
    ideas.evaluateHandle(
      (sel, title) => [...document.querySelector(sel).shadowRoot.querySelectorAll('[part~="idea"]')].find((li) => li.querySelector('[part~="idea-title"]').textContent === title),
      board,
      title,
    );

  await check('ideas: a person submits an idea, which waits for moderation, visible to them on the board', async () => {
    await onIdeas(form, 'ready');
    await ideas.type(`${form} >>> [name="title"]`, TITLE);
    await ideas.type(`${form} >>> [name="details"]`, 'At least at the big ones, covered from the rain.');
    await ideas.select(`${form} >>> [name="category"]`, 'web');
    // a person takes more than the minimum fill time (3 s) to write an idea
    await new Promise((r) => setTimeout(r, 3100));
    await ideas.click(`${form} >>> [part~="submit-button"]`);
    await onIdeas(form, 'sent');
    const thanks = await ideas.$eval(form, (el) => el.shadowRoot.textContent);
    if (!thanks.includes('after a moderator reviews it')) throw new Error(`thank-you: ${thanks.replace(/\s+/g, ' ')}`);
    await ideas.waitForFunction((sel, t) => document.querySelector(sel).shadowRoot.textContent.includes(t), { timeout: 5000 }, board, TITLE);
    const text = await (await ideaItem(TITLE)).evaluate((li) => li.textContent.replace(/\s+/g, ' '));
    if (!text.includes('Waiting for moderation') || !text.includes('Only you can see this')) throw new Error(`pending idea: ${text}`);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  });

  const moderate = async (status, fields = {}) => {
    await ideas.select('#moderate [name="board"]', 'roadmap|idea');
    await ideas.waitForFunction((t) => [...document.querySelectorAll('#moderate [name="idea"] option')].some((o) => o.textContent.includes(t)), { timeout: 5000 }, TITLE);
    const id = await ideas.$$eval('#moderate [name="idea"] option', (os, t) => os.find((o) => o.textContent.includes(t)).value, TITLE);
    await ideas.select('#moderate [name="idea"]', id);
    await ideas.select('#moderate [name="status"]', status);
    for (const [name, value] of Object.entries(fields)) {
      await ideas.$eval(`#moderate [name="${name}"]`, (el, v) => (el.value = v), value);
    }
    await ideas.click('#moderate button[type="submit"]');
    await ideas.waitForFunction(() => document.querySelector('#moderate-status').textContent.startsWith('Applied'), { timeout: 5000 });
  };

  await check('ideas: the team publishes it, and it can be upvoted from the board (one removable upvote)', async () => {
    await moderate('review');
    await ideas.waitForFunction((sel, t) => document.querySelector(sel).shadowRoot.textContent.includes('Under review') && !document.querySelector(sel).shadowRoot.textContent.includes('Only you can see this'), { timeout: 5000 }, board, TITLE);
    const button = async () => (await ideaItem(TITLE)).asElement().$('[part~="upvote-button"]');
    const pressed = async () => (await button()).evaluate((b) => `${b.getAttribute('aria-pressed')} ${b.textContent.replace(/\s+/g, '')}`);
    // the author's own upvote came with the idea
    if ((await pressed()) !== 'true ▲1') throw new Error(`author's upvote: ${await pressed()}`);
    await (await button()).click();
    await ideas.waitForFunction(async (sel) => !document.querySelector(sel).matches(':state(pending)'), { timeout: 5000 }, board);
    if ((await pressed()) !== 'false ▲0') throw new Error(`upvote removed: ${await pressed()}`);
    await (await button()).click();
    await ideas.waitForFunction(async (sel) => !document.querySelector(sel).matches(':state(pending)'), { timeout: 5000 }, board);
    if ((await pressed()) !== 'true ▲1') throw new Error(`upvoted again: ${await pressed()}`);
  });

  await check('ideas: marked done with an answer, the board says "you asked, we did" live, also after a reload', async () => {
    await moderate('done', { answer: 'Installed at all 40 stations in November.', link: 'https://example.org/news/bike-racks' });
    await ideas.waitForFunction((sel) => document.querySelector(sel).shadowRoot.textContent.includes('Installed at all 40 stations'), { timeout: 5000 }, board);
    const text = await (await ideaItem(TITLE)).evaluate((li) => li.textContent.replace(/\s+/g, ' '));
    if (!text.includes('You asked, we did') || !text.includes('Read the announcement')) throw new Error(`done idea: ${text}`);
    await ideas.reload({ waitUntil: 'load' });
    await onIdeas(board, 'ready');
    if (!(await boardText()).includes('Installed at all 40 stations')) throw new Error('the answer did not survive a reload');
  });

  await check('AMA: a question is published at once and shows on the question board', async () => {
    const ask = 'kolo-idea-form[board-id="friday"]';
    await onIdeas(ask, 'ready');
    await ideas.type(`${ask} >>> [name="title"]`, 'Will trams run on New Year’s Eve?');
    await new Promise((r) => setTimeout(r, 3100));
    await ideas.click(`${ask} >>> [part~="submit-button"]`);
    await onIdeas(ask, 'sent');
    if (!(await ideas.$eval(ask, (el) => el.shadowRoot.textContent)).includes('It is published')) throw new Error('not published');
    await ideas.waitForFunction((sel) => document.querySelector(sel).shadowRoot.textContent.includes('Will trams run'), { timeout: 5000 }, '#friday-board');
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  });

  // FAQ, myths and responsible help
  const help = await browser.newPage();
  help.on('pageerror', (e) => errors.push(e.message));
  await help.goto(`${url}help.html`, { waitUntil: 'load' });
  const inside = (sel, fn, arg) => help.$eval(sel, fn, arg);
  const onHelp = (sel, s) => help.waitForFunction((sel, s) => document.querySelector(sel)?.matches(`:state(${s})`), { timeout: 8000 }, sel, s);
  const bannerSel = 'kolo-help-banner';
  const faqSel = 'kolo-faq-carousel[carousel-id="odds-faq"]';
  const mythsSel = 'kolo-faq-carousel[carousel-id="myths-uk"]';
  const currentCard = (sel) => inside(sel, (el) => [...el.shadowRoot.querySelectorAll('[part~="slide"]')].findIndex((s) => !s.inert));

  await check('help: the banner shows the region of the page language, switches region, and is never hideable where required', async () => {
    await onHelp(bannerSel, 'ready');
    const contacts = () => inside(bannerSel, (el) => [...el.shadowRoot.querySelectorAll('[part~="contact"]')].map((a) => a.textContent).join(' | '));
    if (!(await contacts()).includes('National Gambling Helpline')) throw new Error(`default region: ${await contacts()}`);
    await help.click('#region-ua');
    await help.waitForFunction((sel) => document.querySelector(sel).shadowRoot.textContent.includes('Лінія допомоги'), { timeout: 5000 }, bannerSel);
    await help.click('#region-de');
    await onHelp(bannerSel, 'required');
    if (await inside(bannerSel, (el) => !!el.shadowRoot.querySelector('[part~="snooze-button"]'))) throw new Error('hideable in a required region');
    await help.click('#region-auto');
    await help.waitForFunction((sel) => !document.querySelector(sel).matches(':state(required)'), { timeout: 5000 }, bannerSel);
  });

  await check('help: the FAQ and the Ukrainian myths move card by card; "was this helpful?" is kept after a reload', async () => {
    await onHelp(faqSel, 'ready');
    await help.click(`${faqSel} >>> [part~="next-button"]`);
    await help.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('[part~="position"]').textContent.replace(/\s+/g, '') === '2/3', { timeout: 5000 }, faqSel);
    await help.waitForFunction((sel) => Math.abs(document.querySelector(sel).shadowRoot.querySelector('[part~="slides"]').scrollLeft) > 10, { timeout: 5000 }, faqSel);
    await help.click(`${faqSel} >>> [part~="slide-current"] [part~="yes-button"]`);
    await help.waitForFunction((sel) => document.querySelector(sel).shadowRoot.textContent.includes('Thank you for your feedback.'), { timeout: 5000 }, faqSel);
    const myths = await inside(mythsSel, (el) => el.shadowRoot.querySelector('[part~="slide-current"]').textContent.replace(/\s+/g, ' '));
    if (!myths.includes('Міф') || !myths.includes('Факт') || !myths.includes('Що робити')) throw new Error(`myth card: ${myths}`);
    await help.reload({ waitUntil: 'load' });
    await onHelp(faqSel, 'ready');
    await help.click(`${faqSel} >>> [part~="next-button"]`);
    await help.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('[part~="slide-current"]')?.textContent.includes('Thank you for your feedback.'), { timeout: 5000 }, faqSel);
  });

  await check('help: a deep link opens its card', async () => {
    await help.goto(`${url}help.html#myths-uk/skill`, { waitUntil: 'load' });
    await help.waitForFunction((sel) => [...document.querySelector(sel).shadowRoot.querySelectorAll('[part~="slide"]')].findIndex((s) => !s.inert) === 2, { timeout: 5000 }, mythsSel);
    if ((await currentCard(mythsSel)) !== 2) throw new Error('wrong card');
  });

  await check('help: hidden for 30 days, the banner stays hidden after a reload; the disclosure label explains itself', async () => {
    await onHelp(bannerSel, 'ready');
    await help.click(`${bannerSel} >>> [part~="snooze-button"]`);
    await onHelp(bannerSel, 'hidden');
    await help.reload({ waitUntil: 'load' });
    await onHelp(bannerSel, 'hidden');
    await help.click('kolo-disclosure >>> button');
    await help.waitForFunction(() => document.querySelector('kolo-disclosure').shadowRoot.querySelector('[popover]').matches(':popover-open'), { timeout: 5000 });
    const about = await inside('kolo-disclosure', (el) => el.shadowRoot.querySelector('[popover]').textContent);
    if (!about.includes('Safer Play UA')) throw new Error(`explanation: ${about}`);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  });
} catch (e) {
  failed++;
  console.log(`  ✗ demo e2e could not run: ${e.message}`);
} finally {
  await browser?.close();
  stopServer();
  rmSync(profile, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
}

console.log(`demo e2e: ${passed} passed, ${failed} failed`);
if (process.env.KOLO_RESULTS) writeFileSync(process.env.KOLO_RESULTS, JSON.stringify({ passed, failed }));
process.exit(failed ? 1 : 0);
