// The download page: each dump of the release and the dataset description, with its format and
// size, linked under /download/.

import type { DumpFile } from '../../query/dumps.ts';
import type { Lang } from '../labels.ts';
import { escapeHtml } from './escape.ts';
import { t } from './i18n.ts';
import { page } from './layout.ts';

export function downloadPage(files: DumpFile[], lang: Lang, endpoint: boolean): string {
  const rows = files
    .map(
      (f) =>
        `<tr><td><a href="/download/${escapeHtml(f.name)}" type="${escapeHtml(f.mediaType)}">${escapeHtml(f.name)}</a></td><td><code>${escapeHtml(f.mediaType)}</code></td><td>${f.content.length}</td></tr>`,
    )
    .join('\n');
  const body = `<h1>${t('downloads', lang)}</h1>
<p>${t('downloadsIntro', lang)}</p>
<table>
<thead><tr><th scope="col">${t('file', lang)}</th><th scope="col">${t('format', lang)}</th><th scope="col">${t('size', lang)} (B)</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  return page({ lang, title: t('downloads', lang), body, endpoint });
}
