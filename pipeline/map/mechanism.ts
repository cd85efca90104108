// Maps one mechanism record to RDF (docs/data-model.md). Pure: the same record and
// reconciliation give the same quads. Every node has an IRI; superclass types are stated.

import type { AgentRef, Iris } from '../iri.ts';
import { locate, type YamlSource } from '../load/yaml.ts';
import { kindsForRole, type Reconciled, type Target } from '../reconcile/index.ts';
import { xsdDatatypeOf } from '../validate/dates.ts';
import type { MechanismRecord, ParticipantEntryObject } from '../validate/types.ts';
import { GraphBuilder, iri, plain, text, typed, type Obj, type RecordGraph } from './graph.ts';
import { DCT, EU_LANGUAGE, EU_LANGUAGE_CODES, FOAF, ORG, PROV, RDF, SCHEMA, SKOS, TIME } from './vocab.ts';

export function mapMechanism(
  r: MechanismRecord,
  source: YamlSource,
  rec: Reconciled,
  iris: Iris,
): RecordGraph {
  const g = new GraphBuilder(`process/${r.id}`);
  const T = iris.term;
  const P = iris.process(r.id);
  const at = (path: (string | number)[]) => locate(source, path);
  const pv = (ids: string[]) => ids.map((id) => iri(iris.pageVersion(r.id, id)));
  const agentIri = (t: Target) => (t.kind === 'place' ? iris.place(t.id) : iris.agent(t as AgentRef));

  g.at(P, at([]));
  g.types(P, T('ConsultationMechanism'), ORG('OrganizationalCollaboration'), ORG('Organization'), FOAF('Agent'));
  g.add(P, SKOS('prefLabel'), text(r.name.fr, 'fr'), text(r.name.en, 'en'));
  r.other_names?.forEach((n) => g.add(P, SKOS('altLabel'), text(n.name, n.lang)));
  r.acronyms?.forEach((a) => g.add(P, T('acronym'), text(a.acronym, a.lang)));

  r.sources.forEach((s, i) => {
    const v = g.at(iris.pageVersion(r.id, s.id), at(['sources', i]));
    g.types(v, T('PageVersion'), FOAF('Document'), PROV('Entity'));
    g.add(v, DCT('identifier'), plain(s.id));
    g.add(v, DCT('isVersionOf'), iri(s.url));
    g.add(v, SKOS('note'), text(s.note, 'en'));
    g.add(P, FOAF('page'), iri(s.url));
    g.add(P, DCT('source'), iri(v));
    if (s.main) g.add(P, T('mainSource'), iri(v));
  });

  // A fact that page versions state differently: each value is asserted, and when there is
  // more than one, a reified statement per value says which page versions give it. A fact the
  // record annotates gets its statement even when it has one value, so that the note has a subject.
  let statements = 0;
  const fact = (predicate: string, object: Obj | undefined, sources: string[], many: boolean, note?: string) => {
    g.add(P, predicate, object);
    if (!object || (!many && note === undefined)) return;
    const st = iris.statement(r.id, ++statements);
    g.types(st, RDF('Statement'));
    g.add(st, RDF('subject'), iri(P));
    g.add(st, RDF('predicate'), iri(predicate));
    g.add(st, RDF('object'), object);
    g.add(st, DCT('source'), ...pv(sources));
    g.add(st, SKOS('note'), text(note, 'en'));
  };
  const many = (xs: unknown[] | undefined) => (xs?.length ?? 0) > 1;

  r.type?.forEach((t) => {
    fact(T('mechanismType'), iri(iris.concept('mechanism-type', t.concept)), t.source, many(r.type));
    fact(T('typeAsPrinted'), text(t.as_printed, t.lang), t.source, many(r.type));
  });
  r.region_covered?.forEach((x) => fact(T('regionCoveredAsPrinted'), text(x.as_printed, x.lang), x.source, many(r.region_covered)));
  r.formal_association?.forEach((f) => {
    const m = many(r.formal_association);
    fact(T('hasFormalAssociation'), typed(f.organizations.length > 0, 'boolean'), f.source, m);
    fact(T('formalAssociationAsPrinted'), text(f.as_printed, f.lang), f.source, m);
    f.organizations.forEach((name) => {
      const res = rec.resolve(name, f.lang, ['organization']);
      fact(T('formallyAssociatedWith'), iri(agentIri(res.target)), f.source, m);
    });
  });
  r.established?.forEach((e) => fact(SCHEMA('foundingDate'), typed(String(e.year), 'gYear'), e.source, many(r.established), e.note));
  r.concluded?.forEach((e) => fact(SCHEMA('dissolutionDate'), typed(String(e.year), 'gYear'), e.source, many(r.concluded), e.note));
  r.status_notes?.forEach((n) => fact(T('statusNote'), text(n.text, n.lang), n.source, many(r.status_notes)));
  r.launched_by?.forEach((l) => {
    const res = rec.resolve(l.name, l.lang, ['state', 'organization']);
    fact(T('launchedBy'), iri(agentIri(res.target)), l.source, many(r.launched_by));
  });

  r.objectives?.forEach((o, i) => {
    const q = g.at(iris.objectives(r.id, i + 1), at(['objectives', i]));
    g.types(q, T('Quotation'));
    g.add(q, SCHEMA('text'), text(o.text, o.lang));
    g.add(q, DCT('source'), ...pv(o.source));
    g.add(P, T('objectives'), iri(q));
  });
  r.outcomes?.forEach((o) => g.add(P, T('mainOutcome'), iri(iris.document(r.id, o.document))));
  r.related?.forEach((x) => g.add(P, T('pavedTheWayFor'), iri(iris.process(x.mechanism))));

  // Each theme group is a printed list like a participant list, so that a cut-off group is
  // published as partial. A group whose completeness the record does not state is not complete:
  // unknown completeness is not completeness.
  r.themes?.forEach((group, i) => {
    const L = g.at(iris.themeList(r.id, group.source, i + 1), at(['themes', i]));
    g.types(L, T('ThemeList'), T('PrintedList'));
    g.add(L, T('listOf'), iri(P));
    g.add(L, T('isComplete'), typed(group.complete ?? false, 'boolean'));
    g.add(L, T('listedCount'), typed(group.items.length, 'integer'));
    g.add(L, T('headingAsPrinted'), text(group.heading_as_printed, group.lang), text(group.section_as_printed, group.lang));
    g.add(L, SKOS('note'), text(group.note, 'en'));
    g.add(L, DCT('source'), ...pv(group.source));
    g.add(P, T('themeList'), iri(L));

    group.items.forEach((item, j) => {
      const concept = iri(iris.concept('theme', item.concept));
      const ts = g.at(iris.themeStatement(r.id, group.source, i + 1, item.concept), at(['themes', i, 'items', j]));
      g.types(ts, T('ThemeStatement'));
      g.add(ts, T('theme'), concept);
      g.add(ts, T('labelAsPrinted'), text(item.as_printed, group.lang));
      g.add(ts, T('headingAsPrinted'), text(group.heading_as_printed, group.lang));
      g.add(ts, T('inList'), iri(L));
      g.add(ts, DCT('source'), ...pv(group.source));
      g.add(P, T('theme'), concept);
      g.add(P, T('themeStatement'), iri(ts));
    });
  });

  const seen = new Set<string>();
  r.participants?.forEach((list, i) => {
    const L = g.at(iris.participantList(r.id, list.role, list.source, list.part), at(['participants', i]));
    const role = iri(iris.concept('role', list.role));
    g.types(L, T('ParticipantList'), T('PrintedList'));
    g.add(L, T('listOf'), iri(P));
    g.add(L, T('role'), role);
    g.add(L, T('listedCount'), typed(list.listed.length, 'integer'));
    g.add(L, T('declaredCount'), typed(list.declared_count, 'integer'));
    g.add(L, T('isComplete'), typed(list.complete, 'boolean'));
    g.add(L, T('headingAsPrinted'), text(list.heading_as_printed, list.lang));
    g.add(L, T('declaredAsPrinted'), text(list.declared_as_printed, list.lang));
    g.add(L, SKOS('note'), text(list.note, 'en'));
    g.add(L, DCT('source'), ...pv(list.source));
    g.add(P, T('participantList'), iri(L));

    list.listed.forEach((entry, j) => {
      const e: ParticipantEntryObject = typeof entry === 'string' ? { name: entry } : entry;
      const res = rec.resolve(e.name, list.lang, kindsForRole(list.role));
      const agent = res.target as AgentRef;
      const M = iris.membership(r.id, { role: list.role, sources: list.source, part: list.part }, agent, e.start);
      // The same agent printed twice in one list (twice verbatim, or under two names) is one
      // membership that keeps every printed name.
      if (seen.has(M)) {
        g.add(M, T('nameAsPrinted'), text(e.name, list.lang));
        g.add(M, SKOS('note'), text(e.note, 'en'));
        return;
      }
      seen.add(M);
      g.at(M, at(['participants', i, 'listed', j]));
      g.types(M, ORG('Membership'));
      g.add(M, ORG('organization'), iri(P));
      g.add(M, ORG('member'), iri(iris.agent(agent)));
      g.add(M, ORG('role'), role);
      g.add(M, T('nameAsPrinted'), text(e.name, list.lang));
      g.add(M, T('inList'), iri(L));
      g.add(M, DCT('source'), ...pv(list.source));
      g.add(M, T('chairStatus'), plain(e.status));
      g.add(M, T('periodAsPrinted'), text(e.period_as_printed, list.lang));
      g.add(M, T('roleAsPrinted'), text(e.role_as_printed, list.lang));
      g.add(M, SKOS('note'), text(e.note, 'en'));
      if (e.start || e.end) {
        const I = iris.period(M);
        g.types(I, TIME('Interval'));
        g.add(M, ORG('memberDuring'), iri(I));
        for (const [end, value] of [['start', e.start], ['end', e.end]] as const) {
          if (!value) continue;
          const instant = iris.periodEnd(M, end);
          const kind = xsdDatatypeOf(value);
          g.types(instant, TIME('Instant'));
          g.add(instant, TIME(kind === 'date' ? 'inXSDDate' : kind === 'gYear' ? 'inXSDgYear' : 'inXSDgYearMonth'), typed(value, kind));
          g.add(I, TIME(end === 'start' ? 'hasBeginning' : 'hasEnd'), iri(instant));
        }
      }
    });
  });

  r.meetings?.forEach((m, i) => {
    const E = g.at(iris.meeting(r.id, m.id), at(['meetings', i]));
    g.types(E, T('Meeting'), SCHEMA('Event'));
    g.add(E, SCHEMA('name'), text(m.title, m.lang));
    if (m.type) g.add(E, T('meetingType'), iri(iris.concept('meeting-type', m.type)));
    if (m.start) g.add(E, SCHEMA('startDate'), typed(m.start, xsdDatatypeOf(m.start)));
    if (m.end) g.add(E, SCHEMA('endDate'), typed(m.end, xsdDatatypeOf(m.end)));
    const place = m.place ? rec.resolve(m.place, m.lang, ['place']).target : undefined;
    const country = m.country ? rec.resolve(m.country, m.lang, ['state']).target : undefined;
    const location = place?.kind === 'place' ? place : country?.kind === 'state' ? country : undefined;
    if (location) g.add(E, SCHEMA('location'), iri(agentIri(location)));
    g.add(E, T('placeAsPrinted'), text(m.place_as_printed, m.lang));
    g.add(E, T('convenedBy'), iri(P));
    g.add(E, SKOS('note'), text(m.note, 'en'));
    g.add(E, DCT('source'), ...pv(m.source));
  });

  r.documents?.forEach((d, i) => {
    const D = g.at(iris.document(r.id, d.id), at(['documents', i]));
    g.types(D, T('Document'), FOAF('Document'), SCHEMA('CreativeWork'));
    g.add(D, DCT('title'), text(d.title, d.lang), ...(d.other_titles ?? []).map((t) => text(t.title, t.lang)));
    g.add(D, DCT('language'), iri(EU_LANGUAGE(EU_LANGUAGE_CODES[d.language])));
    g.add(D, T('languageAsPrinted'), text(d.language_as_printed, d.lang));
    d.acronyms?.forEach((a) => g.add(D, T('acronym'), text(a.acronym, a.lang)));
    g.add(D, T('documentOf'), iri(P));
    g.add(D, SKOS('note'), text(d.note, 'en'));
    g.add(D, DCT('source'), ...pv(d.source));
  });

  return g.build();
}
