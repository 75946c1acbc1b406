/**
 * Everything the action publishes after a scan: outputs, job summary, report artifact, sticky PR comment.
 * Each publisher is independent; a failing one is a warning, never a crash, so it cannot hide the verdict.
 * publish/gitlab/index.ts is the same for GitLab CI; publish/sticky.ts is the sticky comment/note both use.
 *
 * batch.ts publishes a batch (images-file, registry listings) the same way, without the PR comment.
 *
 * May import: util/, inputs/settings (types), findings/, report/, image/reference (via sticky.ts), publish/sticky,
 * src/outcome, batch/ (types) and batch/outputs. Never scan.ts or environment/: a publisher gets the finished ScanOutcome or BatchOutcome.
 */
import { relative } from 'node:path';
import type { ScanOutcome } from '../../outcome';
import type { Settings } from '../../inputs/settings';
import { renderMarkdownSummary, reportView } from '../../report';
import { md } from '../../report/escape';
import { describeError, errorLine } from '../../util/errors';
import { log } from '../../util/log';
import { composeStickyBody, GITHUB_COMMENT_MAX_CHARS, stickyKey, stickyMarker } from '../sticky';
import { uploadReports } from './artifact';
import { publishPullRequestComment } from './comment';
import { errorOutputs, outcomeOutputs } from './outputs';
import { attempt, type Env, type GitHubPublishReport, JOB_SUMMARY_MAX_CHARS, setOutputs, writeSummary } from './common';

export type { GitHubPublishReport } from './common';

function githubMarker(settings: Settings, env: Env): string {
  return stickyMarker(stickyKey(settings.images, env.GITHUB_WORKFLOW ?? ''));
}

export async function publishGitHub(
  outcome: ScanOutcome,
  settings: Settings,
  env: Env = process.env,
): Promise<GitHubPublishReport> {
  setOutputs(outcomeOutputs(outcome, settings));
  const report: GitHubPublishReport = { summary: false };
  const p = settings.publish;

  if (p.jobSummary) {
    report.summary =
      (await attempt('writing the job summary', () =>
        writeSummary(
          renderMarkdownSummary(reportView(outcome.result, settings.reports), { maxChars: JOB_SUMMARY_MAX_CHARS }),
          env,
        ),
      )) ?? false;
  }

  if (p.uploadArtifact) {
    const files = Object.values(outcome.reports).filter((f): f is string => !!f);
    if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
      log.warn(
        'not running on a GitHub Actions runner with the artifact service (ACTIONS_RUNTIME_TOKEN/ACTIONS_RESULTS_URL unset): reports not uploaded.',
      );
    } else {
      const up = await attempt('uploading the report artifact', () =>
        uploadReports(p.artifactName, files, settings.reports.outputDir),
      );
      if (up) {
        log.info(
          `artifact "${p.artifactName}" uploaded (${up.files.map((f) => relative(settings.reports.outputDir, f)).join(', ')})`,
        );
        report.artifact = { id: up.id, files: up.files };
      }
    }
  }

  if (p.comment) {
    const marker = githubMarker(settings, env);
    const rest = 'the full report is in the job summary and the workflow artifact.';
    const markdown = renderMarkdownSummary(reportView(outcome.result, settings.reports), {
      maxChars: GITHUB_COMMENT_MAX_CHARS - marker.length - 200,
    });
    const body = composeStickyBody(marker, markdown, GITHUB_COMMENT_MAX_CHARS, rest);
    report.comment = await publishPullRequestComment({ token: p.githubToken, env, marker, body });
  }
  return report;
}

/** After an error (exit 2): outputs still say exit-code 2, and an existing or new PR comment says the scan did not complete. */
/**
 * `fallback.jobSummary`: whether to write the job summary when there are no settings (the inputs could not be
 * read); default yes.
 */
export async function publishGitHubError(
  err: unknown,
  settings: Settings | undefined,
  env: Env = process.env,
  fallback: { jobSummary?: boolean } = {},
): Promise<GitHubPublishReport> {
  setOutputs(errorOutputs(settings));
  const report: GitHubPublishReport = { summary: false };
  const text = errorMarkdown(err);
  if (settings ? settings.publish.jobSummary : fallback.jobSummary !== false)
    report.summary = (await attempt('writing the job summary', () => writeSummary(text, env))) ?? false;
  if (settings?.publish.comment) {
    const marker = githubMarker(settings, env);
    const body = composeStickyBody(marker, text, GITHUB_COMMENT_MAX_CHARS, 'see the job log.');
    report.comment = await publishPullRequestComment({ token: settings.publish.githubToken, env, marker, body });
  }
  return report;
}

/**
 * The summary / PR comment of a failed scan. The message and hint are untrusted (they can quote image names, archive
 * entries such as an OCI `ref.name` or `RepoTags`, registry answers): escaped like every other outside string.
 */
export function errorMarkdown(err: unknown): string {
  const lines = ['## Clair scan: error', ''];
  const d = describeError(err);
  if (!d.internal) {
    lines.push(`The scan did not complete: ${md(d.message, 2000)}`, '', `**What to do:** ${md(d.hint, 2000)}`);
  } else {
    lines.push(
      `The scan did not complete because of an internal error: ${md(errorLine(err), 2000)}`,
      '',
      'Please report this with the job log.',
    );
  }
  lines.push('', 'No verdict was reached (exit code 2).', '');
  return lines.join('\n');
}
