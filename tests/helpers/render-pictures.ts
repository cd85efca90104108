// Prints the Berne Initiative's pictures and the overview page, in both languages, drawn from the
// built output in argv[2]. tests/pictures.test.ts runs it under another time zone and locale and
// compares its bytes with those drawn in the test's own process.

import { pathToFileURL } from 'node:url';
import { makeIris } from '../../pipeline/iri.ts';
import { mechanismPictures } from '../../pipeline/pictures/mechanism-pictures.ts';
import { overviewPage } from '../../pipeline/pictures/overview-page.ts';
import { openRelease } from '../../pipeline/query/release.ts';
import { openSite, type Site } from '../../pipeline/serve/site.ts';
import { PROJECT_ROOT } from './project.ts';

export function renderPictures(site: Site): string {
  const berne = site.release.iris.process('berne-initiative');
  return (['fr', 'en'] as const).map((lang) => mechanismPictures(site, berne, lang) + overviewPage(site, lang)).join('\n');
}

// Run as a script (not imported by the test): draw from the output folder it is given.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // With a SPARQL endpoint, as the test's site has, so that the pages' navigation is the same.
  const site = openSite(openRelease({ root: PROJECT_ROOT, outDir: process.argv[2], base: makeIris().base }), PROJECT_ROOT, true);
  process.stdout.write(renderPictures(site));
}
