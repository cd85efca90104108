// TypeScript views of the records that pipeline/validate/schemas.ts defines. A record is
// only typed as one of these after ajv has accepted it.

import type { ROLES } from './schemas.ts';

export type Lang = 'fr' | 'en';
export type Role = (typeof ROLES)[number];
export type Languages = Partial<Record<Lang, string>>;
export type SourceIds = string[];

export interface ParticipantEntryObject {
  name: string;
  period_as_printed?: string;
  start?: string;
  end?: string;
  status?: 'current' | 'past' | 'incoming';
  role_as_printed?: string;
  note?: string;
}
export type ParticipantEntry = string | ParticipantEntryObject;

export interface ParticipantList {
  role: Role;
  part?: string;
  heading_as_printed?: string;
  declared_count?: number | null;
  declared_as_printed?: string;
  lang: Lang;
  complete: boolean;
  source: SourceIds;
  note?: string;
  listed: ParticipantEntry[];
}

export interface Meeting {
  id: string;
  title?: string;
  lang: Lang;
  type?: string;
  start?: string;
  end?: string;
  place?: string;
  country?: string;
  place_as_printed?: string;
  note?: string;
  source: SourceIds;
}

export interface DocumentRecord {
  id: string;
  title: string;
  lang: Lang;
  language: string;
  language_as_printed?: string;
  acronyms?: { acronym: string; lang: Lang; source: SourceIds }[];
  other_titles?: { title: string; lang: Lang; source: SourceIds }[];
  note?: string;
  source: SourceIds;
}

export interface MechanismRecord {
  id: string;
  name: Languages;
  other_names?: { name: string; lang: Lang | 'es'; source: SourceIds; note?: string }[];
  acronyms?: { acronym: string; lang: Lang; source: SourceIds }[];
  sources: { id: string; url: string; main?: true; note?: string }[];
  type?: { concept: string; as_printed: string; lang: Lang; source: SourceIds }[];
  region_covered?: { as_printed: string; lang: Lang; source: SourceIds }[];
  formal_association?: { as_printed: string; lang: Lang; organizations: string[]; source: SourceIds }[];
  established?: { year: number; source: SourceIds; note?: string }[];
  concluded?: { year: number; source: SourceIds; note?: string }[];
  status_notes?: { text: string; lang: Lang; source: SourceIds }[];
  launched_by?: { name: string; lang: Lang; source: SourceIds }[];
  objectives?: { text: string; lang: Lang; source: SourceIds }[];
  outcomes?: { document: string; source: SourceIds }[];
  related?: { mechanism: string; relation: 'paved-the-way-for'; source: SourceIds }[];
  themes?: {
    heading_as_printed?: string;
    section_as_printed?: string;
    lang: Lang;
    complete?: boolean;
    source: SourceIds;
    note?: string;
    items: { concept: string; as_printed: string }[];
  }[];
  participants?: ParticipantList[];
  meetings?: Meeting[];
  documents?: DocumentRecord[];
}

export interface OrganizationRecord {
  id: string;
  names: Languages;
  acronyms?: Languages;
  unit_of?: string;
  wikidata?: { id: string; status: 'confirmed' | 'single-source'; note?: string };
  note?: string;
}

export interface PlaceRecord {
  id: string;
  names: Languages;
  country: string;
  geonames?: string;
  wikidata?: string;
  note?: string;
}

export type AliasRecord =
  | { name: string; lang: Lang; kind: 'state' | 'organization' | 'place'; target: string; reason: string }
  | { name: string; lang: Lang; kind?: 'state' | 'organization' | 'place'; unresolved: string };

export interface VocabularyRecord {
  scheme?: { labels: Languages; definitions?: Languages };
  concepts: { id: string; notation?: string; labels: Languages; definitions?: Languages; note?: string }[];
}

/** A value with the place in the sources it came from. */
export interface Located<T> {
  record: T;
  file: string;
  path: (string | number)[];
}
