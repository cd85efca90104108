// The pages in a real browser: Debian's Chromium (scripts/chromium.sh), headless, driven by
// playwright-core. A French reader opens a resource's IRI, lands on its page after the 303,
// follows a link to another resource, and the page is saved as a screenshot in tests/screenshots/.
// The same page works with JavaScript off, and the query page runs a query through YASGUI.

import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIris } from '../pipeline/iri.ts';
import { startServer, type RunningServer } from '../pipeline/serve/server.ts';
import { buildInto, ROOT } from './helpers/built.ts';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SCREENSHOTS = join(ROOT, 'tests', 'screenshots');

const install = spawnSync('bash', [join(ROOT, 'scripts', 'chromium.sh')], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
const chromiumMissing = install.status === 4;
if (chromiumMissing) process.stderr.write(`SKIPPED the browser test: apt-get could not install chromium:\n${install.stderr}\n`);

describe.skipIf(chromiumMissing)('the pages in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    expect(install.status, install.stderr).toBe(0);
    const out = await buildInto();
    server = await startServer({ root: ROOT, outDir: out, base: makeIris().base, port: 0 });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens an IRI in French, follows a link to another resource, and saves a screenshot', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/id/state/CHE`);
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(`${server.url}/doc/state/CHE`);
    expect(await page.title()).toMatch(/^Suisse · /);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');

    await Promise.all([page.waitForURL(`${server.url}/doc/process/berne-initiative`), page.click('a[href="/id/process/berne-initiative"]')]);
    expect(await page.title()).toMatch(/^Initiative de Berne · /);
    expect(await page.locator('h1').textContent()).toBe('Initiative de Berne');
    await page.screenshot({ path: join(SCREENSHOTS, 'resource-page.png') });
    await context.close();
  });

  it('shows the same statements with JavaScript off', async () => {
    const context = await browser.newContext({ locale: 'en-GB', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/id/state/CHE`);
    expect(await page.title()).toMatch(/^Switzerland · /);
    expect(await page.locator('td li').count()).toBeGreaterThan(20);
    await context.close();
  });

  it('runs a query in YASGUI, served from the local server', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url)) external.push(r.url());
    });
    await page.goto(`${server.url}/sparql`);
    await page.locator('.yasqe .CodeMirror').waitFor();
    expect(await page.locator('form.plain-query').isHidden()).toBe(true);
    await page.click('.yasqe_queryButton');
    await page.locator('.yasr table tbody tr').first().waitFor();
    expect(await page.locator('.yasr table tbody tr').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'query-page.png') });
    expect(external).toEqual([]);
    await context.close();
  });
});
