// The definition of every kind of source record, as JSON Schema. The validator compiles
// these with ajv, and `make schemas` writes them to schemas/ for editors: one definition, two uses.

const slug = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' } as const;
const lang = { type: 'string', enum: ['fr', 'en'] } as const;
const text = { type: 'string', minLength: 1 } as const;
const year = { type: 'integer', minimum: 1000, maximum: 2999 } as const;
const partialDate = {
  type: 'string',
  pattern: '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$',
  description: 'YYYY, YYYY-MM or YYYY-MM-DD',
} as const;
const source = {
  type: 'array',
  items: { type: 'string', pattern: '^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$' },
  minItems: 1,
  uniqueItems: true,
  description: 'ids of entries of the record\'s `sources` list',
} as const;
/** The patterns of values that become IRI path segments: a fault in one is `invalid-slug`. */
export const SLUG_PATTERNS: readonly string[] = [slug.pattern, source.items.pattern];
// The URL is published as an IRI (foaf:page, dct:isVersionOf): it must be one, whole, with a
// host, and without the characters that would break N-Triples, Turtle or RDF/XML.
const webUrl = {
  type: 'string',
  pattern: '^https?://(?:[^\\s<>"{}|\\\\^`%/\\u0000-\\u001F\\u007F-\\u009F]|%[0-9A-Fa-f]{2})(?:[^\\s<>"{}|\\\\^`%\\u0000-\\u001F\\u007F-\\u009F]|%[0-9A-Fa-f]{2})*$',
  description: 'an http(s) URL with a host; no spaces, no <>"{}|\\^` characters; % only before two hex digits',
} as const;
const languages = {
  type: 'object',
  additionalProperties: false,
  properties: { fr: text, en: text },
  minProperties: 1,
} as const;

const obj = (properties: Record<string, unknown>, required: string[], description?: string) => ({
  type: 'object',
  additionalProperties: false,
  properties,
  required,
  ...(description ? { description } : {}),
});
const list = (items: unknown, description?: string) => ({ type: 'array', items, ...(description ? { description } : {}) });

const participantEntry = {
  oneOf: [
    { ...text, description: 'the name exactly as printed' },
    obj(
      {
        name: text,
        period_as_printed: text,
        start: partialDate,
        end: partialDate,
        status: { type: 'string', enum: ['current', 'past', 'incoming'] },
        role_as_printed: text,
        note: text,
      },
      ['name'],
    ),
  ],
};

export const ROLES = [
  'member-state',
  'member-organization',
  'observer-state',
  'observer-organization',
  'chair',
  'co-chair',
  'steering-group-member',
  'secretariat',
] as const;

export const mechanismSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://w3id.org/iscm/schemas/mechanism.schema.json',
  title: 'ISCM mechanism record',
  ...obj(
    {
      id: { ...slug, description: 'the slug of the mechanism IRI; equal to the file name' },
      name: { ...languages, description: 'the name in English and/or French' },
      other_names: list(
        obj({ name: text, lang: { type: 'string', enum: ['fr', 'en', 'es'] }, source, note: text }, ['name', 'lang', 'source']),
        'other names as printed; Spanish names (es) are kept as printed too',
      ),
      acronyms: list(obj({ acronym: text, lang, source }, ['acronym', 'lang', 'source'])),
      sources: {
        ...list(
          obj(
            { id: source.items, url: webUrl, main: { const: true }, note: text },
            ['id', 'url'],
          ),
          'the page versions the facts come from; exactly one is main',
        ),
        minItems: 1,
      },
      type: list(obj({ concept: slug, as_printed: text, lang, source }, ['concept', 'as_printed', 'lang', 'source'])),
      region_covered: list(obj({ as_printed: text, lang, source }, ['as_printed', 'lang', 'source'])),
      formal_association: list(
        obj({ as_printed: text, lang, organizations: list(text), source }, ['as_printed', 'lang', 'organizations', 'source']),
      ),
      established: list(obj({ year, source, note: text }, ['year', 'source'])),
      concluded: list(obj({ year, source, note: text }, ['year', 'source'])),
      status_notes: list(obj({ text, lang, source }, ['text', 'lang', 'source'])),
      launched_by: list(obj({ name: text, lang, source }, ['name', 'lang', 'source'])),
      objectives: list(obj({ text, lang, source }, ['text', 'lang', 'source'])),
      outcomes: list(obj({ document: slug, source }, ['document', 'source'])),
      related: list(
        obj({ mechanism: slug, relation: { type: 'string', enum: ['paved-the-way-for'] }, source }, [
          'mechanism',
          'relation',
          'source',
        ]),
      ),
      themes: list(
        obj(
          {
            heading_as_printed: text,
            section_as_printed: text,
            lang,
            complete: { type: 'boolean' },
            source,
            note: text,
            items: list(obj({ concept: slug, as_printed: text }, ['concept', 'as_printed'])),
          },
          ['lang', 'source', 'items'],
        ),
      ),
      participants: list(
        obj(
          {
            role: { type: 'string', enum: ROLES },
            part: slug,
            heading_as_printed: text,
            declared_count: { type: ['integer', 'null'], minimum: 0 },
            declared_as_printed: text,
            lang,
            complete: { type: 'boolean' },
            source,
            note: text,
            listed: list(participantEntry),
          },
          ['role', 'lang', 'complete', 'source', 'listed'],
        ),
      ),
      meetings: list(
        obj(
          {
            id: slug,
            title: text,
            lang,
            type: slug,
            start: partialDate,
            end: partialDate,
            place: text,
            country: text,
            place_as_printed: text,
            note: text,
            source,
          },
          ['id', 'lang', 'source'],
        ),
      ),
      documents: list(
        obj(
          {
            id: slug,
            title: text,
            lang,
            language: {
              type: 'string',
              enum: ['ar', 'de', 'en', 'es', 'fr', 'it', 'pt', 'ru', 'zh', 'und'],
              description: 'ISO 639-1 code of the document\'s language, or und when the page does not say',
            },
            language_as_printed: text,
            acronyms: list(obj({ acronym: text, lang, source }, ['acronym', 'lang', 'source'])),
            other_titles: list(obj({ title: text, lang, source }, ['title', 'lang', 'source'])),
            note: text,
            source,
          },
          ['id', 'title', 'lang', 'language', 'source'],
        ),
      ),
    },
    ['id', 'name', 'sources'],
  ),
} as const;

export const organizationsSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://w3id.org/iscm/schemas/organizations.schema.json',
  title: 'ISCM reference organisations',
  type: 'array',
  items: obj(
    {
      id: slug,
      names: languages,
      acronyms: languages,
      unit_of: slug,
      wikidata: obj(
        {
          id: { type: 'string', pattern: '^Q[1-9][0-9]*$' },
          status: { type: 'string', enum: ['confirmed', 'single-source'] },
          note: text,
        },
        ['id', 'status'],
      ),
      note: text,
    },
    ['id', 'names'],
  ),
} as const;

export const placesSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://w3id.org/iscm/schemas/places.schema.json',
  title: 'ISCM reference places',
  type: 'array',
  items: obj(
    {
      id: slug,
      names: languages,
      country: { type: 'string', pattern: '^[A-Z]{3}$' },
      geonames: { type: 'string', pattern: '^[1-9][0-9]*$' },
      wikidata: { type: 'string', pattern: '^Q[1-9][0-9]*$' },
      note: text,
    },
    ['id', 'names', 'country'],
  ),
} as const;

export const aliasesSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://w3id.org/iscm/schemas/aliases.schema.json',
  title: 'ISCM reviewed aliases',
  type: 'array',
  items: {
    oneOf: [
      obj({ name: text, lang, kind: { enum: ['state', 'organization', 'place'] }, target: text, reason: text }, [
        'name',
        'lang',
        'kind',
        'target',
        'reason',
      ]),
      obj({ name: text, lang, kind: { enum: ['state', 'organization', 'place'] }, unresolved: text }, [
        'name',
        'lang',
        'unresolved',
      ]),
    ],
  },
} as const;

export const vocabularySchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://w3id.org/iscm/schemas/vocabulary.schema.json',
  title: 'ISCM SKOS vocabulary',
  ...obj(
    {
      scheme: obj({ labels: languages, definitions: languages }, ['labels']),
      concepts: list(
        obj({ id: slug, notation: text, labels: languages, definitions: languages, note: text }, ['id', 'labels']),
      ),
    },
    ['concepts'],
  ),
} as const;

export const SCHEMAS = {
  mechanism: mechanismSchema,
  organizations: organizationsSchema,
  places: placesSchema,
  aliases: aliasesSchema,
  vocabulary: vocabularySchema,
} as const;
