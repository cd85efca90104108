// The pictures' own words, in French and English. Names of states, mechanisms, roles and meetings
// come from the data; only the frame around them (titles, legends, notes) is written here.

import type { Lang } from '../serve/labels.ts';

const WORDS = {
  pictures: { fr: 'En images', en: 'At a glance' },
  mapTitle: { fr: 'États membres et observateurs de {name}', en: 'Member and observer states of {name}' },
  mapEmpty: { fr: 'Les pages de l’OIM ne nomment aucun État membre ni observateur de ce mécanisme.', en: 'IOM’s pages name no member or observer state of this mechanism.' },
  withoutShape: {
    fr: 'Nommés par les pages mais absents de la carte (pas de contour à cette échelle, ou pas de code ISO 3166) :',
    en: 'Named by the pages but not on the map (no outline at this scale, or no ISO 3166 code):',
  },
  lists: { fr: '{role} — noms que donne chaque liste imprimée : {lists}.', en: '{role} — names each printed list gives: {lists}.' },
  listComplete: { fr: '{listed} sur {declared}, complète', en: '{listed} of {declared}, complete' },
  listCompleteNoTotal: { fr: '{listed}, complète', en: '{listed}, complete' },
  listPartial: { fr: '{listed} sur {declared}, partielle', en: '{listed} of {declared}, partial' },
  listPartialNoTotal: { fr: '{listed}, partielle, sans total imprimé', en: '{listed}, partial, no total printed' },
  partialWarning: {
    fr: 'Une liste au moins est partielle : la carte ne montre que les noms que les pages donnent.',
    en: 'At least one list is partial: the map shows only the names the pages give.',
  },
  timelineTitle: { fr: 'Réunions de {name}', en: 'Meetings of {name}' },
  timelineEmpty: { fr: 'Les pages de l’OIM ne datent aucune réunion de ce mécanisme.', en: 'IOM’s pages date no meeting of this mechanism.' },
  undated: { fr: 'Réunions sans date dans les pages :', en: 'Meetings the pages give no date for:' },
  exactDate: { fr: 'jour connu', en: 'day known' },
  monthOnly: { fr: 'mois seulement', en: 'month only' },
  yearOnly: { fr: 'année seulement', en: 'year only' },
  overview: { fr: 'États et mécanismes', en: 'States and mechanisms' },
  overviewLink: { fr: 'Tableau des États et des mécanismes', en: 'Matrix of states and mechanisms' },
  overviewIntro: {
    fr: 'Chaque ligne est un État, chaque colonne un mécanisme ; une marque dit le rôle que les pages de l’OIM lui donnent. La plupart de ces pages ne donnent qu’une partie des listes : une case vide veut dire que les pages ne nomment pas l’État, non qu’il n’a pas participé. Les noms que les données ne rattachent à aucun État n’y figurent pas.',
    en: 'Each row is a state, each column a mechanism; a mark gives the role IOM’s pages give it. Most of these pages give only part of their lists: an empty cell means the pages do not name the state, not that it took no part. Names the data does not resolve to a state are not shown.',
  },
  matrixTitle: { fr: 'Rôles des États dans les mécanismes', en: 'Roles of states in the mechanisms' },
  otherRole: { fr: 'autre rôle (voir l’infobulle)', en: 'other role (see the tooltip)' },
} as const satisfies Record<string, Record<Lang, string>>;

type WordKey = keyof typeof WORDS;

/** The words in `lang`, each `{name}` replaced by `values.name` as given: the words hold no markup, so escaped values stay escaped. */
export function word(key: WordKey, lang: Lang, values: Record<string, string> = {}): string {
  return WORDS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => {
    if (values[k] === undefined) throw new Error(`the words "${key}" need a value for {${k}}`);
    return values[k];
  });
}
