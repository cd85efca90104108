// A one-line progress bar for long work: build stages, benchmarks, loading a store. It is drawn
// only where a person watches (terminal.ts); in CI and when piped it writes nothing at all.

import type { StageTimer } from '../build.ts';
import { wantsProgress, type Env, type Stream } from './terminal.ts';

export interface Progress {
  /** Starts step `label`; the steps started before it count as finished. */
  step(label: string): void;
  /** Clears the bar, so that what follows starts on a clean line. */
  done(): void;
}

const WIDTH = 24;
/** For callers that were asked to be quiet. */
export const noProgress: Progress = { step: () => {}, done: () => {} };

export function createProgress(title: string, total: number, stream: Stream = process.stderr, env: Env = process.env): Progress {
  if (!wantsProgress(stream, env)) return noProgress;
  let finished = -1;
  let drawn = false;
  return {
    step(label) {
      finished++;
      // A step nobody announced (a stage added to the build later) grows the bar rather than overflowing it.
      const of = Math.max(total, finished + 1);
      const full = Math.round((finished / of) * WIDTH);
      stream.write(`\r\x1b[2K${title} [${'█'.repeat(full)}${'░'.repeat(WIDTH - full)}] ${finished}/${of} ${label}`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}

/** A StageTimer for pipeline/build.ts that moves `progress` on at each stage. */
export function progressTimer(progress: Progress): StageTimer {
  return (stage, work) => {
    progress.step(stage);
    return work();
  };
}
