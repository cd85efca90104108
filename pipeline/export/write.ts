// Writes the static copy into its folder: a temporary sibling first, then renamed into place, so
// that a web server never sees half an export. Unlike publish (which output/ goes through), no
// file is fsynced: the copy is rebuilt from output/ in seconds, and fsyncing its fifteen thousand
// files took nine times as long as making them.

import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function writeFolder(folder: string, files: ReadonlyMap<string, string | Uint8Array>): void {
  const tmp = `${folder}.tmp-${process.pid}`;
  const old = `${folder}.old-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  for (const [path, content] of files) {
    const target = join(tmp, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  if (existsSync(folder)) renameSync(folder, old);
  renameSync(tmp, folder);
  rmSync(old, { recursive: true, force: true });
}
