// The words of the pages, in French and English. Data labels come from the data (labels.ts);
// these are only the interface's own words.

import type { Lang } from '../labels.ts';

const MESSAGES = {
  site: { fr: 'Mécanismes de consultation inter-États sur la migration', en: 'Inter-state consultation mechanisms on migration' },
  home: { fr: 'Accueil', en: 'Home' },
  query: { fr: 'Requête SPARQL', en: 'SPARQL query' },
  downloads: { fr: 'Téléchargements', en: 'Downloads' },
  mechanisms: { fr: 'Les mécanismes', en: 'The mechanisms' },
  intro: {
    fr: 'Ce que les pages web de l’OIM disent des mécanismes de consultation inter-États sur la migration, en données ouvertes liées. Chaque ressource a sa page ; la même adresse donne aussi Turtle, JSON-LD, N-Triples et RDF/XML.',
    en: 'What IOM’s web pages say about inter-state consultation mechanisms on migration, as linked open data. Every resource has its page; the same address also gives Turtle, JSON-LD, N-Triples and RDF/XML.',
  },
  about: { fr: 'Énoncés sur cette ressource', en: 'Statements about this resource' },
  mentions: { fr: 'Énoncés qui la mentionnent', en: 'Statements that mention it' },
  property: { fr: 'Propriété', en: 'Property' },
  value: { fr: 'Valeur', en: 'Value' },
  subject: { fr: 'Sujet', en: 'Subject' },
  types: { fr: 'Types', en: 'Types' },
  formats: { fr: 'Autres formats', en: 'Other formats' },
  otherLanguage: { fr: 'English', en: 'Français' },
  identifier: { fr: 'Identifiant', en: 'Identifier' },
  run: { fr: 'Exécuter', en: 'Run' },
  examples: { fr: 'Questions de chercheurs', en: 'Researchers’ questions' },
  queryHelp: {
    fr: 'Le point d’accès SPARQL 1.1 est /sparql (GET et POST). Le graphe par défaut est l’union des graphes ; la version publiée est dans le graphe nommé',
    en: 'The SPARQL 1.1 endpoint is /sparql (GET and POST). The default graph is the union of graphs; the release is in the named graph',
  },
  results: { fr: 'Résultats', en: 'Results' },
  rows: { fr: 'lignes', en: 'rows' },
  yes: { fr: 'oui', en: 'yes' },
  no: { fr: 'non', en: 'no' },
  file: { fr: 'Fichier', en: 'File' },
  format: { fr: 'Format', en: 'Format' },
  size: { fr: 'Taille', en: 'Size' },
  downloadsIntro: {
    fr: 'Les fichiers complets de cette version, et la description du jeu de données quand elle existe.',
    en: 'The complete files of this release, and the dataset description where there is one.',
  },
  notFound: { fr: 'Cette ressource n’existe pas dans les données.', en: 'This resource is not in the data.' },
  licence: {
    fr: 'Données sous licence CC BY 4.0 ; les faits viennent des pages web de l’OIM.',
    en: 'Data under CC BY 4.0; the facts come from IOM’s web pages.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

type MessageKey = keyof typeof MESSAGES;

export function t(key: MessageKey, lang: Lang): string {
  return MESSAGES[key][lang];
}
