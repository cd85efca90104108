// The static files the pages use: the site's stylesheet, the script that starts YASGUI on the
// query page, and YASGUI itself, bundled from the npm package (no CDN: the pages work offline).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface Asset {
  mediaType: string;
  content: Buffer | string;
}

const SITE_CSS = `body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 0 1rem; color: #1b1b1b; }
header nav { display: flex; gap: 1rem; padding: .75rem 0; border-bottom: 1px solid #ccc; }
header nav .lang { margin-left: auto; }
a { color: #0b57a4; }
code { font-size: .9em; }
code.curie, .tag { color: #666; font-size: .8em; }
.iri code { word-break: break-all; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border-bottom: 1px solid #ddd; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th[scope="row"] { width: 30%; font-weight: normal; }
td ul { list-style: none; margin: 0; padding: 0; }
textarea { width: 100%; font-family: monospace; }
footer { margin: 2rem 0; padding-top: .75rem; border-top: 1px solid #ccc; color: #555; font-size: .9em; }
`;

// Runs only when scripts do: the plain form stays for everyone else.
const QUERY_PAGE_JS = `(function () {
  var form = document.querySelector('form.plain-query');
  var endpoint = new URL('/sparql', window.location.href).href;
  new Yasgui(document.getElementById('yasgui'), {
    requestConfig: { endpoint: endpoint, method: 'POST' },
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; }, keys: [] },
    copyEndpointOnNewTab: false,
    persistenceId: null,
    yasqe: { value: form.elements.query.value },
  });
  form.hidden = true;
})();
`;

const yasgui = (file: string) => createRequire(import.meta.url).resolve(`@zazuko/yasgui/build/${file}`);

export function loadAssets(): Map<string, Asset> {
  return new Map<string, Asset>([
    ['site.css', { mediaType: 'text/css; charset=utf-8', content: SITE_CSS }],
    ['query-page.js', { mediaType: 'text/javascript; charset=utf-8', content: QUERY_PAGE_JS }],
    ['yasgui.min.js', { mediaType: 'text/javascript; charset=utf-8', content: readFileSync(yasgui('yasgui.min.js')) }],
    ['yasgui.min.css', { mediaType: 'text/css; charset=utf-8', content: readFileSync(yasgui('yasgui.min.css')) }],
  ]);
}
