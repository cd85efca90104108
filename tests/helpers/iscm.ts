// Runs the `iscm` command as a user does (bin/iscm.js, a child process), asynchronously so that
// tests of a file can run side by side.

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from './project.ts';

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

export const ISCM = join(PROJECT_ROOT, 'bin/iscm.js');

/** `iscm …args` in `cwd`, with stdout and stderr piped (so not a terminal) and CI-neutral colour settings. */
export function iscm(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const clean = { ...process.env };
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'CI', 'ISCM_ROOT', 'ISCM_OUT', 'ISCM_BASE']) delete clean[k];
  return new Promise((resolve) => {
    execFile(process.execPath, [ISCM, ...args], { cwd, env: { ...clean, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ status, stdout, stderr });
    });
  });
}
