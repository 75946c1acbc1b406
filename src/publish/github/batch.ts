/**
 * What the action publishes after a batch (`images-file`, `registry:HOST/ORG/*`): the outputs (counts over every
 * image, the batch's own: `vulnerable-list`, `batch-summary`, images passed/failed/errored), a job summary with one
 * compact row per image (problems first, capped), and the batch's files — batch-summary.json, vulnerable.list,
 * batch-state.jsonl and each image's reports under images/ — as the report artifact.
 *
 * No sticky pull request comment: a fleet batch is a scheduled job, not a change under review, and a comment keyed
 * to hundreds of image names would be noise on whichever pull request happened to run it; the job summary has the
 * table. Each publisher is independent; a failing one is a warning, never a crash.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { batchHeadline, type BatchImageEntry, type BatchSummary } from '../../batch/outputs';
import type { BatchOutcome } from '../../batch/run';
import { md } from '../../report/escape';
import { log } from '../../util/log';
import { PULL_REQUEST_EVENTS } from './event';
import { attempt, setOutputs, writeSummary, type Env, type GitHubPublishReport } from './common';
import { uploadReports } from './artifact';
import { batchOutputs } from './outputs';

/** Rows of the job summary's table; the rest are counted in a note (all are in batch-summary.json). */
export const BATCH_SUMMARY_MAX_ROWS = 200;

const VERDICT_CELL: Record<BatchImageEntry['verdict'], string> = {
  error: '⚠️ error',
  fail: '❌ fail',
  pass: '✅ pass',
};
const ORDER: BatchImageEntry['verdict'][] = ['error', 'fail', 'pass'];

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The job summary of a batch: headline, the policy, one row per image — errors, then policy failures, then passes,
 * each in the order the images were listed — at most `maxRows`, then a note of how many more there are.
 * Image names, rules and error messages are untrusted text: escaped by md().
 */
export function renderBatchSummary(s: BatchSummary, opts: { maxRows?: number; artifactName?: string } = {}): string {
  const maxRows = opts.maxRows ?? BATCH_SUMMARY_MAX_ROWS;
  const t = s.totals;
  const icon = t.errored > 0 ? '⚠️' : t.failed > 0 ? '❌' : '✅';
  const state = t.errored > 0 ? 'not every image was scanned' : t.failed > 0 ? 'policy failed' : 'policy passed';
  const lines = [`## ${icon} clair-scan batch: ${state} — ${batchHeadline(s)}`, ''];
  lines.push(`Policy: ${s.rules.length ? s.rules.map((r) => md(r, 200)).join('; ') : 'no rule'}.`, '');
  const rows = ORDER.flatMap((v) => s.images.filter((e) => e.verdict === v));
  if (rows.length) {
    lines.push(
      '| Image | Verdict | Critical | High | Medium | Low | Other | Total | Failed rule or error |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    );
    for (const e of rows.slice(0, maxRows)) lines.push(batchRow(e));
    const rest = rows.slice(maxRows);
    if (rest.length) {
      const by = ORDER.map((v) => [v, rest.filter((e) => e.verdict === v).length] as const).filter(([, n]) => n > 0);
      lines.push(
        '',
        `_… and ${plural(rest.length, 'more image')} (${by.map(([v, n]) => `${n} ${v === 'fail' ? 'failed' : v === 'error' ? 'errored' : 'passed'}`).join(', ')}): every image is in \`batch-summary.json\`${opts.artifactName ? ` (artifact \`${md(opts.artifactName, 100)}\`)` : ''}._`,
      );
    }
  }
  lines.push('');
  if (t.failed > 0)
    lines.push(
      `\`vulnerable.list\` names the ${plural(t.failed, 'image')} that failed the policy, one per line with the failed rules.`,
      '',
    );
  if (t.errored > 0)
    lines.push(`No verdict for ${plural(t.errored, 'image')} (exit code 2): see each error above and the job log.`, '');
  return lines.join('\n');
}

function batchRow(e: BatchImageEntry): string {
  const c = e.counts;
  const n = (x: number | undefined): string => (c ? String(x ?? 0) : '');
  const other = c ? c.Negligible + c.Unknown : undefined;
  const why =
    e.verdict === 'error'
      ? md(e.error?.clair ? `${e.error.message} — Clair: ${e.error.clair}` : (e.error?.message ?? ''), 300)
      : e.verdict === 'fail'
        ? md((e.failedRules.length ? e.failedRules : e.reasons).join('; '), 300)
        : '';
  return `| ${md(e.image, 200)} | ${VERDICT_CELL[e.verdict]} | ${n(c?.Critical)} | ${n(c?.High)} | ${n(c?.Medium)} | ${n(c?.Low)} | ${n(other)} | ${n(c?.total)} | ${why} |`;
}

/** The step's result line(s): what setFailed (exit 1 or 2) or a warning (report-only) says. */
export function batchVerdictMessage(o: BatchOutcome): { fail?: string; warn?: string } {
  const s = o.summary;
  const list = (v: BatchImageEntry['verdict'], text: (e: BatchImageEntry) => string): string[] => {
    const es = s.images.filter((e) => e.verdict === v);
    return [
      ...es.slice(0, 20).map((e) => `- ${e.image}: ${text(e)}`),
      ...(es.length > 20 ? [`- … and ${es.length - 20} more (batch-summary.json)`] : []),
    ];
  };
  const failed = list('fail', (e) => (e.failedRules.length ? e.failedRules : e.reasons).join('; '));
  if (o.exitCode === 2) {
    return {
      fail: [
        `Batch: ${batchHeadline(s)}. Errored:`,
        ...list('error', (e) => e.error?.message ?? 'error'),
        ...(failed.length ? ['Policy failed:', ...failed] : []),
      ].join('\n'),
    };
  }
  if (o.exitCode === 1) return { fail: [`Batch: ${batchHeadline(s)}. Policy failed:`, ...failed].join('\n') };
  if (s.totals.failed > 0)
    return {
      warn: [`Batch: ${batchHeadline(s)}. Policy failed (report-only mode, the step succeeds):`, ...failed].join('\n'),
    };
  return {};
}

/** The files a batch leaves in output-dir that exist: summary, vulnerable.list, resume state, each image's reports. */
export function batchFiles(o: BatchOutcome): string[] {
  const outDir = path.dirname(o.files.summary);
  const files = [o.files.summary, o.files.vulnerableList, o.files.state];
  for (const e of o.summary.images) {
    if (!e.reportDir) continue;
    const dir = path.join(outDir, e.reportDir);
    let names: string[] = [];
    try {
      names = fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => d.name);
    } catch {
      continue; // a resumed image whose reports an earlier job kept
    }
    files.push(...names.sort().map((n) => path.join(dir, n)));
  }
  return files.filter((f) => fs.existsSync(f));
}

export async function publishGitHubBatch(o: BatchOutcome, env: Env = process.env): Promise<GitHubPublishReport> {
  const p = o.settings.publish;
  const outDir = path.dirname(o.files.summary);
  setOutputs(batchOutputs(o));
  const report: GitHubPublishReport = { summary: false };
  if (p.jobSummary) {
    // At most BATCH_SUMMARY_MAX_ROWS rows of cells cut to 200/300 characters: far below GitHub's 1 MiB summary limit.
    const text = renderBatchSummary(o.summary, { artifactName: p.uploadArtifact ? p.artifactName : undefined });
    report.summary = (await attempt('writing the job summary', () => writeSummary(text, env))) ?? false;
  }
  if (p.uploadArtifact) {
    if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
      log.warn(
        'not running on a GitHub Actions runner with the artifact service (ACTIONS_RUNTIME_TOKEN/ACTIONS_RESULTS_URL unset): the batch results were not uploaded.',
      );
    } else {
      const up = await attempt('uploading the batch artifact', () =>
        uploadReports(p.artifactName, batchFiles(o), outDir),
      );
      if (up) {
        log.info(
          `artifact "${p.artifactName}" uploaded (${up.files.length} files: batch-summary.json, vulnerable.list, batch-state.jsonl and the reports of each image under images/)`,
        );
        report.artifact = { id: up.id, files: up.files };
      }
    }
  }
  if (p.comment && PULL_REQUEST_EVENTS.includes(env.GITHUB_EVENT_NAME ?? '')) {
    log.info('batch mode keeps no pull request comment: the table of images is in the job summary.');
  }
  return report;
}
