import { openRelease } from '../pipeline/query/release.ts';
import { openSite } from '../pipeline/serve/site.ts';
import { resourcePaths } from '../pipeline/export/static-site.ts';
import { describe } from '../pipeline/query/documents.ts';
import { renderVariant } from '../pipeline/serve/resources.ts';
const root='/work/main';
const release = openRelease({ root, outDir: root+'/output', base: 'https://w3id.org/iscm/' });
console.error('opened');
const site = openSite(release, root, false);
console.error('site');
const paths = resourcePaths(site);
console.error('paths', paths.length);
const which = process.argv[2];
let t = performance.now();
let i=0;
for (const p of paths) {
  const d = describe(site.release, site.iriOf(p))!;
  if (which !== 'describe') await renderVariant(site, site.iriOf(p), d, which==='html'?{kind:'html', lang:'en'}:{kind:'rdf', format: which as any}, 'en', '/doc/'+p);
  if (++i % 500 === 0) console.error(i, (performance.now()-t).toFixed(0));
}
console.error(which, 'ms', (performance.now()-t).toFixed(0));
