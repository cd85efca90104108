// `iscm new mechanism <slug>`: writes sources/mechanisms/<slug>.yaml, a record with every field
// the schema knows, each explained where it stands. The three "" values are what every record
// needs; the commented blocks are examples that validate once uncommented (tests/new.test.ts),
// so a maintainer only replaces values. When the mechanism schema gains a field, add it here.

import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isSlug } from '../iri.ts';
import { parseCommand } from './args.ts';
import { EXIT, UsageError } from './exit.ts';
import { projectRoot } from './project.ts';

export const help = `Usage: iscm new mechanism SLUG

Scaffolds sources/mechanisms/SLUG.yaml: a mechanism record with every field, commented. SLUG is
the last part of the mechanism's IRI (id:process/SLUG): lower-case letters and digits in words
joined by "-", such as "abu-dhabi-dialogue". An existing file is never overwritten.

Then: fill the "" values, uncomment the blocks the page prints (remove the leading "# "), and run
"iscm check" until it reports no errors. CONTRIBUTING.md walks through it.

Options:
  -h, --help   show this help

Prints the path of the new file on stdout.
Exit codes: 0 created, 2 usage (unknown kind, unsafe slug, the file exists), 3 internal error.
`;

export async function run(argv: string[]): Promise<number> {
  const { positionals } = parseCommand(argv, {}, { min: 2, max: 2, names: 'what to create and its slug: iscm new mechanism SLUG' });
  const [kind, slug] = positionals;
  if (kind !== 'mechanism') throw new UsageError(`cannot scaffold "${kind}"; the kind of record is: mechanism`);
  if (!isSlug(slug)) throw new UsageError(`"${slug}" is not a slug: use lower-case letters and digits in words joined by "-", such as "abu-dhabi-dialogue"`);
  const root = projectRoot();
  const path = join(root, 'sources', 'mechanisms', `${slug}.yaml`);
  if (existsSync(path)) throw new UsageError(`${relative(root, path)} already exists; edit it, or choose another slug`);
  writeFileSync(path, mechanismScaffold(slug), { flag: 'wx' });
  process.stdout.write(`${relative(process.cwd(), path)}\n`);
  process.stderr.write(`created ${relative(root, path)}: fill the "" values, uncomment what the page prints, then run "iscm check"\n`);
  return EXIT.ok;
}

export function mechanismScaffold(slug: string): string {
  return `# yaml-language-server: $schema=../../schemas/mechanism.schema.json
# ${slug}: <the mechanism's name>, transcribed from <the page versions it comes from>.
#
# Made by \`iscm new mechanism ${slug}\`. To fill it in (CONTRIBUTING.md has the details):
#   1. Fill the three "" values: the name in English and French (delete a language the page lacks)
#      and the address of the main page version.
#   2. For each field the page prints, uncomment its block (remove the leading "# ") and replace the
#      example values with what the page says, exactly as printed. Delete the blocks it lacks.
#   3. Run \`npx iscm check\` until it reports no errors, then \`make\`.
# Every fact names the page versions it comes from (\`source: [main]\`). Unknown stays absent: never guess.
id: ${slug}                             # equal to the file name; the mechanism's IRI is id:process/${slug}
name:                                   # the name as printed, in English and/or French
  en: ""
  fr: ""
sources:                                # the page versions the facts come from; exactly one is main
  - id: main                            # a short id that facts cite in \`source\`
    url: ""                             # the address of the page version, https://…
    main: true
#     note: archived English page, truncated after the member states
#   - id: en-b                          # one more entry per other page version
#     url: https://www.iom.int/example-archived-page
# other_names:                          # other names as printed; Spanish ones too, with lang es
#   - name: Example Dialogue on Migration
#     lang: en                          # fr, en or es
#     source: [main]
#     note: printed in the page title only
# acronyms:
#   - acronym: EDM
#     lang: en                          # fr or en, as everywhere below
#     source: [main]
# type:                                 # the page's "Type"; concept: an id of sources/vocabularies/mechanism-type.yaml
#   - concept: regional-consultative-process
#     as_printed: Regional consultative process on migration
#     lang: en
#     source: [main]
# region_covered:
#   - as_printed: West Africa
#     lang: en
#     source: [main]
# formal_association:                   # organizations: [] when the page says there is none
#   - as_printed: Economic Community of West African States (ECOWAS)
#     lang: en
#     organizations: [Economic Community of West African States]
#     source: [main]
# established:
#   - year: 2001
#     source: [main]
#     note: the page gives the year of the first ministerial meeting
# concluded:                            # only for a mechanism that has ended
#   - year: 2004
#     source: [main]
#     note: ended with the adoption of its agenda
# status_notes:
#   - text: The process is currently inactive.
#     lang: en
#     source: [main]
# launched_by:                          # a state or an organisation, as printed
#   - name: Switzerland
#     lang: en
#     source: [main]
# objectives:                           # quotations, word for word, only where the page prints them
#   - text: To foster cooperation among states on migration management.
#     lang: en
#     source: [main]
# outcomes:                             # documents of \`documents\` below that the page names as outcomes
#   - document: example-agenda
#     source: [main]
# related:
#   - mechanism: gfmd                   # the id of another mechanism
#     relation: paved-the-way-for
#     source: [main]
# themes:                               # concept: an id of sources/vocabularies/theme.yaml
#   - heading_as_printed: Thematic areas
#     section_as_printed: Objectives
#     lang: en
#     complete: false                   # true only when the page shows the whole list
#     source: [main]
#     note: the list is cut off after one item
#     items:
#       - concept: labour-migration
#         as_printed: labour migration
# participants:                         # one block per printed list
#   - role: member-state                # member-state, member-organization, observer-state, observer-organization, chair, co-chair, steering-group-member or secretariat
#     part: founding-members            # only to tell apart two lists of one role from the same page versions
#     heading_as_printed: Member States (2)
#     declared_count: 2                 # the number the page prints, or null when it prints none
#     declared_as_printed: (2)
#     lang: en
#     complete: true                    # true only when every name of the list is visible
#     source: [main]
#     note: the page prints the list twice; transcribed once
#     listed:                           # each name exactly as printed; a name that does not resolve needs an alias (CONTRIBUTING.md)
#       - Switzerland
#       - name: Chile                   # the long form, for a name printed with a period, status or role
#         period_as_printed: 2002-2004
#         start: "2002"                 # "YYYY", YYYY-MM or YYYY-MM-DD
#         end: "2004"
#         status: past                  # current, past or incoming
#         role_as_printed: founding member
#         note: printed in bold
# meetings:
#   - id: 2004-12-16-bern               # a slug: usually the start date and the place
#     title: Example Conference on Migration
#     lang: en
#     type: conference                  # an id of sources/vocabularies/meeting-type.yaml
#     start: 2004-12-16                 # YYYY, YYYY-MM or YYYY-MM-DD
#     end: 2004-12-17
#     place: Bern                       # a name of sources/reference/places/
#     country: Switzerland
#     place_as_printed: Bern, Switzerland
#     note: the page gives no end date for the second day
#     source: [main]
# documents:
#   - id: example-agenda
#     title: Example Agenda for Migration Management
#     lang: en
#     language: en                      # the document's language: ar, de, en, es, fr, it, pt, ru, zh, or und when the page does not say
#     language_as_printed: (in English)
#     acronyms:
#       - acronym: EAMM
#         lang: en
#         source: [main]
#     other_titles:
#       - title: Agenda d'exemple pour la gestion des migrations
#         lang: fr
#         source: [main]
#     note: available on the page as a PDF
#     source: [main]
`;
}
