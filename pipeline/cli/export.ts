// `iscm export [FOLDER]`: writes the site that `iscm serve` answers with as static files, with an
// nginx configuration that does the same 303s and content negotiation, so that the dataset can be
// published on any static host. There is no SPARQL endpoint on a static host.

import { resolve } from 'node:path';
import { staticSite } from '../export/static-site.ts';
import { writeFolder } from '../export/write.ts';
import { acquireLock } from '../publish/index.ts';
import { openRelease } from '../query/release.ts';
import { openSite } from '../serve/site.ts';
import { parseCommand } from './args.ts';
import { runDirectly } from './direct.ts';
import { EXIT } from './exit.ts';
import { baseIri, projectRoot } from './project.ts';

export const help = `Usage: iscm export [--out DIR] [--base IRI] [FOLDER]

Writes every resource's document (HTML in French and English, Turtle, N-Triples, JSON-LD,
RDF/XML), the home and download pages and the dumps into FOLDER (default: .cache/site), which is
replaced as a whole, with nginx/ holding a configuration that answers /id/… with 303 See Other
and negotiates /doc/… as the live server does. Try it with: nginx -p FOLDER/ -c nginx/nginx.conf

Options:
  --out DIR    the folder holding the dumps (default: output/, or ISCM_OUT)
  --base IRI   the base IRI the dumps were built with (default: ISCM_BASE, or the default base)
  -h, --help   show this help

Exit codes: 0 written, 1 the dumps are missing, 2 usage, 3 internal error.
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, { out: { type: 'string' }, base: { type: 'string' } }, { min: 0, max: 1, names: 'at most one FOLDER' });
  const root = projectRoot();
  const folder = resolve(positionals[0] ?? resolve(root, '.cache', 'site'));
  const release = openRelease({ root, outDir: values.out ? resolve(values.out) : resolve(root, process.env.ISCM_OUT ?? 'output'), base: baseIri(values.base) });
  const files = await staticSite(openSite(release, root, false));
  const unlock = acquireLock(folder);
  try {
    writeFolder(folder, files);
  } finally {
    unlock();
  }
  process.stderr.write(`wrote ${files.size} files into ${folder}\n`);
  return EXIT.ok;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await runDirectly('export', { help, run }, process.argv.slice(2));
