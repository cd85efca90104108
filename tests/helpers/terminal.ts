// Runs `iscm` on a pseudo-terminal, through util-linux's `script`, to see what a person at a
// terminal sees: colour, code frames and progress bars, which a pipe never gets.

import { execFile } from 'node:child_process';
import { ISCM, type Run } from './iscm.ts';

export function iscmInTerminal(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const clean = { ...process.env };
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'CI']) delete clean[k];
  const command = [process.execPath, ISCM, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((resolve) => {
    execFile('script', ['-qefc', command, '/dev/null'], { cwd, env: { ...clean, TERM: 'xterm', ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      // The terminal turns "\n" into "\r\n"; what remains of "\r" is the program's own.
      resolve({ status, stdout: stdout.replace(/\r\n/g, '\n'), stderr });
    });
  });
}
