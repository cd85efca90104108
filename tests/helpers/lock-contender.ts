// A separate process that takes the publish lock of a folder, for tests/publish.test.ts:
//
//   lock-contender.ts hold <out>                   take the lock, print "held", keep it until
//                                                  stdin closes (or the process is killed)
//   lock-contender.ts contend <out> <log> <rounds> take it <rounds> times, retrying while another
//                                                  process holds it, and append "enter <pid>" and
//                                                  "exit <pid>" to <log> around each holding

import { appendFileSync } from 'node:fs';
import { BuildError } from '../../pipeline/diagnostics.ts';
import { acquireLock } from '../../pipeline/publish/index.ts';

const [mode, out, log, rounds] = process.argv.slice(2);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (mode === 'hold') {
  const release = acquireLock(out);
  process.stdout.write('held\n');
  process.stdin.resume();
  process.stdin.on('end', () => {
    release();
    process.exit(0);
  });
} else {
  for (let i = 0; i < Number(rounds); ) {
    let release: () => void;
    try {
      release = acquireLock(out);
    } catch (e) {
      if (!(e instanceof BuildError && e.diagnostics[0].code === 'locked')) throw e;
      await sleep(Math.random() * 5);
      continue;
    }
    appendFileSync(log, `enter ${process.pid}\n`);
    await sleep(10);
    appendFileSync(log, `exit ${process.pid}\n`);
    release();
    i++;
  }
}
