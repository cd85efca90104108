import { chromium } from 'playwright-core';
import { makeIris } from './pipeline/iri.ts';
import { startServer } from './pipeline/serve/server.ts';
const t0 = performance.now();
const server = await startServer({ root: process.cwd(), outDir: process.cwd() + '/output', base: makeIris().base, port: 0 });
console.log('started', performance.now() - t0);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
const msgs: string[] = [];
page.on('console', (m) => msgs.push(`${m.type()}: ${m.text()}`));
page.on('pageerror', (e) => msgs.push(`pageerror: ${e.message}`));
for (const path of ['/sparql', '/doc/process/berne-initiative.fr.html', '/doc/overview.en.html', '/']) {
  msgs.length = 0;
  await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
  await page.addInitScript(() => {});
  const violations = await page.evaluate(() => (window as any).__v ?? null);
  console.log(path, await page.locator('.yasgui').count(), msgs);
}
// run a query in yasgui
await page.goto(`${server.url}/sparql`, { waitUntil: 'networkidle' });
msgs.length = 0;
await page.click('.yasqe_queryButton');
await page.waitForTimeout(2000);
console.log('after query', await page.locator('.yasr table tbody tr, .yasr .dataTable tr').count(), msgs);
await page.screenshot({ path: '/tmp/p6b/yasgui.png' });
await browser.close();
await server.close();
