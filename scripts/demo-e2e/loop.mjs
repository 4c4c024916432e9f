// The loop closed, as issue 17's "done when" says, in the running demo: a signed-in visitor votes on
// two browsers and is counted once; an anonymous visitor suggests an idea with their email, confirms
// it from the mail the demo's mailbox caught, and when the team marks the idea done they are emailed,
// the demo's webhook receiver gets a delivery whose signature verifies, and the page's changelog shows
// it live. (The analyst refused moderation and the audit log are checked by the console e2e.)

/** The mailbox's and the receiver's catch, as the Inbox page reads it. */
const inbox = async (url) => (await fetch(`${url}demo/inbox.json`)).json();

/** Wait until `fn` gives something truthy (every 250 ms, at most `ms`), else fail with `what`. */
async function until(fn, what, ms = 20000) {
  const end = Date.now() + ms;
  for (;;) {
    const got = await fn();
    if (got) return got;
    if (Date.now() > end) throw new Error(`waited ${ms / 1000} s for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Wait until the widget `sel` on `page` is in `state` (with `settled`, no vote of its is on its way); on a
 * timeout the error says what the widget showed and what the page logged, to tell a refusal from a slow page.
 */
async function inState(page, sel, state, { ms = 5000, settled = false } = {}) {
  try {
    await page.waitForFunction(
      (sel, state, settled) => {
        const el = document.querySelector(sel);
        return el?.matches(`:state(${state})`) && !(settled && el.matches(':state(pending)'));
      },
      { timeout: ms },
      sel,
      state,
      settled,
    );
  } catch (e) {
    const shows = await page.$eval(sel, (el) => el.shadowRoot?.textContent.replace(/\s+/g, ' ').trim().slice(0, 300)).catch(() => 'nothing');
    throw new Error(`${sel} not ${state}${settled ? ' (settled)' : ''} in ${ms / 1000} s; it shows: ${shows}; the page logged: ${(page.logged ?? []).join(' | ') || 'nothing'}`);
  }
}

/** A new page in `ctx` that keeps what it logs as a warning or an error (for `inState`'s message). */
async function newPage(ctx) {
  const page = await ctx.newPage();
  page.logged = [];
  page.on('console', (m) => ['error', 'warn'].includes(m.type()) && !m.text().includes('Lit is in dev mode') && page.logged.push(m.text()));
  page.on('pageerror', (e) => page.logged.push(e.message));
  return page;
}

export async function loopChecks({ browser, url, apiPort, adminToken, check: counted }) {
  const admin = { authorization: `Bearer ${adminToken}` };
  const api = `http://127.0.0.1:${apiPort}`;
  const poll = 'kolo-poll[poll-id="topics-uk"]';
  const voters = async () => (await (await fetch(`${api}/v1/widgets/poll/topics-uk`, { headers: { 'kolo-voter': 'v_e2ecounter01' } })).json()).voters;
  /** the server's count once it has the vote (the widget shows a vote before the server answers) */
  const votersAfter = async (before) => {
    await until(async () => (await voters()) > before, 'the server to count the vote', 8000).catch(() => {});
    return voters();
  };
  // browsers a check opens are closed when it ends, passed or failed (a failed check must not leave
  // pages, and their live streams, to the next one)
  const opened = [];
  const context = async () => {
    const ctx = await browser.createBrowserContext();
    opened.push(ctx);
    return ctx;
  };
  /** open live streams, for a failure's message (the server caps them per address) */
  const streams = async () => (await (await fetch(`${api}/metrics`)).text()).match(/^kolo_live_streams_open (\d+)/m)?.[1] ?? '?';
  const check = (name, fn) =>
    counted(name, async () => {
      try {
        await fn();
      } catch (e) {
        throw new Error(`${e.message} (open live streams: ${await streams().catch(() => '?')})`);
      } finally {
        await Promise.all(opened.splice(0).map((c) => c.close().catch(() => {})));
      }
    });

  /** a new browser (its own storage: another device), signed in to the demo site as `person` with the header's picker */
  const signedIn = async (person) => {
    const ctx = await context();
    const page = await newPage(ctx);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('#person');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.select('#person', person)]);
    await inState(page, poll, 'ready', { ms: 8000 });
    return { ctx, page };
  };

  await check('a signed-in visitor votes in one browser and a second browser shows their vote: counted once, a change there counted once too', async () => {
    const before = await voters();
    const one = await signedIn('olena');
    await one.page.click(`${poll} >>> input[value="career"]`);
    await one.page.click(`${poll} >>> [part~="vote-button"]`);
    await inState(one.page, poll, 'voted', { settled: true });
    let now = await votersAfter(before);
    if (now !== before + 1) throw new Error(`voters ${before} → ${now} after the first browser`);
    const two = await signedIn('olena');
    await inState(two.page, poll, 'voted');
    const mine = await two.page.$eval(poll, (el) => el.shadowRoot.querySelector('[part~="option-mine"]')?.textContent ?? '');
    if (!mine.includes('Кар’єра')) throw new Error(`the second browser shows as hers: "${mine.trim()}"`);
    // she changes her answer there (the poll allows it): still one voter
    await two.page.click(`${poll} >>> [part~="change-button"]`);
    await two.page.click(`${poll} >>> input[value="health"]`);
    await two.page.click(`${poll} >>> [part~="vote-button"]`);
    await inState(two.page, poll, 'voted', { settled: true });
    // (the poll takes up to two answers: she now has both)
    const changed = await two.page.$eval(poll, (el) => [...el.shadowRoot.querySelectorAll('[part~="option-mine"]')].map((o) => o.textContent.replace(/\s+/g, ' ').trim()).join(' | '));
    if (!changed.includes('Здоров’я') || !changed.includes('Кар’єра')) throw new Error(`after her change the second browser shows as hers: "${changed}"`);
    // the server has answered the change: it still counts her once
    now = await voters();
    if (now !== before + 1) throw new Error(`voters ${before} → ${now} after the second browser`);
    // someone else, not signed in, is another voter
    const p = await newPage(await context());
    await p.goto(url, { waitUntil: 'load' });
    await inState(p, poll, 'ready', { ms: 8000 });
    if (await p.$eval(poll, (el) => el.matches(':state(voted)'))) throw new Error('an anonymous visitor sees Olena’s vote as theirs');
  });

  const email = `ann.${Date.now().toString(36)}@example.com`;
  const title = `Bike racks on every tram ${Date.now().toString(36)}`;
  let page;
  let ideaId;
  await check('an anonymous visitor suggests an idea with their email and confirms it from the mail they get', async () => {
    // this visitor's browser stays open for the next check, which closes it
    const ctx = await browser.createBrowserContext();
    page = await newPage(ctx);
    await page.goto(`${url}ideas.html`, { waitUntil: 'load' });
    const form = 'kolo-idea-form[board-id="roadmap"]';
    await inState(page, form, 'ready', { ms: 8000 });
    await page.type(`${form} >>> #title`, title);
    await page.type(`${form} >>> #contact`, email);
    // the board's least fill time (3 s) on the server's clock
    await new Promise((r) => setTimeout(r, 3200));
    await page.click(`${form} >>> [part~="submit-button"]`);
    const mail = await until(async () => (await inbox(url)).mails.find((m) => m.to.includes(email)), 'the confirmation mail').catch(async (e) => {
      const shows = await page.$eval(form, (el) => el.shadowRoot.textContent.replace(/\s+/g, ' ').trim().slice(0, 300));
      throw new Error(`${e.message}; the form shows: ${shows}; the page logged: ${page.logged.join(' | ') || 'nothing'}`);
    });
    if (!/confirm/i.test(mail.subject)) throw new Error(`the first mail: ${mail.subject}`);
    const confirm = mail.links.find((l) => l.includes('/v1/follows/confirm?'));
    if (!confirm || !mail.links.some((l) => l.includes('/v1/follows/unfollow?'))) throw new Error(`the mail's links: ${mail.links.join(' ')}`);
    const check = await ctx.newPage();
    await check.goto(confirm, { waitUntil: 'load' });
    const said = await check.$eval('h1', (h) => h.textContent);
    if (!/confirmed/i.test(said)) throw new Error(`the confirm page says "${said}"`);
    await check.close();
    const idea = (await (await fetch(`${api}/v1/admin/queue`, { headers: admin })).json()).ideas.find((i) => i.title === title);
    if (!idea) throw new Error('the idea is not in the moderation queue');
    ideaId = idea.id;
  });

  await check('the team marks it done: the visitor is emailed the answer, the webhook receiver gets a verified delivery, the changelog shows it live', async () => {
    if (!ideaId) throw new Error('no idea to mark done: the check before failed');
    opened.push(page.browserContext());
    await page.goto(`${url}ideas.html`, { waitUntil: 'load' });
    const changelog = 'kolo-changelog[changelog-id="shipped"]';
    await inState(page, changelog, 'ready', { ms: 8000 });
    const answer = 'Every tram has racks since Monday.';
    const res = await fetch(`${api}/v1/admin/ideas/ideas/roadmap/${encodeURIComponent(ideaId)}`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'done', answer, link: 'https://example.org/news/racks' }),
    });
    if (!res.ok) throw new Error(`marking it done: ${res.status} ${await res.text()}`);
    await page.waitForFunction(
      (sel, title) => [...document.querySelector(sel).shadowRoot.querySelectorAll('[part~="entry-title"]')].some((t) => t.textContent.trim() === title),
      { timeout: 8000, polling: 200 },
      changelog,
      title,
    );
    const hook = await until(async () => (await inbox(url)).deliveries.find((d) => d.event === 'idea.status_changed' && d.body?.data?.item?.id === ideaId), 'the webhook delivery');
    if (!hook.verified || hook.body.data.item.status !== 'done' || hook.body.data.item.answer !== answer) throw new Error(`the delivery: ${JSON.stringify(hook)}`);
    const news = await until(async () => (await inbox(url)).mails.find((m) => m.to.includes(email) && !/confirm/i.test(m.subject)), 'the mail saying it is done');
    if (!news.text.includes(answer) || !news.text.includes('https://example.org/news/racks') || !news.links.some((l) => l.includes('/v1/follows/unfollow?'))) throw new Error(`the mail: ${news.text}`);
    const feed = await (await fetch(`${api}/v1/widgets/changelog/shipped/feed.atom`)).text();
    if (!feed.includes(`<title type="text">${title}</title>`)) throw new Error('the Atom feed does not list it');
    // the Inbox page shows both, as text
    await page.goto(`${url}inbox.html`, { waitUntil: 'load' });
    await page.waitForFunction((s) => document.querySelector('#mails')?.textContent.includes(s), { timeout: 5000 }, news.subject);
    await page.waitForFunction(() => document.querySelector('#deliveries li[data-verified="true"]'), { timeout: 5000 });
  });
}
