#!/usr/bin/env node
// The `iscm` command (package.json "bin", so `npx iscm` works in a clone): it runs
// pipeline/cli/main.ts through tsx, since the project runs its TypeScript without a build step.

import { register } from 'tsx/esm/api';

register();
const { main } = await import('../pipeline/cli/main.ts');
// exitCode rather than exit(): a piped stdout is flushed before the process ends.
process.exitCode = await main(process.argv.slice(2));
