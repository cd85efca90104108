// What bench/measure.ts measures for one corpus size, as bench/run.ts collects it and
// bench/report.ts renders it.

export interface Stage {
  name: string;
  ms: number;
  /** Peak resident memory of the process (all threads) during the stage, in bytes. */
  peakRss: number;
}

export interface SizeResult {
  mechanisms: number;
  triples: number;
  /** Worker threads the build used for the records, and the machine's cores. */
  workers: number;
  cores: number;
  /** From a cold cache: every record built. */
  full: {
    ms: number;
    peakRss: number;
    stages: Stage[];
    /** Per-record steps, summed over records and threads. */
    steps: Record<string, number>;
    /** Size of each output file. */
    bytes: Record<string, number>;
  };
  /** After one record changed, with the cache of the full build. */
  incremental: { ms: number; peakRss: number; built: number; stages: Stage[] };
  baselines: { yaml: { ms: number; peakRss: number }; n3: { ms: number; peakRss: number } };
}

export interface Machine {
  cpus: string;
  cores: number;
  memory: number;
  node: string;
  /** Load average when the run started, since other work on the machine skews every figure. */
  load: number[];
}

export interface BenchRun {
  machine: Machine;
  command: string;
  sizes: { label: string; result: SizeResult }[];
}
