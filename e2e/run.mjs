// Browser test of newsgraph's web UI: it clicks through the pages as a
// reader would, in headless Chromium from the system's packages, driven by
// playwright-core (which never downloads a browser).
//
// It expects a running server; internal/web/e2e_test.go builds the binary,
// ingests examples/corpus, starts `newsgraph serve` and runs this script.
//
// Environment:
//   BASE_URL          the server, e.g. http://127.0.0.1:8123 (required)
//   CHROMIUM          the browser (default /usr/bin/chromium)
//   SCREENSHOTS       where to save screenshots (default e2e/screenshots)
//   DOCS_SCREENSHOTS  if set, the dyad timeline and article screenshots are
//                     copied there too (docs/screenshots for the README)
//   HOSTILE_ID        an article whose fields are script injections; the
//                     test checks that none of it runs
//
// It exits non-zero on the first failed check, or when the pages logged
// any console error, page error, dialog or failed request.

import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const base = process.env.BASE_URL;
if (!base) {
  console.error('BASE_URL is not set');
  process.exit(2);
}
const shots = process.env.SCREENSHOTS || path.join(here, 'screenshots');
fs.mkdirSync(shots, { recursive: true });

const problems = [];
const timings = [];
function check(ok, what) {
  if (!ok) throw new Error('check failed: ' + what);
  console.log('  ok  ' + what);
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 900 },
});
context.setDefaultTimeout(15000);

const page = context.pages()[0] || await context.newPage();
page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error on ${page.url()}: ${m.text()}`); });
page.on('pageerror', (e) => problems.push(`page error on ${page.url()}: ${e.message}`));
page.on('dialog', (d) => { problems.push(`a dialog opened on ${page.url()}: ${d.message()}`); d.dismiss(); });
page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
page.on('response', (r) => {
  const req = r.request();
  if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`);
  if (req.isNavigationRequest() && req.frame() === page.mainFrame()) {
    const st = r.headers()['server-timing'] || '';
    const m = /dur=([\d.]+)/.exec(st);
    if (m) timings.push({ url: r.url().replace(base, ''), ms: Number(m[1]) });
  }
});

async function shot(name) {
  const file = path.join(shots, name + '.png');
  await page.screenshot({ path: file });
  console.log('  saved ' + path.relative(process.cwd(), file));
  return file;
}

async function step(name, fn) {
  console.log(name);
  await fn();
}

let exitCode = 0;
try {
  const saved = {};

  await step('home: front page with headlines, dyads and a search box', async () => {
    await page.goto(base + '/');
    check(await page.locator('h1').count() === 1, 'one h1');
    check(await page.locator('.lead h3 a').count() === 1, 'a lead story');
    check(await page.getByRole('searchbox', { name: 'Search articles' }).count() === 1, 'a labelled search box');
    check(await page.locator('main').count() === 1 && await page.locator('nav').count() >= 1, 'landmarks');
    saved.home = await shot('home');
  });

  await step('keyboard: the first Tab reaches the skip link, and it is visible', async () => {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return { text: el.textContent, visible: r.left >= 0 && r.width > 0, outline: style.outlineStyle };
    });
    check(focused.text === 'Skip to content' && focused.visible, 'skip link focused and on screen');
    check(focused.outline !== 'none', 'focus outline drawn');
  });

  await step('search: type "summit" in the home search box', async () => {
    const box = page.getByRole('searchbox', { name: 'Search articles' });
    await box.fill('summit');
    await Promise.all([page.waitForURL(/\?q=summit/), box.press('Enter')]);
    check((await page.locator('h1').textContent()).includes('summit'), 'results heading names the query');
    check(await page.locator('.results li').count() > 0, 'at least one result');
    check(await page.locator('.results mark.hit').count() > 0, 'the query is marked in the snippets');
  });

  let articleURL;
  await step('article: open the first result', async () => {
    await Promise.all([page.waitForURL(/\/articles\/\d+$/), page.locator('.results h2 a').first().click()]);
    articleURL = page.url();
    check((await page.locator('h1').textContent()).trim().length > 0, 'the headline');
    check((await page.locator('.body').textContent()).length > 200, 'the clean text');
    for (const h of ['Events', 'Quotes', 'Entities', 'Dates']) {
      check(await page.locator('aside.panel h2', { hasText: h }).count() === 1, `panel section ${h}`);
    }
    check(await page.locator('details.removed summary').count() === 1, 'removed boilerplate, collapsed');
    saved.article = await shot('article');
  });

  await step('story: follow the article to its story, when it has one', async () => {
    const story = page.locator('aside.panel a[href^="/stories/"]').first();
    if (await story.count() === 0) {
      console.log('  --  no story link (the store does not group stories yet)');
      return;
    }
    await Promise.all([page.waitForURL(/\/stories\/\d+$/), story.click()]);
    check(await page.locator('h1').count() === 1, 'story headline');
    check(await page.locator('.story-articles li').count() > 0, 'story articles');
    await page.goBack();
  });

  await step('dyad: pick USA → PRK in the dyad form', async () => {
    await Promise.all([page.waitForURL(/\/dyads$/), page.getByRole('link', { name: 'Dyads', exact: true }).click()]);
    await page.getByLabel('Source', { exact: true }).fill('USA');
    await page.getByLabel('Target', { exact: true }).fill('PRK');
    await page.getByLabel('Per', { exact: true }).selectOption('month');
    await Promise.all([page.waitForURL(/\/dyads\/USA\/PRK/), page.getByRole('button', { name: 'Show timeline' }).click()]);
    const svg = page.locator('svg.timeline');
    check(await svg.count() === 1, 'a timeline chart');
    check(await svg.getAttribute('role') === 'img' && (await svg.getAttribute('aria-labelledby')).includes('chart-desc'), 'the chart is labelled');
    check(/\d+ events? (from|in) /.test(await page.locator('#chart-desc').textContent()), 'the chart describes itself');
    check(await svg.locator('.bars rect').count() > 0, 'bars drawn');
    check(await svg.locator('.points circle').count() > 0, 'Goldstein points drawn');
    check(await page.locator('.chart .legend li', { hasText: 'Material conflict' }).count() === 1, 'the legend names the classes');
    check(await page.locator('.evlist .evrow').count() > 0, 'the events are listed');
    saved.dyad = await shot('dyad-timeline');
  });

  await step('evidence: an event links back to its sentence in the article', async () => {
    const link = page.locator('a.evidence-link').first();
    const href = await link.getAttribute('href');
    check(/^\/articles\/\d+#event-\d+$/.test(href), 'evidence link ' + href);
    await Promise.all([page.waitForURL(/\/articles\/\d+#event-\d+$/), link.click()]);
    const anchor = href.split('#')[1];
    const target = await page.evaluate((id) => {
      const el = document.getElementById(id);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { tag: el.tagName, targeted: el.matches(':target'), inView: r.top >= 0 && r.top < innerHeight };
    }, anchor);
    check(target !== null, `#${anchor} exists`);
    check(target.targeted && target.inView, `#${anchor} is the target and scrolled into view`);
  });

  await step('entity: a name in the text links to its page', async () => {
    let link = page.locator('.body a.ent').first();
    if (await link.count() === 0) link = page.locator('table.entities a').first();
    check(await link.count() === 1, 'an entity link');
    await Promise.all([page.waitForURL(/\/entities\//), link.click()]);
    check(await page.locator('h1').count() === 1, 'entity name');
    check(await page.locator('h2', { hasText: 'Roles over time' }).count() === 1, 'roles over time');
    check(await page.locator('h2', { hasText: 'Events as source' }).count() === 1, 'events as source');
    saved.entity = await shot('entity');
  });

  await step('tables: events and quotes filter, and export', async () => {
    await page.goto(base + '/events?source=USA&target=PRK');
    check(await page.locator('table.records tbody tr').count() > 0, 'event rows');
    check(await page.locator('a[href^="/events.csv?"]').count() === 1, 'CSV export link keeps the filters');
    const csv = await page.request.get(base + '/events.csv?source=USA&target=PRK');
    check(csv.ok() && (await csv.text()).startsWith('date,source,target,cameo'), 'CSV download');
    await page.goto(base + '/quotes');
    check(await page.locator('h1', { hasText: 'Quotes' }).count() === 1, 'quotes page');
    await page.goto(base + '/failures');
    check(await page.locator('h1', { hasText: 'Failures' }).count() === 1, 'failures page');
  });

  await step('phone: the pages fit a 390px screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const p of ['/', articleURL.replace(base, ''), '/dyads/USA/PRK', '/events']) {
      await page.goto(base + p);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      check(overflow <= 1, `${p} fits (overflow ${overflow}px)`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  if (process.env.HOSTILE_ID) {
    await step('hostile: script in an article\'s fields does not run', async () => {
      await page.goto(`${base}/articles/${process.env.HOSTILE_ID}`);
      const h1 = await page.locator('h1').textContent();
      check(h1.includes('<script>'), 'the injected markup is shown as text');
      check(await page.evaluate(() => document.querySelectorAll('script, img[onerror], [onload]').length) === 0, 'no script or handler in the DOM');
    });
  }

  if (process.env.DOCS_SCREENSHOTS) {
    fs.mkdirSync(process.env.DOCS_SCREENSHOTS, { recursive: true });
    for (const [from, to] of [[saved.dyad, 'dyad-timeline.png'], [saved.article, 'article.png']]) {
      fs.copyFileSync(from, path.join(process.env.DOCS_SCREENSHOTS, to));
      console.log('  copied to ' + path.join(process.env.DOCS_SCREENSHOTS, to));
    }
  }
} catch (e) {
  console.error('FAIL: ' + e.message);
  exitCode = 1;
} finally {
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
}

console.log('\nserver time per page (Server-Timing):');
for (const t of timings) console.log(`  ${t.ms.toFixed(1).padStart(7)} ms  ${t.url}`);
if (problems.length > 0) {
  console.error('\nproblems seen by the browser:');
  for (const p of problems) console.error('  ' + p);
  exitCode = 1;
}
console.log(exitCode === 0 ? '\nbrowser test passed' : '\nbrowser test FAILED');
process.exit(exitCode);
