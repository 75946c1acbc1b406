/**
 * Reporter benchmark: renders every format for 10,000 synthetic findings (3 images) and prints per-reporter
 * wall time and the process's peak RSS; then, in a fresh process (so its peak RSS is that of the real path
 * alone), writes every report to disk with writeReports as a scan does (JSON, SARIF, GitLab and CycloneDX
 * streamed), per format, cold (as in a scan) and warm, with that process's peak RSS.
 * Goal (issue 13): all reports written in ≤ 0.5 s with peak RSS ≤ 250 MB.
 *   npx tsx bench/reporters.ts [findings]
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { renderCycloneDx } from '../src/report/cyclonedx';
import { renderGitlab } from '../src/report/gitlab';
import { renderHtml } from '../src/report/html';
import { renderJson } from '../src/report/json';
import { renderMarkdownSummary } from '../src/report/markdown';
import { renderSarif } from '../src/report/sarif';
import { renderTable } from '../src/report/table';
import { writeReports } from '../src/report';
import { REPORT_FORMATS } from '../src/inputs/settings';
import { syntheticResult } from '../__tests__/helpers/model';

/** The child: writeReports one format after another, cold (as in a scan) and again warm, then the process's peak RSS. */
async function writeMode(n: number): Promise<void> {
  const result = syntheticResult(n, 3);
  const base = process.resourceUsage().maxRSS / 1024;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clair-scan-bench-'));
  try {
    const times: number[][] = REPORT_FORMATS.map(() => []);
    const sizes: number[] = [];
    for (let pass = 0; pass < 2; pass++) {
      for (const [i, format] of REPORT_FORMATS.entries()) {
        const t0 = performance.now();
        const out = await writeReports(result, { outputDir: dir, formats: [format], dockerfile: 'Dockerfile' });
        times[i].push(performance.now() - t0);
        sizes[i] = fs.statSync(out[format]!).size;
      }
    }
    const cell = (ms: number): string => ms.toFixed(0).padStart(6);
    console.log(`${''.padEnd(10)}   cold ms  warm ms`);
    for (const [i, format] of REPORT_FORMATS.entries()) {
      console.log(`${format.padEnd(10)} ${cell(times[i][0])}   ${cell(times[i][1])}   ${(sizes[i] / 1024 / 1024).toFixed(2).padStart(7)} MB`);
    }
    const sum = (k: number): number => times.reduce((a, t) => a + t[k], 0);
    console.log(`${'total'.padEnd(10)} ${cell(sum(0))}   ${cell(sum(1))}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (the input model alone: ${base.toFixed(0)} MB)`);
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 10_000);
  if (process.argv[3] === '--write') return writeMode(n);
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
  console.log(`reporters, ${n} findings in ${result.images.length} images (${result.images.reduce((a, i) => a + i.packages.length, 0)} packages)`);
  for (const [name, fn] of reporters) {
    const t0 = performance.now();
    const out = fn();
    const ms = performance.now() - t0;
    total += ms;
    console.log(`${name.padEnd(10)} ${ms.toFixed(0).padStart(6)} ms  ${(Buffer.byteLength(out) / 1024 / 1024).toFixed(2).padStart(7)} MB`);
  }
  console.log(`${'total'.padEnd(10)} ${total.toFixed(0).padStart(6)} ms`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clair-scan-bench-'));
  try {
    const t0 = performance.now();
    await writeReports(result, { outputDir: dir, formats: REPORT_FORMATS, dockerfile: 'Dockerfile' });
    console.log(`writeReports (all formats, to disk) ${(performance.now() - t0).toFixed(0)} ms`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  console.log(`\nwriteReports, one format at a time, in a fresh process (cold: what a scan does):`);
  process.stdout.write(execFileSync(process.execPath, [...process.execArgv, __filename, String(n), '--write'], { encoding: 'utf8' }));
}

void main();
