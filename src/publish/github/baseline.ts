/**
 * The baseline on GitHub: the `clair-scan-reports` artifact (input `artifact-name`) of the latest successful run of
 * this workflow on the pull request's base branch, or of the run given as `baseline: <run id>`, through the REST API
 * with the job's token (`actions: read`):
 *   GET /repos/{o}/{r}/actions/runs/{GITHUB_RUN_ID}                          → workflow_id
 *   GET /repos/{o}/{r}/actions/workflows/{id}/runs?branch=&status=success    newest first, paged
 *   GET /repos/{o}/{r}/actions/runs/{run}/artifacts?name=                    paged; `expired` says it is gone
 *   then @actions/artifact downloads it (GET …/actions/artifacts/{id}/zip → 302 to the blob) into a temp dir.
 * Only runs of this repository's own branch count (`head_repository` = this repository, not a pull request event):
 * a fork's branch of the same name must not be able to supply the baseline. Every problem is a notice.
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBaselineFile, type BaselineLoad } from '../../findings/delta';
import { errorMessage } from '../../util/errors';
import { log } from '../../util/log';
import { loadArtifact } from './artifact';
import { loadGitHub } from './comment';
import { PULL_REQUEST_EVENTS } from './event';

type Env = Record<string, string | undefined>;

/** How many successful runs of the base branch are looked at (newest first) for one that kept the artifact. */
const MAX_RUNS = 20;
const RESULT_FILE = 'clair-scan-result.json';

function baseBranch(env: Env): string | undefined {
  if (env.GITHUB_BASE_REF) return env.GITHUB_BASE_REF;
  return undefined;
}

async function readEventBase(env: Env): Promise<string | undefined> {
  if (!env.GITHUB_EVENT_PATH) return undefined;
  try {
    const p = JSON.parse(await fs.readFile(env.GITHUB_EVENT_PATH, 'utf8')) as { pull_request?: { base?: { ref?: string } } };
    return p.pull_request?.base?.ref;
  } catch {
    return undefined;
  }
}

interface Artifact {
  id: number;
  name: string;
  expired: boolean;
}

export interface GitHubBaselineOptions {
  token?: string;
  artifactName: string;
  env?: Env;
}

/**
 * Fetches the baseline: `spec` '' = automatic (pull request runs only), or a run id. Never throws for a missing or
 * expired artifact (a notice); network errors are caught by the caller (loadBaseline) and become a notice too.
 */
export async function fetchGitHubBaseline(spec: string, opts: GitHubBaselineOptions): Promise<BaselineLoad | undefined> {
  const env = opts.env ?? process.env;
  const repoFull = env.GITHUB_REPOSITORY ?? '';
  if (!/^[^/]+\/[^/]+$/.test(repoFull)) return spec ? { notice: 'GITHUB_REPOSITORY is not set: the baseline run cannot be looked up; no comparison is made.' } : undefined;
  const [owner, repo] = repoFull.split('/');
  if (!spec && !PULL_REQUEST_EVENTS.includes(env.GITHUB_EVENT_NAME ?? '')) {
    log.debug('not a pull request run: no automatic baseline');
    return undefined;
  }
  if (!opts.token) return { notice: 'no github-token: the baseline cannot be fetched; no comparison is made, the report is complete.' };
  const octokit = (await loadGitHub()).getOctokit(opts.token, { baseUrl: env.GITHUB_API_URL || 'https://api.github.com' });

  let runs: { id: number; label: string }[];
  if (spec) {
    runs = [{ id: Number(spec), label: `GitHub run ${spec}` }];
  } else {
    const branch = baseBranch(env) ?? (await readEventBase(env));
    if (!branch) return { notice: 'the pull request names no base branch (GITHUB_BASE_REF): no baseline; the report is complete.' };
    if (!env.GITHUB_RUN_ID) return { notice: 'GITHUB_RUN_ID is not set: the workflow cannot be identified; no comparison is made.' };
    const current = await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: Number(env.GITHUB_RUN_ID) });
    const workflowId = current.data.workflow_id;
    runs = [];
    for await (const page of octokit.paginate.iterator(octokit.rest.actions.listWorkflowRuns, { owner, repo, workflow_id: workflowId, branch, status: 'success', per_page: 20 })) {
      for (const r of page.data) {
        // This repository's own branch, not a pull request from a fork that has a branch of the same name.
        if (r.head_repository?.full_name !== repoFull || PULL_REQUEST_EVENTS.includes(r.event)) continue;
        if (r.id === current.data.id) continue;
        runs.push({ id: r.id, label: `GitHub run ${r.id} on ${branch}` });
        if (runs.length >= MAX_RUNS) break;
      }
      if (runs.length >= MAX_RUNS) break;
    }
    if (runs.length === 0) return { notice: `no successful run of this workflow on ${branch} was found: no baseline; the report is complete (the next run on ${branch} makes one).` };
  }

  for (const run of runs) {
    const found: Artifact[] = [];
    for await (const page of octokit.paginate.iterator(octokit.rest.actions.listWorkflowRunArtifacts, { owner, repo, run_id: run.id, name: opts.artifactName, per_page: 100 })) {
      for (const a of page.data) if (a.name === opts.artifactName) found.push({ id: a.id, name: a.name, expired: a.expired });
    }
    const live = found.find((a) => !a.expired);
    if (!live) {
      if (found.length > 0) return { notice: `the ${opts.artifactName} artifact of ${run.label} has expired: no baseline; the report is complete.` };
      if (spec) return { notice: `${run.label} has no ${opts.artifactName} artifact: no baseline; the report is complete.` };
      continue; // that run did not upload one (e.g. the step was skipped): try the one before
    }
    const dir = await fs.mkdtemp(join(env.RUNNER_TEMP || tmpdir(), 'clair-scan-baseline-'));
    try {
      const { DefaultArtifactClient } = await loadArtifact();
      await new DefaultArtifactClient().downloadArtifact(live.id, {
        path: dir,
        findBy: { token: opts.token, workflowRunId: run.id, repositoryOwner: owner, repositoryName: repo },
      });
      return await readBaselineFile(join(dir, RESULT_FILE), `${run.label}, artifact ${opts.artifactName}`);
    } catch (err) {
      return { notice: `the ${opts.artifactName} artifact of ${run.label} could not be downloaded (${errorMessage(err).split('\n')[0]}); no comparison is made, the report is complete.` };
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }
  return { notice: `none of the last ${runs.length} successful runs has a ${opts.artifactName} artifact: no baseline; the report is complete.` };
}
