// Command-line parsing for every command, on node:util's parseArgs: unknown options and a wrong
// number of arguments are usage errors (exit 2), never silently ignored.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './exit.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommand<const O extends Options>(argv: string[], options: O, positionals: { min: number; max: number; names: string }) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const n = parsed.positionals.length;
  if (n < positionals.min || n > positionals.max)
    throw new UsageError(n < positionals.min ? `expected ${positionals.names}` : `unexpected argument "${parsed.positionals[positionals.max]}"`);
  return parsed;
}
