// Which SHACL engine should pipeline/check/shacl.ts use? This measures shacl-engine and
// rdf-validate-shacl on synthetic graphs shaped like ours (docs/data-model.md) and conforming to
// ontology/shapes.ttl, and checks that the two report the same results on a graph with
// injected violations and on every fixture of tests/shapes. Results: docs/shacl-engine.md.
//
//   npx tsx bench/shacl-engines.ts                  # 100k and 500k triples, both engines, agreement
//   npx tsx bench/shacl-engines.ts 50000            # other sizes
//   npx tsx bench/shacl-engines.ts --run shacl-engine 100000   # one measurement (used internally)
//
// Each measurement runs in a child process of its own, so that its peak RSS is its own.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import n3 from 'n3';
import { loadShapes, validateWith, type ShaclEngineName, type ShaclResult } from '../pipeline/check/shacl.ts';

const { namedNode, literal, quad } = n3.DataFactory;
const ENGINES: ShaclEngineName[] = ['shacl-engine', 'rdf-validate-shacl'];
const BASE = 'https://w3id.org/iscm/id/';

const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  org: 'http://www.w3.org/ns/org#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dct: 'http://purl.org/dc/terms/',
  schema: 'http://schema.org/',
  prov: 'http://www.w3.org/ns/prov#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  time: 'http://www.w3.org/2006/time#',
  iscm: 'https://w3id.org/iscm/def/iscm#',
} as const;
type Prefix = keyof typeof NS;
const t = (curie: `${Prefix}:${string}`) => {
  const [p, local] = curie.split(':') as [Prefix, string];
  return namedNode(NS[p] + local);
};
const id = (path: string) => namedNode(BASE + path);
const typed = (value: string, dt: string) => literal(value, namedNode(NS.xsd + dt));
const lang = (value: string, tag: 'fr' | 'en') => literal(value, tag);

const ROLES = [
  'member-state',
  'member-organization',
  'observer-state',
  'observer-organization',
  'chair',
  'co-chair',
  'steering-group-member',
  'secretariat',
];

// --- synthetic graph -------------------------------------------------------------------------

class Graph {
  readonly store = new n3.Store();
  add(s: n3.NamedNode, p: n3.NamedNode, ...os: n3.Term[]): void {
    for (const o of os) this.store.addQuad(quad(s, p, o as n3.Quad_Object));
  }
  types(s: n3.NamedNode, ...classes: `${Prefix}:${string}`[]): void {
    this.add(s, t('rdf:type'), ...classes.map(t));
  }
}

const alpha3 = (i: number) =>
  String.fromCharCode(65 + (Math.floor(i / 676) % 26), 65 + (Math.floor(i / 26) % 26), 65 + (i % 26));

function vocabularies(g: Graph, counts: Record<string, number>): void {
  for (const [scheme, n] of Object.entries(counts)) {
    const s = id(`scheme/${scheme}`);
    g.types(s, 'skos:ConceptScheme');
    g.add(s, t('skos:prefLabel'), lang(`schéma ${scheme}`, 'fr'), lang(`${scheme} scheme`, 'en'));
    for (let i = 0; i < n; i++) {
      const slug = scheme === 'role' ? ROLES[i]! : `${scheme}-${i}`;
      const c = id(`${scheme}/${slug}`);
      g.types(c, 'skos:Concept');
      g.add(c, t('skos:inScheme'), s);
      g.add(c, t('skos:prefLabel'), lang(`${slug} (fr)`, 'fr'), lang(`${slug} (en)`, 'en'));
      g.add(c, t('skos:definition'), lang(`Définition de ${slug}.`, 'fr'), lang(`Definition of ${slug}.`, 'en'));
      if (scheme === 'role') g.add(c, t('skos:notation'), literal(slug));
    }
  }
}

function state(g: Graph, i: number): n3.NamedNode {
  const code = alpha3(i);
  const s = id(`state/${code}`);
  g.types(s, 'iscm:State', 'org:FormalOrganization', 'org:Organization', 'foaf:Agent', 'schema:Country', 'schema:AdministrativeArea', 'schema:Place');
  g.add(s, t('skos:prefLabel'), lang(`État ${code}`, 'fr'), lang(`State ${code}`, 'en'));
  g.add(s, t('iscm:iso3166Alpha2'), literal(code.slice(0, 2)));
  g.add(s, t('iscm:iso3166Alpha3'), literal(code));
  const num = String(i % 1000).padStart(3, '0');
  g.add(s, t('iscm:iso3166Numeric'), literal(num));
  g.add(s, t('iscm:m49Code'), literal(num));
  g.add(
    s,
    t('skos:exactMatch'),
    namedNode(`http://www.wikidata.org/entity/Q${1000 + i}`),
    namedNode(`https://sws.geonames.org/${2000000 + i}/`),
    namedNode(`http://publications.europa.eu/resource/authority/country/${code}`),
  );
  return s;
}

function organization(g: Graph, i: number): n3.NamedNode {
  const o = id(`organization/org-${i}`);
  g.types(o, 'org:Organization', 'foaf:Agent');
  g.add(o, t('skos:prefLabel'), lang(`Organisation ${i}`, 'fr'), lang(`Organization ${i}`, 'en'));
  g.add(o, t('iscm:acronym'), lang(`O${i}`, 'en'));
  if (i % 3 === 0) g.add(o, t('skos:exactMatch'), namedNode(`http://www.wikidata.org/entity/Q${500000 + i}`));
  if (i % 10 === 9) {
    g.types(o, 'org:OrganizationalUnit');
    g.add(o, t('org:unitOf'), id(`organization/org-${i - 1}`));
  }
  return o;
}

function place(g: Graph, i: number, states: n3.NamedNode[]): n3.NamedNode {
  const p = id(`place/city-${i}`);
  g.types(p, 'schema:Place');
  g.add(p, t('schema:name'), lang(`Ville ${i}`, 'fr'), lang(`City ${i}`, 'en'));
  g.add(p, t('schema:containedInPlace'), states[i % states.length]!);
  g.add(p, t('skos:exactMatch'), namedNode(`https://sws.geonames.org/${3000000 + i}/`));
  return p;
}

interface World {
  states: n3.NamedNode[];
  orgs: n3.NamedNode[];
  places: n3.NamedNode[];
}

/** One mechanism with ~100 memberships in four lists, 10 meetings, 10 documents (~1,150 triples). */
function mechanism(g: Graph, m: number, w: World): void {
  const slug = `mechanism-${m}`;
  const p = `process/${slug}`;
  const mech = id(p);
  const pv = [id(`${p}/source/fr`), id(`${p}/source/en-a`)];
  g.types(mech, 'iscm:ConsultationMechanism', 'org:OrganizationalCollaboration', 'org:Organization', 'foaf:Agent');
  g.add(mech, t('skos:prefLabel'), lang(`Processus ${m}`, 'fr'), lang(`Process ${m}`, 'en'));
  g.add(mech, t('skos:altLabel'), lang(`Dialogue ${m}`, 'en'));
  g.add(mech, t('iscm:acronym'), lang(`P${m}`, 'en'));
  g.add(mech, t('iscm:mechanismType'), id(`mechanism-type/mechanism-type-${m % 5}`));
  g.add(mech, t('iscm:typeAsPrinted'), lang('Processus consultatif régional', 'fr'));
  g.add(mech, t('iscm:regionCoveredAsPrinted'), lang('Afrique', 'fr'));
  g.add(mech, t('iscm:hasFormalAssociation'), typed('true', 'boolean'));
  g.add(mech, t('iscm:formallyAssociatedWith'), w.orgs[m % w.orgs.length]!);
  g.add(mech, t('iscm:formalAssociationAsPrinted'), lang('OIM', 'fr'));
  // Two page versions disagree on the founding year: both asserted, each with a statement.
  const years = [String(1990 + (m % 30)), String(1991 + (m % 30))];
  g.add(mech, t('schema:foundingDate'), ...years.map((y) => typed(y, 'gYear')));
  years.forEach((y, i) => {
    const st = id(`${p}/statement/${i + 1}`);
    g.types(st, 'rdf:Statement');
    g.add(st, t('rdf:subject'), mech);
    g.add(st, t('rdf:predicate'), t('schema:foundingDate'));
    g.add(st, t('rdf:object'), typed(y, 'gYear'));
    g.add(st, t('dct:source'), pv[i]!);
  });
  g.add(mech, t('iscm:launchedBy'), w.states[m % w.states.length]!);
  g.add(mech, t('iscm:statusNote'), lang('Actif', 'fr'));
  g.add(mech, t('foaf:page'), namedNode(`https://www.iom.int/fr/${slug}`), namedNode(`https://www.iom.int/${slug}`));
  g.add(mech, t('dct:source'), ...pv);
  g.add(mech, t('iscm:mainSource'), pv[0]!);
  g.add(mech, t('iscm:pavedTheWayFor'), id(`process/mechanism-${m + 1}`));
  pv.forEach((v, i) => {
    g.types(v, 'iscm:PageVersion', 'foaf:Document', 'prov:Entity');
    g.add(v, t('dct:identifier'), literal(i === 0 ? 'fr' : 'en-A'));
    g.add(v, t('dct:isVersionOf'), namedNode(i === 0 ? `https://www.iom.int/fr/${slug}` : `https://www.iom.int/${slug}`));
  });

  const q = id(`${p}/objectives/1`);
  g.types(q, 'iscm:Quotation');
  g.add(q, t('schema:text'), lang(`Objectifs du processus ${m}.`, 'fr'));
  g.add(q, t('dct:source'), pv[0]!);
  g.add(mech, t('iscm:objectives'), q);

  for (let k = 0; k < 5; k++) {
    const concept = `theme-${(m + k) % 20}`;
    const ts = id(`${p}/theme/fr/1/${concept}`);
    g.types(ts, 'iscm:ThemeStatement');
    g.add(ts, t('iscm:theme'), id(`theme/${concept}`));
    g.add(ts, t('iscm:labelAsPrinted'), lang(`thème ${concept}`, 'fr'));
    g.add(ts, t('iscm:headingAsPrinted'), lang('Axes thématiques', 'fr'));
    g.add(ts, t('dct:source'), pv[0]!);
    g.add(mech, t('iscm:theme'), id(`theme/${concept}`));
    g.add(mech, t('iscm:themeStatement'), ts);
  }

  // Four lists: 70 member States (complete, with a count), 10 observer States (partial),
  // 15 member organisations (one unresolved), 5 chairs with printed periods.
  const lists: { role: string; n: number; complete: boolean; declared?: number }[] = [
    { role: 'member-state', n: 70, complete: true, declared: 70 },
    { role: 'observer-state', n: 10, complete: false, declared: 25 },
    { role: 'member-organization', n: 15, complete: true },
    { role: 'chair', n: 5, complete: true },
  ];
  const unresolved = id(`agent/unresolved-${m}`);
  g.types(unresolved, 'iscm:UnresolvedAgent', 'foaf:Agent');
  g.add(unresolved, t('skos:prefLabel'), lang(`secrétariat ${m}`, 'fr'));
  g.add(unresolved, t('skos:editorialNote'), lang('No reviewed reference resolves this name.', 'en'));
  for (const l of lists) {
    const list = id(`${p}/list/${l.role}/fr`);
    const role = id(`role/${l.role}`);
    g.types(list, 'iscm:ParticipantList');
    g.add(list, t('iscm:listOf'), mech);
    g.add(list, t('iscm:role'), role);
    g.add(list, t('iscm:listedCount'), typed(String(l.n), 'integer'));
    g.add(list, t('iscm:isComplete'), typed(String(l.complete), 'boolean'));
    if (l.declared !== undefined) {
      g.add(list, t('iscm:declaredCount'), typed(String(l.declared), 'integer'));
      g.add(list, t('iscm:declaredAsPrinted'), lang(`${l.declared} participants`, 'fr'));
    }
    g.add(list, t('iscm:headingAsPrinted'), lang(`Liste ${l.role}`, 'fr'));
    g.add(list, t('dct:source'), pv[0]!);
    g.add(mech, t('iscm:participantList'), list);
    for (let k = 0; k < l.n; k++) {
      const isOrg = l.role === 'member-organization';
      const agentIndex = (m * 7 + k) % (isOrg ? w.orgs.length : w.states.length);
      const agent = isOrg && k === 0 ? unresolved : (isOrg ? w.orgs : w.states)[agentIndex]!;
      const kind = agent.value.slice(BASE.length);
      const start = l.role === 'chair' ? String(2000 + k) : undefined;
      const ms = id(`${p}/membership/${l.role}/fr/${kind}${start ? `/${start}` : ''}`);
      g.types(ms, 'org:Membership');
      g.add(ms, t('org:organization'), mech);
      g.add(ms, t('org:member'), agent);
      g.add(ms, t('org:role'), role);
      g.add(ms, t('iscm:nameAsPrinted'), lang(`Nom ${kind}`, 'fr'));
      g.add(ms, t('iscm:inList'), list);
      g.add(ms, t('dct:source'), pv[0]!);
      if (start) {
        const period = id(`${ms.value.slice(BASE.length)}/period`);
        g.add(ms, t('org:memberDuring'), period);
        g.add(ms, t('iscm:periodAsPrinted'), lang(`${start}-${Number(start) + 1}`, 'fr'));
        g.add(ms, t('iscm:chairStatus'), literal(k === l.n - 1 ? 'current' : 'past'));
        g.types(period, 'time:Interval');
        const b = id(`${period.value.slice(BASE.length)}/start`);
        const e = id(`${period.value.slice(BASE.length)}/end`);
        g.add(period, t('time:hasBeginning'), b);
        g.types(b, 'time:Instant');
        g.add(b, t('time:inXSDgYear'), typed(start, 'gYear'));
        if (k !== l.n - 1) {
          g.add(period, t('time:hasEnd'), e);
          g.types(e, 'time:Instant');
          g.add(e, t('time:inXSDgYearMonth'), typed(`${Number(start) + 1}-06`, 'gYearMonth'));
        }
      }
    }
  }

  for (let k = 0; k < 10; k++) {
    const mt = id(`${p}/meeting/meeting-${k}`);
    g.types(mt, 'iscm:Meeting', 'schema:Event');
    g.add(mt, t('schema:name'), lang(`Réunion ${k}`, 'fr'));
    g.add(mt, t('iscm:meetingType'), id(`meeting-type/meeting-type-${k % 5}`));
    const year = 2000 + k;
    if (k % 3 === 0) {
      g.add(mt, t('schema:startDate'), typed(`${year}-05-0${1 + (k % 8)}`, 'date'));
      g.add(mt, t('schema:endDate'), typed(`${year}-05-1${k % 9}`, 'date'));
    } else if (k % 3 === 1) g.add(mt, t('schema:startDate'), typed(`${year}-11`, 'gYearMonth'));
    else g.add(mt, t('schema:startDate'), typed(String(year), 'gYear'));
    g.add(mt, t('schema:location'), k % 2 ? w.places[(m + k) % w.places.length]! : w.states[(m + k) % w.states.length]!);
    g.add(mt, t('iscm:placeAsPrinted'), lang(`Ville ${k}`, 'fr'));
    g.add(mt, t('iscm:convenedBy'), mech);
    g.add(mt, t('dct:source'), pv[0]!);
  }

  for (let k = 0; k < 10; k++) {
    const d = id(`${p}/document/document-${k}`);
    g.types(d, 'iscm:Document', 'foaf:Document', 'schema:CreativeWork');
    g.add(d, t('dct:title'), lang(`Déclaration ${k}`, 'fr'));
    if (k % 2) g.add(d, t('dct:title'), lang(`Declaration ${k}`, 'en'));
    g.add(d, t('dct:language'), namedNode(`http://publications.europa.eu/resource/authority/language/${k % 2 ? 'ENG' : 'FRA'}`));
    g.add(d, t('iscm:acronym'), lang(`D${k}`, 'fr'));
    g.add(d, t('iscm:documentOf'), mech);
    g.add(d, t('dct:source'), pv[0]!);
    if (k === 0) g.add(mech, t('iscm:mainOutcome'), d);
  }
}

/** A conforming graph of at least `triples` triples. */
export function syntheticGraph(triples: number): { store: n3.Store; mechanisms: number } {
  const g = new Graph();
  vocabularies(g, { role: ROLES.length, 'mechanism-type': 5, theme: 20, 'meeting-type': 5 });
  const states = Array.from({ length: 249 }, (_, i) => state(g, i));
  const orgs = Array.from({ length: 100 }, (_, i) => organization(g, i));
  const places = Array.from({ length: 60 }, (_, i) => place(g, i, states));
  const w = { states, orgs, places };
  let m = 0;
  while (g.store.size < triples) mechanism(g, m++, w);
  return { store: g.store, mechanisms: m };
}

/** Breaks the graph in ways each shape family should report; returns how many faults. */
export function injectViolations(store: n3.Store): number {
  const del = (s: string, p: `${Prefix}:${string}`) => store.removeQuads(store.getQuads(id(s), t(p), null, null));
  const add = (s: string, p: `${Prefix}:${string}`, o: n3.Term) => store.addQuad(quad(id(s), t(p), o as n3.Quad_Object));
  del('process/mechanism-0', 'skos:prefLabel'); // min count (mechanism + organisation)
  add('process/mechanism-1', 'skos:prefLabel', lang('Other', 'en')); // unique lang
  add('process/mechanism-2', 'schema:foundingDate', typed('1999', 'integer')); // datatype
  add('process/mechanism-3', 'iscm:mainSource', id('process/mechanism-3/source/en-a')); // max count
  add('state/AAB', 'iscm:m49Code', literal('12')); // pattern, max count
  del('state/AAC', 'iscm:iso3166Alpha3'); // min count
  add('organization/org-1', 'skos:exactMatch', namedNode('https://sws.geonames.org/1/')); // or
  store.removeQuad(quad(id('process/mechanism-4/list/member-state/fr'), t('iscm:listedCount'), typed('70', 'integer')));
  add('process/mechanism-4/list/member-state/fr', 'iscm:listedCount', typed('69', 'integer')); // complete-list rule
  const first = (prefix: string, p: `${Prefix}:${string}`) =>
    store.getSubjects(t(p), null, null).find((x) => x.value.startsWith(BASE + prefix))!.value.slice(BASE.length);
  add(first('process/mechanism-5/membership/', 'org:member'), 'iscm:chairStatus', literal('former')); // in
  add('process/mechanism-6/meeting/meeting-1', 'schema:endDate', literal('juin 2001')); // or of datatypes
  add('process/mechanism-6/meeting/meeting-2', 'schema:endDate', typed('2002-13', 'gYearMonth')); // ill-formed literal
  del('process/mechanism-7/document/document-3', 'dct:language'); // min count
  add(first('process/mechanism-8/membership/chair/', 'time:inXSDgYear'), 'time:inXSDDate', typed('2000-01-01', 'date')); // xone
  add('agent/unresolved-9', 'skos:exactMatch', namedNode('http://www.wikidata.org/entity/Q1')); // max count 0
  add('theme/theme-1', 'skos:prefLabel', lang('autre', 'fr')); // unique lang on a concept
  store.addQuad(quad(id('agent/nobody'), t('rdf:type'), t('foaf:Agent'))); // xone
  return 17;
}

// --- measuring -------------------------------------------------------------------------------

interface Measurement {
  engine: ShaclEngineName;
  triples: number;
  mechanisms: number;
  seconds: number;
  triplesPerSecond: number;
  rssBeforeMB: number;
  peakRssMB: number;
  results: number;
}

async function measureOne(engine: ShaclEngineName, triples: number): Promise<Measurement> {
  const shapes = loadShapes();
  const { store, mechanisms } = syntheticGraph(triples);
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  // Samples only fire while the engine yields to the event loop; maxRSS below is the true peak.
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = process.hrtime.bigint();
  const results = await validateWith(engine, store, shapes);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  return {
    engine,
    triples: store.size,
    mechanisms,
    seconds: round(seconds, 2),
    triplesPerSecond: Math.round(store.size / seconds),
    rssBeforeMB: Math.round(rssBefore / 2 ** 20),
    peakRssMB: Math.round(peak / 2 ** 20),
    results: results.length,
  };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

const resultKey = (r: ShaclResult) => [r.focusNode, r.path ?? '-', r.constraint, r.shape ?? '-', r.value ?? '-'].join(' | ');

async function compareEngines(label: string, store: n3.Store, shapes: n3.Store): Promise<{ a: number; b: number; onlyA: string[]; onlyB: string[] }> {
  const [a, b] = await Promise.all(ENGINES.map((e) => validateWith(e, store, shapes)));
  const ka = new Set(a!.map(resultKey));
  const kb = new Set(b!.map(resultKey));
  const onlyA = [...ka].filter((k) => !kb.has(k));
  const onlyB = [...kb].filter((k) => !ka.has(k));
  if (onlyA.length || onlyB.length) {
    console.log(`  ${label}: ${ENGINES[0]} ${ka.size} results, ${ENGINES[1]} ${kb.size}`);
    for (const k of onlyA) console.log(`    only ${ENGINES[0]}: ${k}`);
    for (const k of onlyB) console.log(`    only ${ENGINES[1]}: ${k}`);
  }
  return { a: ka.size, b: kb.size, onlyA, onlyB };
}

async function agreement(): Promise<void> {
  const shapes = loadShapes();
  console.log('\nAgreement on a ~20k-triple graph with injected violations:');
  const { store } = syntheticGraph(20_000);
  const faults = injectViolations(store);
  const r = await compareEngines('injected', store, shapes);
  console.log(`  ${faults} faults injected; ${ENGINES[0]}: ${r.a} results, ${ENGINES[1]}: ${r.b} results, ` +
    `${r.onlyA.length + r.onlyB.length} differ`);

  console.log('\nAgreement on every fixture of tests/shapes (base + case):');
  const dir = fileURLToPath(new URL('../tests/shapes/fixtures/', import.meta.url));
  let cases = 0;
  let differing = 0;
  for (const d of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const f of readdirSync(join(dir, d.name))) {
      const s = new n3.Store();
      for (const file of [join(dir, 'base.ttl'), join(dir, d.name, f)]) {
        s.addQuads(new n3.Parser({ format: 'text/turtle' }).parse(readFileSync(file, 'utf8')));
      }
      cases++;
      const c = await compareEngines(`${d.name}/${f}`, s, shapes);
      if (c.onlyA.length || c.onlyB.length) differing++;
    }
  }
  console.log(`  ${cases} cases, ${differing} differ`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--run') {
    const m = await measureOne(args[1] as ShaclEngineName, Number(args[2]));
    process.stdout.write(JSON.stringify(m) + '\n');
    return;
  }
  const r = args.indexOf('--repeat');
  const repeat = r >= 0 ? Number(args.splice(r, 2)[1]) : 3;
  const sizes = args.length ? args.map(Number) : [100_000, 500_000];
  const self = fileURLToPath(import.meta.url);
  const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
  console.log(`node ${process.version}, ${process.platform} ${process.arch}; median of ${repeat} runs, each in a fresh process`);
  console.log('| engine | triples | mechanisms | seconds (median) | seconds (all runs) | triples/s | RSS before (MB) | peak RSS (MB) | results |');
  console.log('|---|---:|---:|---:|---|---:|---:|---:|---:|');
  for (const size of sizes) {
    // Engines alternate run by run, so that a change in machine load hits both alike.
    const runs = new Map<ShaclEngineName, Measurement[]>(ENGINES.map((e) => [e, []]));
    for (let i = 0; i < repeat; i++) {
      for (const engine of ENGINES) {
        const out = execFileSync(process.execPath, ['--expose-gc', tsx, self, '--run', engine, String(size)], {
          encoding: 'utf8',
          maxBuffer: 1 << 26,
        });
        runs.get(engine)!.push(JSON.parse(out.trim().split('\n').pop()!));
      }
    }
    for (const [engine, rs] of runs) {
      const m = [...rs].sort((a, b) => a.seconds - b.seconds)[Math.floor(rs.length / 2)]!;
      console.log(
        `| ${engine} | ${m.triples} | ${m.mechanisms} | ${m.seconds} | ${rs.map((x) => x.seconds).join(', ')} | ` +
          `${m.triplesPerSecond} | ${m.rssBeforeMB} | ${Math.max(...rs.map((x) => x.peakRssMB))} | ${m.results} |`,
      );
    }
  }
  await agreement();
}

// Only when run, not when imported for its generator.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
