// bench/report/bench.md and its chart, bench.svg, from the measurements of `make bench`. Pure:
// the same measurements give the same report. The chart is plain SVG written here, so that
// the report needs no plotting library.

import type { BenchRun, SizeResult } from './results.ts';

/** The issue's targets (docs/performance.md). */
export const TARGETS = { throughputAt1M: 100_000, peakRssAt10M: 2 * 1024 ** 3, incrementalShare: 0.1 };

export interface Rates {
  endToEnd: number;
  yaml: number;
  n3: number;
}

/** Triples per second end to end and for each baseline, on the same triples. */
export function rates(r: SizeResult): Rates {
  return { endToEnd: perSecond(r.triples, r.full.ms), yaml: perSecond(r.triples, r.baselines.yaml.ms), n3: perSecond(r.triples, r.baselines.n3.ms) };
}

const perSecond = (triples: number, ms: number) => (ms > 0 ? (triples * 1000) / ms : 0);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
const mb = (bytes: number) => int(bytes / 1024 ** 2);
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(a / b < 0.1 ? 3 : 2)}` : '—');
const percent = (a: number, b: number) => (b > 0 ? `${((100 * a) / b).toFixed(1)} %` : '—');

export function renderReport(run: BenchRun): string {
  const m = run.machine;
  const lines = [
    '# Benchmark: the pipeline at scale',
    '',
    `Made by \`${run.command}\` (bench/run.ts; docs/performance.md explains the method). Machine: ${m.cpus}, ${m.cores} cores, ${(m.memory / 1024 ** 3).toFixed(0)} GB, Node ${m.node}; load average ${m.load.map((l) => l.toFixed(1)).join(', ')} when the run started (other work on the machine slows every figure).`,
    '',
    'Each corpus is synthetic (bench/corpus.ts): mechanisms shaped like ours, each with about 100 memberships (real state names from',
    '`sources/reference/countries.csv`), 10 meetings and 10 documents, with the real reference data, vocabularies and ontology.',
    'Each size runs in a process of its own: a full build from a cold cache (YAML to every dump, SHACL included, published to disk',
    'with gzip copies and checksums), a rebuild after one record changed, then the two baselines on the same data.',
    '',
    '![Throughput per corpus size, end to end and for the two baselines](bench.svg)',
    '',
    '## Summary',
    '',
    '| size | mechanisms | triples | full build (s) | end to end (triples/s) | peak RSS (MB) | rebuild after one change (s) | rebuild / full | bare YAML parse (triples/s) | n3 N-Triples writer (triples/s) | end to end / YAML | end to end / n3 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...run.sizes.map(({ label, result: r }) => {
      const x = rates(r);
      return `| ${label} | ${int(r.mechanisms)} | ${int(r.triples)} | ${seconds(r.full.ms)} | ${int(x.endToEnd)} | ${mb(r.full.peakRss)} | ${seconds(r.incremental.ms)} | ${percent(r.incremental.ms, r.full.ms)} | ${int(x.yaml)} | ${int(x.n3)} | ${ratio(x.endToEnd, x.yaml)} | ${ratio(x.endToEnd, x.n3)} |`;
    }),
    '',
    '## Targets',
    '',
    ...targetLines(run),
    '',
  ];
  for (const { label, result: r } of run.sizes) lines.push(...sizeSection(label, r));
  return `${lines.join('\n')}\n`;
}

function targetLines(run: BenchRun): string[] {
  const at = (label: string) => run.sizes.find((s) => s.label === label)?.result;
  const out: string[] = [];
  const m1 = at('1M');
  if (m1) {
    const t = rates(m1).endToEnd;
    out.push(
      `- **1M triples, at least ${int(TARGETS.throughputAt1M)} triples/s end to end**: ${int(t)} triples/s, ${t >= TARGETS.throughputAt1M ? 'met' : `missed (${ratio(t, TARGETS.throughputAt1M)} of the target)`}.`,
    );
  } else out.push('- 1M triples, throughput: not measured in this run.');
  const m10 = at('10M');
  if (m10)
    out.push(
      `- **10M triples, under ${mb(TARGETS.peakRssAt10M)} MB of peak memory**: ${mb(m10.full.peakRss)} MB, ${m10.full.peakRss < TARGETS.peakRssAt10M ? 'met' : 'missed'}.`,
    );
  else out.push('- 10M triples, peak memory: not measured in this run (BENCH_SIZES left it out).');
  const big = [...run.sizes].reverse().find((s) => s.result.mechanisms >= 1000) ?? run.sizes[run.sizes.length - 1];
  if (big) {
    const share = big.result.incremental.ms / big.result.full.ms;
    out.push(
      `- **Rebuild after one changed record, under ${percent(TARGETS.incrementalShare, 1)} of a full build** (${big.label}, ${int(big.result.mechanisms)} records): ${percent(big.result.incremental.ms, big.result.full.ms)}, ${share < TARGETS.incrementalShare ? 'met' : 'missed'}.`,
    );
  }
  return out;
}

function sizeSection(label: string, r: SizeResult): string[] {
  const stepTotal = Object.values(r.full.steps).reduce((a, b) => a + b, 0);
  const row = (s: { name: string; ms: number; peakRss: number }) => `| ${s.name} | ${seconds(s.ms)} | ${int(perSecond(r.triples, s.ms))} | ${mb(s.peakRss)} |`;
  return [
    `## ${label}: ${int(r.triples)} triples, ${int(r.mechanisms)} mechanisms`,
    '',
    `Full build, stage by stage (records on ${r.workers} worker thread${r.workers === 1 ? '' : 's'}, ${r.cores} cores; “publish” assembles, compresses, hashes and writes every file):`,
    '',
    '| stage | time (s) | triples/s | peak RSS (MB) |',
    '|---|---:|---:|---:|',
    ...r.full.stages.map(row),
    `| **whole build** | **${seconds(r.full.ms)}** | **${int(perSecond(r.triples, r.full.ms))}** | **${mb(r.full.peakRss)}** |`,
    '',
    'The records stage, step by step (time summed over the threads that ran it):',
    '',
    '| step | time (s) | share | triples/s of one thread |',
    '|---|---:|---:|---:|',
    ...Object.entries(r.full.steps).map(([step, ms]) => `| ${step} | ${seconds(ms)} | ${percent(ms, stepTotal)} | ${int(perSecond(r.triples, ms))} |`),
    '',
    `Rebuild after one record changed: ${seconds(r.incremental.ms)} s (${r.incremental.built} record rebuilt), peak RSS ${mb(r.incremental.peakRss)} MB:`,
    '',
    '| stage | time (s) | triples/s | peak RSS (MB) |',
    '|---|---:|---:|---:|',
    ...r.incremental.stages.map(row),
    '',
    `Baselines on the same data: bare \`yaml\` parse of the ${int(r.mechanisms)} files ${seconds(r.baselines.yaml.ms)} s; n3's N-Triples writer on the ${int(r.triples)} triples ${seconds(r.baselines.n3.ms)} s.`,
    '',
    'Output sizes (MB): ' +
      Object.entries(r.full.bytes)
        .filter(([path]) => /^iscm\./.test(path))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([path, bytes]) => `${path} ${(bytes / 1024 ** 2).toFixed(1)}`)
        .join(', ') +
      '.',
    '',
  ];
}

/** A horizontal bar chart of triples/s per size, on a logarithmic scale: end to end against the two baselines. */
export function renderChart(run: BenchRun): string {
  const series = [
    { name: 'end to end (YAML to every dump, SHACL, publish)', color: '#1f6fb4', value: (r: Rates) => r.endToEnd },
    { name: 'baseline: bare yaml parse', color: '#e08a1e', value: (r: Rates) => r.yaml },
    { name: "baseline: n3's N-Triples writer", color: '#3a9a4a', value: (r: Rates) => r.n3 },
  ];
  const all = run.sizes.flatMap((s) => series.map((x) => x.value(rates(s.result))));
  const min = Math.pow(10, Math.floor(Math.log10(Math.max(1, Math.min(...all.filter((v) => v > 0), 1e4)))));
  const max = Math.pow(10, Math.ceil(Math.log10(Math.max(...all, 10 * min))));
  const left = 70;
  const width = 560;
  const bar = 14;
  const groupHeight = series.length * (bar + 2) + 14;
  const top = 30;
  const height = top + run.sizes.length * groupHeight + 30 + series.length * 18;
  const x = (v: number) => left + (width * (Math.log10(Math.max(v, min)) - Math.log10(min))) / (Math.log10(max) - Math.log10(min));
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${left + width + 20}" height="${height}" font-family="sans-serif" font-size="11">`,
    `<text x="${left}" y="16" font-size="13">Triples per second (log scale), per corpus size</text>`,
  ];
  for (let p = Math.log10(min); p <= Math.log10(max); p++) {
    const gx = x(Math.pow(10, p));
    out.push(`<line x1="${gx.toFixed(1)}" y1="${top - 4}" x2="${gx.toFixed(1)}" y2="${top + run.sizes.length * groupHeight}" stroke="#ddd"/>`);
    out.push(`<text x="${gx.toFixed(1)}" y="${top + run.sizes.length * groupHeight + 12}" text-anchor="middle">${int(Math.pow(10, p))}</text>`);
  }
  run.sizes.forEach(({ label, result }, i) => {
    const y0 = top + i * groupHeight;
    out.push(`<text x="${left - 8}" y="${y0 + groupHeight / 2}" text-anchor="end">${escape(label)}</text>`);
    series.forEach((s, j) => {
      const v = s.value(rates(result));
      const y = y0 + j * (bar + 2);
      out.push(`<rect x="${left}" y="${y}" width="${(x(v) - left).toFixed(1)}" height="${bar}" fill="${s.color}"/>`);
      out.push(`<text x="${(x(v) + 4).toFixed(1)}" y="${y + bar - 3}">${int(v)}</text>`);
    });
  });
  series.forEach((s, j) => {
    const y = top + run.sizes.length * groupHeight + 26 + j * 18;
    out.push(`<rect x="${left}" y="${y - 10}" width="12" height="12" fill="${s.color}"/>`);
    out.push(`<text x="${left + 18}" y="${y}">${escape(s.name)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
