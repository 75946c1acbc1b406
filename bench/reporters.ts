/**
 * Reporter benchmark: renders every format for 10,000 synthetic findings (3 images) and prints per-reporter
 * wall time and the process's peak RSS; then, in a fresh process (so its peak RSS is that of the real path
 * alone), writes every report to disk with writeReports as a scan does (JSON, SARIF, GitLab and CycloneDX
 * streamed), per format, cold (as in a scan) and warm, with the cold pass's CPU time (steadier than wall time on a
 * shared machine) and that process's peak RSS; last, the floor: the same bytes from ready object trees (one
 * JSON.stringify, encode, write per report), i.e. what serializing alone costs; and, in RUNS more fresh processes,
 * one writeReports call with every format, cold: what a scan does (the formats share the findings' report order),
 * each followed by the floor of the reports it wrote, in that process: the medians and their ratio.
 *   npx tsx bench/reporters.ts [findings] [--write | --write-all | --by-format]   (a mode flag: only that child's part)
 * Last, printed detail only (not in the medians): one more such call, each format's part of it (wall, CPU, GC), and
 * the same call again in that process (warm), which shows the first call's share of compiling.
 * Goal (issue 21): all reports ≤ 1.3× the floor measured in the same run, peak RSS ≤ 250 MB.
 *   npx tsx bench/reporters.ts [findings]
 * The children start as a scan's reporting does (prepareChild): the lazily loaded report modules already loaded and
 * the model in the old generation, so neither tsx's module loading nor the young generation's copying of a model
 * made a moment ago is counted as writing.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { renderCycloneDx } from '../src/report/cyclonedx';
import { renderGitlab } from '../src/report/gitlab';
import { renderHtml } from '../src/report/html';
import { renderJson } from '../src/report/json';
import { renderMarkdownSummary } from '../src/report/markdown';
import { renderSarif } from '../src/report/sarif';
import { renderTable } from '../src/report/table';
import { REPORT_FILE_NAMES, REPORT_FORMAT_LIST, writeReports } from '../src/report';
import { REPORT_FORMATS } from '../src/inputs/settings';
import { syntheticResult } from '../__tests__/helpers/model';

/** The gate the JUnit report is written for (a scan passes the policy's; High is the default threshold). */
const GATE = { severityThreshold: 'High' as const, ignoreUnfixed: false };
/** Fresh processes for the one-call measurement (medians). */
const RUNS = 5;

/**
 * What a child does before it measures, so that it starts as a scan's reporting does:
 * - the lazily loaded report modules (cyclonedx-format.ts loads cyclonedx.ts and its library on use) are loaded
 *   first: under tsx each of their ~80 files is a round trip to its loader thread (70–300 ms measured, cold),
 *   whereas the bundle a scan runs loads that chunk in about 30 ms (measured on an esbuild bundle of the same
 *   code); that load is left out;
 * - the model is moved to the old generation (two full GCs, --expose-gc): a scan's model has lived through the
 *   scan's index, match and policy phases, which allocate far more than the young generation holds, whereas here it
 *   was made a moment ago, and the first format would pay for copying it out of the young generation (~40 ms). The
 *   floor, measured after the writers in the same process, found it there already.
 */
function prepareChild(): void {
  require('../src/report/cyclonedx');
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the bench child needs --expose-gc');
  gc();
  gc();
}

/** The child: writeReports one format after another, cold (as in a scan) and again warm, then the process's peak RSS. */
async function writeMode(n: number): Promise<void> {
  const result = syntheticResult(n, 3);
  const base = process.resourceUsage().maxRSS / 1024;
  prepareChild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clair-scan-bench-'));
  try {
    const times: number[][] = REPORT_FORMATS.map(() => []);
    // CPU time of the process (all threads: the thread pool's writes and the SARIF gzip count too), cold pass:
    // steadier than wall time on a shared machine.
    const cpu: number[] = [];
    const sizes: number[] = [];
    for (let pass = 0; pass < 2; pass++) {
      for (const [i, format] of REPORT_FORMATS.entries()) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const out = await writeReports(result, {
          outputDir: dir,
          formats: [format],
          dockerfile: 'Dockerfile',
          gate: GATE,
        });
        times[i].push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        if (pass === 0) cpu[i] = (c.user + c.system) / 1000;
        sizes[i] = fs.statSync(out[format]!).size;
      }
    }
    const cell = (ms: number): string => ms.toFixed(0).padStart(6);
    console.log(`${''.padEnd(10)}   cold ms  warm ms  cold cpu ms`);
    for (const [i, format] of REPORT_FORMATS.entries()) {
      console.log(
        `${format.padEnd(10)} ${cell(times[i][0])}   ${cell(times[i][1])}   ${cell(cpu[i])}      ${(sizes[i] / 1024 / 1024).toFixed(2).padStart(7)} MB`,
      );
    }
    const sum = (k: number): number => times.reduce((a, t) => a + t[k], 0);
    console.log(`${'total'.padEnd(10)} ${cell(sum(0))}   ${cell(sum(1))}   ${cell(cpu.reduce((a, c) => a + c, 0))}`);
    console.log(
      `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (the input model alone: ${base.toFixed(0)} MB)`,
    );
    floor(dir); // after the peak RSS: it holds every report as a tree
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The floor of any reporter that serializes objects: the written JSON reports parsed back into trees, then one
 * JSON.stringify each (with the report's spacing), UTF-8 encoding and one write — no model reading, no content
 * building, no streaming. (The HTML and Markdown text only encoded and written.) Measured after the passes above.
 */
function floor(dir: string, quiet = false): { ms: number; cpu: number } {
  let total = 0;
  let cpu = 0;
  const parts: string[] = [];
  for (const format of REPORT_FORMATS) {
    const text = fs.readFileSync(path.join(dir, REPORT_FILE_NAMES[format]), 'utf8');
    // JSON documents are re-serialized from their tree; the text formats (HTML, Markdown, XML) only encoded and written.
    const tree = /^[{[]/.test(text) ? JSON.parse(text) : undefined;
    // Wall and CPU time around the same work: reading and parsing back are not the floor (the CPU time counted
    // them until issue 21's second pass, which made the floor look ~2x what it is and the ratio ~2x too good).
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const out = tree === undefined ? text : `${JSON.stringify(tree, null, text.startsWith('{\n') ? 2 : 0)}\n`;
    fs.writeFileSync(path.join(dir, `floor-${format}`), Buffer.from(out));
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    cpu += (c.user + c.system) / 1000;
    total += ms;
    parts.push(`${format} ${ms.toFixed(0)}/${((c.user + c.system) / 1000).toFixed(0)}`);
  }
  if (!quiet)
    console.log(
      `floor (stringify ready trees + encode + write, wall/cpu ms): ${parts.join(', ')}; total ${total.toFixed(0)}/${cpu.toFixed(0)}`,
    );
  return { ms: total, cpu };
}

/** The other child: one writeReports call with every format, cold, as a scan makes it; its CPU time and peak RSS. */
async function writeAllMode(n: number): Promise<void> {
  const result = syntheticResult(n, 3);
  prepareChild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clair-scan-bench-'));
  try {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await writeReports(result, { outputDir: dir, formats: REPORT_FORMATS, dockerfile: 'Dockerfile', gate: GATE });
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    const rss = process.resourceUsage().maxRSS / 1024;
    // The floor of these very reports, in this process, after the peak RSS was read (it holds the trees).
    const f = floor(dir, true);
    console.log(JSON.stringify({ ms, cpu: (c.user + c.system) / 1000, rss, floor: f.ms, floorCpu: f.cpu }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Printed detail, not a measurement of the goal: one writeReports call with every format as in --write-all, each
 * format's write wrapped to take its wall and CPU time and the GC pauses (perf_hooks 'gc' entries) that began
 * while it ran, then each format's floor (where the time over the floor goes, by format).
 */
async function byFormatMode(n: number): Promise<void> {
  const result = syntheticResult(n, 3);
  prepareChild();
  const gcs: { start: number; ms: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push({ start: e.startTime, ms: e.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  const parts: { format: string; t0: number; t1: number; cpu: number }[] = [];
  for (const d of REPORT_FORMAT_LIST) {
    const write = d.write.bind(d);
    // A child process of its own: the descriptors are wrapped here only.
    (d as { write: typeof write }).write = async (...args) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      try {
        return await write(...args);
      } finally {
        const c = process.cpuUsage(c0);
        parts.push({ format: d.name, t0, t1: performance.now(), cpu: (c.user + c.system) / 1000 });
      }
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clair-scan-bench-'));
  try {
    // The call as a scan makes it (cold), then the same call again in this process (warm: compiled and tiered up),
    // so that the first call's share of compiling is seen.
    const calls: { ms: number; idle: number; parts: typeof parts }[] = [];
    for (const sub of ['cold', 'warm']) {
      parts.length = 0;
      const e0 = performance.eventLoopUtilization();
      const t0 = performance.now();
      const outputDir = path.join(dir, sub);
      await writeReports(result, { outputDir, formats: REPORT_FORMATS, dockerfile: 'Dockerfile', gate: GATE });
      calls.push({ ms: performance.now() - t0, idle: performance.eventLoopUtilization(e0).idle, parts: [...parts] });
    }
    await new Promise((resolve) => setTimeout(resolve, 50)); // the last GC entries are delivered
    observer.disconnect();
    const cell = (ms: number, w = 6): string => ms.toFixed(0).padStart(w);
    console.log(
      `\none call, by format (one more fresh process; wall / cpu ms, the GC pauses that began in it; then the same call again, warm):`,
    );
    const [cold, warm] = calls;
    cold.parts.forEach((p, i) => {
      const g = gcs.filter((x) => x.start >= p.t0 && x.start < p.t1);
      const w = warm.parts[i];
      console.log(
        `${p.format.padEnd(10)} ${cell(p.t1 - p.t0)} / ${cell(p.cpu, 5)}   GC ${String(g.length).padStart(2)} x ${cell(
          g.reduce((a, x) => a + x.ms, 0),
          3,
        )} ms` + `   warm ${cell(w.t1 - w.t0)} / ${cell(w.cpu, 5)}`,
      );
    });
    console.log(
      `${'total'.padEnd(10)} ${cell(cold.ms)} ms (event loop idle ${cold.idle.toFixed(0)} ms); warm ${cell(warm.ms)} ms`,
    );
    floor(path.join(dir, 'cold'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 10_000);
  if (process.argv[3] === '--write') return writeMode(n);
  if (process.argv[3] === '--write-all') return writeAllMode(n);
  if (process.argv[3] === '--by-format') return byFormatMode(n);
  const result = syntheticResult(n, 3);
  const reporters: [string, () => string][] = [
    ['table', () => renderTable(result)],
    ['json', () => renderJson(result)],
    ['sarif', () => renderSarif(result, { dockerfile: 'Dockerfile' })],
    ['gitlab', () => renderGitlab(result)],
    ['markdown', () => renderMarkdownSummary(result)],
    ['html', () => renderHtml(result)],
    ['cyclonedx', () => renderCycloneDx(result)],
  ];
  // One warm-up pass (JIT), then the measured pass.
  for (const [, fn] of reporters) fn();
  let total = 0;
  console.log(
    `reporters, ${n} findings in ${result.images.length} images (${result.images.reduce((a, i) => a + i.packages.length, 0)} packages)`,
  );
  for (const [name, fn] of reporters) {
    const t0 = performance.now();
    const out = fn();
    const ms = performance.now() - t0;
    total += ms;
    console.log(
      `${name.padEnd(10)} ${ms.toFixed(0).padStart(6)} ms  ${(Buffer.byteLength(out) / 1024 / 1024).toFixed(2).padStart(7)} MB`,
    );
  }
  console.log(`${'total'.padEnd(10)} ${total.toFixed(0).padStart(6)} ms`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clair-scan-bench-'));
  try {
    const t0 = performance.now();
    await writeReports(result, { outputDir: dir, formats: REPORT_FORMATS, dockerfile: 'Dockerfile', gate: GATE });
    console.log(`writeReports (all formats, to disk) ${(performance.now() - t0).toFixed(0)} ms`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // Not the goal's peak RSS: this process holds every format rendered in memory as one string, twice (warm-up).
  console.log(
    `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (in-memory renders above; a scan's path is measured below)`,
  );
  console.log(`\nwriteReports, one format at a time, in a fresh process (cold: what a scan does):`);
  process.stdout.write(
    execFileSync(process.execPath, [...process.execArgv, '--expose-gc', __filename, String(n), '--write'], {
      encoding: 'utf8',
    }),
  );
  const runs: { ms: number; cpu: number; rss: number; floor: number; floorCpu: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(
      process.execPath,
      [...process.execArgv, '--expose-gc', __filename, String(n), '--write-all'],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    runs.push(JSON.parse(out.trim().split('\n').pop() as string));
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ms = median(runs.map((r) => r.ms));
  const fl = median(runs.map((r) => r.floor));
  console.log(
    `\nall formats, one writeReports call, cold, median of ${RUNS} fresh processes: ${ms.toFixed(0)} ms (cpu ${median(runs.map((r) => r.cpu)).toFixed(0)} ms); ` +
      `floor ${fl.toFixed(0)} ms (cpu ${median(runs.map((r) => r.floorCpu)).toFixed(0)} ms); ratio ${(ms / fl).toFixed(2)}x, by CPU time ` +
      `${(median(runs.map((r) => r.cpu)) / median(runs.map((r) => r.floorCpu))).toFixed(2)}x (per run: ${runs.map((r) => (r.ms / r.floor).toFixed(2)).join(', ')}); peak RSS ${median(runs.map((r) => r.rss)).toFixed(0)} MB (max ${Math.max(...runs.map((r) => r.rss)).toFixed(0)})`,
  );
  process.stdout.write(
    execFileSync(process.execPath, [...process.execArgv, '--expose-gc', __filename, String(n), '--by-format'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  );
}

void main();
