/**
 * Everything the CLI publishes in GitLab CI after a scan (the mirror of publish/github/index.ts): the verdict for
 * the template's gate job (`dotenv.ts`, artifacts:reports:dotenv), the sticky merge request note (`note.ts`), and
 * the baseline from the target branch's artifacts (`baseline.ts`). A failing publisher is a warning, never a crash.
 *
 * May import: util/, inputs/settings (types), findings/, report/, publish/sticky, src/outcome (types).
 */
import type { ScanOutcome } from '../../outcome';
import type { Settings } from '../../inputs/settings';
import { renderMarkdownSummary, reportView } from '../../report';
import { ClairScanError, errorMessage, errorLine } from '../../util/errors';
import { log } from '../../util/log';
import { composeStickyBody, GITLAB_NOTE_MAX_CHARS, stickyKey, stickyMarker } from '../sticky';
import { GitLabApiError, gitlabTarget, upsertStickyNote, type NoteOutcome } from './note';

export { writeDotenv } from './dotenv';
export { fetchGitLabBaseline } from './baseline';

type Env = Record<string, string | undefined>;

/**
 * Keep the sticky MR note for this scan. Never throws: publishing must not hide the verdict.
 * Skipped (with a notice) outside merge request pipelines, when `comment` is off, or without a token.
 */
export async function publishGitLab(
  outcome: ScanOutcome,
  settings: Settings,
  env: Env = process.env,
): Promise<NoteOutcome> {
  if (!settings.publish.comment) return { status: 'skipped', reason: 'comment disabled' };
  const target = gitlabTarget(env, settings.publish.gitlabToken);
  if (typeof target === 'string') {
    if (target === 'no token') {
      log.info(
        'no gitlab-token (CLAIR_SCAN_GITLAB_TOKEN): the merge request note is skipped. Set a masked CI/CD variable with a token of `api` scope to get it.',
      );
    } else {
      log.debug(`${target}: no merge request note`);
    }
    return { status: 'skipped', reason: target };
  }
  log.mask(target.token);
  const marker = stickyMarker(stickyKey(settings.images, env.CI_JOB_NAME ?? ''));
  try {
    // The marker line is added once, by composeStickyBody; passing it to the renderer too would put a second,
    // mangled copy of it (`<!-- __-_clair-scan:…_-_ -->`) under the first.
    const markdown = renderMarkdownSummary(reportView(outcome.result, settings.reports), {
      maxChars: GITLAB_NOTE_MAX_CHARS - marker.length - 200,
    });
    const body = composeStickyBody(marker, markdown, GITLAB_NOTE_MAX_CHARS, 'the full report is in the job artifacts.');
    const r = await upsertStickyNote(target, marker, body);
    log.info(`merge request !${target.mergeRequestIid}: summary note ${r.action}`);
    return { status: r.action, id: r.id };
  } catch (err) {
    const status = err instanceof GitLabApiError ? err.status : undefined;
    const hint =
      status === 401 || status === 403
        ? ' The token lacks `api` scope or access to this project.'
        : err instanceof ClairScanError
          ? ` ${err.hint}`
          : '';
    log.warn(
      `could not write the merge request note (${errorLine(err)}).${hint} The reports are in the job artifacts.`,
    );
    return { status: 'failed', reason: errorMessage(err) };
  }
}
