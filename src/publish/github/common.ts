/** What every GitHub publisher (publish/github/index.ts for a scan, batch.ts for a batch) writes with: outputs, job summary, never-throwing attempts. */
import * as core from '@actions/core';
import { errorLine } from '../../util/errors';
import { log } from '../../util/log';
import type { CommentOutcome } from './comment';

export type Env = Record<string, string | undefined>;

/** GitHub refuses a step summary above 1 MiB; stay well under it (characters may be several bytes). */
export const JOB_SUMMARY_MAX_CHARS = 800_000;

export interface GitHubPublishReport {
  summary: boolean;
  artifact?: { id?: number; files: string[] };
  comment?: CommentOutcome;
}

export function setOutputs(values: Record<string, string>): void {
  for (const [k, v] of Object.entries(values)) core.setOutput(k, v);
}

export async function writeSummary(markdown: string, env: Env): Promise<boolean> {
  if (!env.GITHUB_STEP_SUMMARY) {
    log.debug('GITHUB_STEP_SUMMARY is not set: no job summary');
    return false;
  }
  await core.summary.addRaw(markdown, true).write({ overwrite: false });
  core.summary.emptyBuffer();
  return true;
}

/** Runs one publisher: a failure is a warning, never a crash (publishing must not hide the verdict). */
export async function attempt<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (err) {
    // errorLine: never empty (an SDK error without a message still names its name, code and HTTP status).
    log.warn(`${what} failed: ${errorLine(err)}`);
    return undefined;
  }
}
