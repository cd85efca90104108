// The exit codes of every `iscm` command. Scripts and CI branch on them, so they are part of
// the public contract (docs/cli.md) and never change meaning.

export const EXIT = { ok: 0, dataErrors: 1, usage: 2, internal: 3 } as const;

/** A command line that cannot be run as written; main.ts prints it with a pointer to --help. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
