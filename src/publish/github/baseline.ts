/**
 * The baseline on GitHub: the `clair-scan-reports` artifact (input `artifact-name`) of the latest successful run of
 * this workflow on the pull request's base branch, or of the run given as `baseline: <run id>`, through the REST API
 * with the job's token (`actions: read`); the zip and its result are read with size caps (artifact-download.ts).
 * Provenance: only `push` runs of this repository whose commit is on the base branch count — `branch=` also matches a
 * tag or a fork's branch of that name, so each candidate's commit is checked against the branch's history by sha.
 * Every problem is a notice (then every finding counts as new: findings/delta.ts).
 * The API calls and why: docs/decisions/github-baseline.md.
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBaselineFile, type BaselineLoad } from '../../findings/delta';
import { errorLine } from '../../util/errors';
import { log } from '../../util/log';
import { downloadArtifactFile } from './artifact-download';
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
    const p = JSON.parse(await fs.readFile(env.GITHUB_EVENT_PATH, 'utf8')) as {
      pull_request?: { base?: { ref?: string } };
    };
    return p.pull_request?.base?.ref;
  } catch {
    return undefined;
  }
}

type Octokit = ReturnType<Awaited<ReturnType<typeof loadGitHub>>['getOctokit']>;

/** The branch's head commit, by `heads/` so that a tag of the same name cannot answer; undefined when there is none. */
async function branchHead(octokit: Octokit, owner: string, repo: string, branch: string): Promise<string | undefined> {
  try {
    const ref = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
    return ref.data.object.type === 'commit' ? ref.data.object.sha : undefined;
  } catch (err) {
    if ((err as { status?: number }).status === 404) return undefined;
    throw err;
  }
}

/** Whether `sha` is in the history of the branch head `head` (compare by sha: `ahead` or `identical`). */
async function onBranch(octokit: Octokit, owner: string, repo: string, sha: string, head: string): Promise<boolean> {
  if (!/^[0-9a-f]{40}$/.test(sha)) return false;
  if (sha === head) return true;
  try {
    const c = await octokit.rest.repos.compareCommitsWithBasehead({
      owner,
      repo,
      basehead: `${sha}...${head}`,
      per_page: 1,
    });
    return c.data.status === 'ahead' || c.data.status === 'identical';
  } catch (err) {
    // 404: the commit is unknown (e.g. a tag's commit that was deleted, or no common history): not on the branch.
    if ((err as { status?: number }).status === 404) return false;
    throw err;
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
export async function fetchGitHubBaseline(
  spec: string,
  opts: GitHubBaselineOptions,
): Promise<BaselineLoad | undefined> {
  const env = opts.env ?? process.env;
  const repoFull = env.GITHUB_REPOSITORY ?? '';
  if (!/^[^/]+\/[^/]+$/.test(repoFull))
    return spec
      ? { notice: 'GITHUB_REPOSITORY is not set: the baseline run cannot be looked up; no comparison is made.' }
      : undefined;
  const [owner, repo] = repoFull.split('/');
  if (!spec && !PULL_REQUEST_EVENTS.includes(env.GITHUB_EVENT_NAME ?? '')) {
    log.debug('not a pull request run: no automatic baseline');
    return undefined;
  }
  if (!opts.token)
    return {
      notice: 'no github-token: the baseline cannot be fetched; no comparison is made, the report is complete.',
    };
  const octokit = (await loadGitHub()).getOctokit(opts.token, {
    baseUrl: env.GITHUB_API_URL || 'https://api.github.com',
  });

  let runs: { id: number; label: string }[];
  if (spec) {
    runs = [{ id: Number(spec), label: `GitHub run ${spec}` }];
  } else {
    const branch = baseBranch(env) ?? (await readEventBase(env));
    if (!branch)
      return {
        notice: 'the pull request names no base branch (GITHUB_BASE_REF): no baseline; the report is complete.',
      };
    if (!env.GITHUB_RUN_ID)
      return { notice: 'GITHUB_RUN_ID is not set: the workflow cannot be identified; no comparison is made.' };
    const current = await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: Number(env.GITHUB_RUN_ID) });
    const workflowId = current.data.workflow_id;
    runs = [];
    const rejected: string[] = [];
    let branchSha: string | undefined;
    let looked = 0;
    for await (const page of octokit.paginate.iterator(octokit.rest.actions.listWorkflowRuns, {
      owner,
      repo,
      workflow_id: workflowId,
      branch,
      event: 'push',
      status: 'success',
      per_page: 20,
    })) {
      for (const r of page.data) {
        // This repository's own push, not a pull request from a fork that has a branch of the same name.
        if (r.head_repository?.full_name !== repoFull || r.event !== 'push') continue;
        if (r.id === current.data.id) continue;
        if (++looked > MAX_RUNS) break;
        branchSha ??= await branchHead(octokit, owner, repo, branch);
        if (!branchSha)
          return {
            notice: `the base branch ${branch} was not found (GET git/ref/heads/${branch}): no baseline whose commit is on it; the report is complete.`,
          };
        if (!(await onBranch(octokit, owner, repo, r.head_sha, branchSha))) {
          rejected.push(`run ${r.id} (commit ${r.head_sha.slice(0, 12)})`);
          log.debug(
            `baseline: run ${r.id} ran on ${r.head_sha}, which is not on ${branch} (a tag named ${branch}?): not used`,
          );
          continue;
        }
        runs.push({ id: r.id, label: `GitHub run ${r.id} on ${branch}` });
      }
      if (looked > MAX_RUNS) break;
    }
    const why = rejected.length
      ? ` (not used: ${rejected.slice(0, 5).join(', ')}${rejected.length > 5 ? ` and ${rejected.length - 5} more` : ''}, whose commit is not on ${branch}, e.g. runs of a tag named ${branch})`
      : '';
    if (runs.length === 0)
      return {
        notice: `no successful push run of this workflow on a commit of ${branch} was found${why}: no baseline; the report is complete (the next push to ${branch} makes one).`,
      };
  }

  for (const run of runs) {
    const found: Artifact[] = [];
    for await (const page of octokit.paginate.iterator(octokit.rest.actions.listWorkflowRunArtifacts, {
      owner,
      repo,
      run_id: run.id,
      name: opts.artifactName,
      per_page: 100,
    })) {
      for (const a of page.data)
        if (a.name === opts.artifactName) found.push({ id: a.id, name: a.name, expired: a.expired });
    }
    const live = found.find((a) => !a.expired);
    if (!live) {
      if (found.length > 0)
        return {
          notice: `the ${opts.artifactName} artifact of ${run.label} has expired: no baseline; the report is complete.`,
        };
      if (spec)
        return { notice: `${run.label} has no ${opts.artifactName} artifact: no baseline; the report is complete.` };
      continue; // that run did not upload one (e.g. the step was skipped): try the one before
    }
    const dir = await fs.mkdtemp(join(env.RUNNER_TEMP || tmpdir(), 'clair-scan-baseline-'));
    try {
      const file = await downloadArtifactFile({
        apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
        owner,
        repo,
        artifactId: live.id,
        token: opts.token,
        entryName: RESULT_FILE,
        dir,
      });
      if (!file)
        return {
          notice: `the ${opts.artifactName} artifact of ${run.label} has no ${RESULT_FILE}: no comparison is made, the report is complete.`,
        };
      return await readBaselineFile(file, `${run.label}, artifact ${opts.artifactName}`);
    } catch (err) {
      return {
        notice: `the ${opts.artifactName} artifact of ${run.label} could not be downloaded (${errorLine(err)}); no comparison is made, the report is complete.`,
      };
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }
  return {
    notice: `none of the last ${runs.length} successful runs has a ${opts.artifactName} artifact: no baseline; the report is complete.`,
  };
}
