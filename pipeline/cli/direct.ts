// Runs one command module as its own program (`npx tsx pipeline/cli/query.ts …`, which the Makefile
// targets use), with the same --help, exit codes and diagnostics as `iscm <command>`. main.ts cannot
// be reused for this: importing the running module again from it would wait on itself.

import { BuildError } from '../diagnostics.ts';
import { EXIT, UsageError } from './exit.ts';
import { writeDiagnostics } from './format-diagnostics.ts';

export interface Command {
  help: string;
  run(argv: string[]): Promise<number>;
}

export async function runDirectly(name: string, command: Command, argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(command.help);
    return EXIT.ok;
  }
  try {
    return await command.run(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`iscm ${name}: ${e.message}\nRun "iscm ${name} --help" for usage.\n`);
      return EXIT.usage;
    }
    if (e instanceof BuildError) {
      writeDiagnostics(e.diagnostics, process.cwd());
      return EXIT.dataErrors;
    }
    process.stderr.write(`iscm ${name}: internal error: ${(e as Error).stack ?? e}\n`);
    return EXIT.internal;
  }
}
