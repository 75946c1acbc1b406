/** The pull request this workflow run belongs to, read from the runner's environment and event payload. */
import { readFileSync } from 'node:fs';

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
  /** True when the head repository differs from the base (a fork PR: the token is usually read-only). */
  fromFork: boolean;
}

export const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];

type Env = Record<string, string | undefined>;

interface PullRequestPayload {
  number?: number;
  pull_request?: {
    number?: number;
    head?: { repo?: { full_name?: string } | null };
    base?: { repo?: { full_name?: string } };
  };
  repository?: { name?: string; owner?: { login?: string } };
}

/** undefined when the run is not for a pull request (push, schedule, …) or the payload says no number. */
export function pullRequestFromEnv(env: Env): PullRequestRef | undefined {
  if (!PULL_REQUEST_EVENTS.includes(env.GITHUB_EVENT_NAME ?? '')) return undefined;
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return undefined;
  let payload: PullRequestPayload;
  try {
    payload = JSON.parse(readFileSync(path, 'utf8')) as PullRequestPayload;
  } catch {
    return undefined;
  }
  const number = payload.pull_request?.number ?? payload.number;
  if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0) return undefined;
  let owner = payload.repository?.owner?.login;
  let repo = payload.repository?.name;
  const full = env.GITHUB_REPOSITORY;
  if (full && /^[^/]+\/[^/]+$/.test(full)) [owner, repo] = full.split('/');
  if (!owner || !repo) return undefined;
  const head = payload.pull_request?.head?.repo?.full_name;
  const base = payload.pull_request?.base?.repo?.full_name;
  return { owner, repo, number, fromFork: !!head && !!base && head !== base };
}
