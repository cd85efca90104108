// The pictures in a real browser: Debian's Chromium (installed by scripts/chromium.sh), driven by
// playwright-core with JavaScript off, renders the Berne Initiative's page and the overview from
// the live server. It checks that the pictures draw, that no label runs into the drawing beside
// it with the fonts a reader has, and keeps screenshots in tests/screenshots/ to look at.

import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIris } from '../pipeline/iri.ts';
import { startServer, type RunningServer } from '../pipeline/serve/server.ts';
import { buildInto, ROOT } from './helpers/built.ts';

const SCREENSHOTS = join(ROOT, 'tests', 'screenshots');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const install = spawnSync('bash', [join(ROOT, 'scripts', 'chromium.sh')], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
const chromiumMissing = install.status === 4;
if (chromiumMissing) process.stderr.write(`SKIPPED the browser test: apt-get could not install chromium:\n${install.stderr}\n`);

describe.skipIf(chromiumMissing)('the pictures in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const failures: string[] = [];

  beforeAll(async () => {
    expect(install.status, install.stderr).toBe(0);
    server = await startServer({ root: ROOT, outDir: await buildInto(), base: makeIris().base, port: 0 });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 });
    page = await context.newPage();
    page.on('requestfailed', (r) => failures.push(`${r.url()}: ${r.failure()?.errorText}`));
    page.on('response', (r) => void (r.status() >= 400 && failures.push(`${r.url()}: ${r.status()}`)));
    // A Content-Security-Policy violation (an inline style, say) is reported as a console error;
    // the site has no favicon, which Chromium asks for on its own.
    page.on('console', (m) => void (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico') && failures.push(`${m.location().url}: ${m.text()}`)));
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The texts whose right edge lies past `limit`, in the picture's own units. */
  const overflowing = (selector: string, limit: number) =>
    page.$$eval(selector, (texts, max) => texts.map((t) => ({ text: t.textContent, right: (t as SVGTextElement).getBBox().x + (t as SVGTextElement).getBBox().width })).filter((t) => t.right > max), limit);

  it("draws the Berne Initiative's map and timeline, with no script and every label clear of the drawing", async () => {
    await page.goto(`${server.url}/doc/process/berne-initiative.fr.html`);
    expect(await page.locator('script').count()).toBe(0);
    const map = page.locator('svg.world-map');
    const box = await map.boundingBox();
    expect(box!.width).toBeGreaterThan(900);
    expect(box!.height).toBeGreaterThan(400);
    const members = page.locator('svg.world-map path.member-state');
    const withoutShape = await page.locator('ul.without-shape li').count();
    expect((await members.count()) + withoutShape).toBe(121);
    // Every highlighted country takes room on screen, however small.
    const sizes = await members.evaluateAll((paths) => paths.map((p) => (p as SVGPathElement).getBBox()).map((b) => b.width * b.height));
    expect(sizes.every((s) => s > 0)).toBe(true);
    expect(await page.locator('svg.world-map path.member-state title', { hasText: /^Suisse — / }).count()).toBe(1);
    expect(await overflowing('svg.world-map g.legend text', 960)).toEqual([]);

    expect(await page.locator('svg.timeline g.meeting').count()).toBe(7);
    const axisStart = await page.$eval('svg.timeline g.axis line', (l) => Number(l.getAttribute('x1')));
    expect(await overflowing('svg.timeline g.meeting text', axisStart)).toEqual([]);
    await page.locator('section.pictures').screenshot({ path: join(SCREENSHOTS, 'berne-initiative.fr.png') });
    expect(failures).toEqual([]);
  });

  it('draws the overview matrix, reached from the home page by a plain link, with every name inside its margin', async () => {
    await page.setExtraHTTPHeaders({ 'accept-language': 'en' });
    await page.goto(`${server.url}/`);
    await page.locator('p.overview-link a').click();
    await page.waitForURL(`${server.url}/doc/overview`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('svg.matrix g.cell').count()).toBeGreaterThan(500);
    const firstColumn = await page.$eval('svg.matrix g.grid line', (l) => Number(l.getAttribute('x1')));
    expect(await overflowing('svg.matrix g.state text', firstColumn)).toEqual([]);
    expect(await overflowing('svg.matrix g.legend text', firstColumn)).toEqual([]);
    // Rotated column names must fit the header: none starts above the top of the picture.
    const tops = await page.$$eval('svg.matrix g.mechanisms text', (texts) => texts.map((t) => (t as SVGTextElement).getBoundingClientRect().top - (t as SVGTextElement).ownerSVGElement!.getBoundingClientRect().top));
    expect(Math.min(...tops)).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'overview.en.png') });
    expect(failures).toEqual([]);
  });
});
