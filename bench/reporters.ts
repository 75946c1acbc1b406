/**
 * Reporter benchmark: renders every format for 10,000 synthetic findings (3 images) and prints per-reporter
 * wall time and the process's peak RSS. Goal: all reporters together under 1 s.
 *   npx tsx bench/reporters.ts [findings]
 */
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

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 10_000);
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
}

void main();
