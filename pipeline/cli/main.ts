// `iscm`: one entry point for the people who keep the data and those who explore it. It finds the
// command, answers --help and --version for all of them, and turns every failure into one of the
// documented exit codes (exit.ts). Commands are imported only when run: `iscm --help` stays fast,
// and a command whose module is not in this checkout fails with a clear message.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BuildError } from '../diagnostics.ts';
import { EXIT, UsageError } from './exit.ts';
import { writeDiagnostics } from './format-diagnostics.ts';

const COMMANDS: Record<string, string> = {
  build: 'build the dataset from sources/ into output/',
  check: 'validate the sources and run every check, writing nothing',
  query: 'run a SPARQL query over the dataset',
  serve: 'serve the dataset and its pages over HTTP',
  export: 'write the served site as static files, for any web host',
  load: 'load the dataset into a triple store',
  stats: 'count what a build holds: mechanisms, memberships, lists, names',
  diff: 'say in words what differs between two builds or releases',
  new: 'scaffold a new source record, such as a mechanism',
};

const HELP = `Usage: iscm <command> [options]

Linked open data on inter-state consultation mechanisms on migration.

Commands:
${Object.entries(COMMANDS)
  .map(([name, what]) => `  ${name.padEnd(8)}${what}`)
  .join('\n')}

Run "iscm <command> --help" for the options of a command; "iscm --version" for the version.

Exit codes (every command):
  0  success
  1  the data or the query has errors (diagnostics on stderr, or in the --json output)
  2  usage: the command line cannot be run as written
  3  internal error: a bug or a missing part; please report it
`;

interface CommandModule {
  help: string;
  run(argv: string[]): Promise<number>;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(HELP);
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  if (name === 'help') return main([rest[0], '--help']);
  if (!Object.hasOwn(COMMANDS, name)) {
    process.stderr.write(`iscm: unknown command "${name}"; the commands are ${Object.keys(COMMANDS).join(', ')}\nRun "iscm --help" for usage.\n`);
    return EXIT.usage;
  }

  const command = await commandModule(name);
  if (!command) return EXIT.internal;
  const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (options.includes('--help') || options.includes('-h')) {
    process.stdout.write(command.help);
    return EXIT.ok;
  }
  try {
    return await command.run(rest);
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

async function commandModule(name: string): Promise<CommandModule | undefined> {
  const url = new URL(`./${name}.ts`, import.meta.url);
  if (!existsSync(fileURLToPath(url))) {
    process.stderr.write(`iscm: the command "${name}" is not part of this checkout yet (pipeline/cli/${name}.ts is missing)\n`);
    return undefined;
  }
  const mod = (await import(url.href)) as Partial<CommandModule>;
  if (typeof mod.help !== 'string' || typeof mod.run !== 'function') {
    process.stderr.write(`iscm: pipeline/cli/${name}.ts does not export "help" and "run"\n`);
    return undefined;
  }
  return mod as CommandModule;
}

function version(): string {
  return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
}
