// The pictures on a mechanism's page: its member and observer states on a world map and its
// meetings on a timeline, drawn on the server from the release being served, so that the page
// shows them with scripts off and the static copy holds them as they are.

import type { Lang } from '../serve/labels.ts';
import type { Site } from '../serve/site.ts';
import { isMechanism, mechanismFacts } from './facts.ts';
import { overviewLink } from './overview-page.ts';
import { timeline } from './timeline.ts';
import { word } from './words.ts';
import { worldMap } from './world-map.ts';

/** The section of pictures for a mechanism's page; empty for any other resource. */
export function mechanismPictures(site: Site, iri: string, lang: Lang): string {
  const { release } = site;
  if (!isMechanism(release, release.iris, iri)) return '';
  const facts = mechanismFacts(release, release.iris, iri, lang);
  const href = (i: string) => site.localPath(i);
  const map = worldMap({ lang, mechanism: facts.name, participants: facts.participants, lists: facts.lists, roleNames: facts.roleNames, href });
  const meetings = timeline({ lang, mechanism: facts.name, meetings: facts.meetings, href });
  return `<section class="pictures">\n<h2>${word('pictures', lang)}</h2>\n${map}\n${meetings ? `${meetings}\n` : ''}${overviewLink(lang)}\n</section>\n`;
}
