/**
 * The action's main step (bundled to dist/main/index.js): read inputs → scan → publish → exit code.
 * Thin wiring; the work is in scan.ts and src/publish/github/. An images-file or a registry listing is batch mode,
 * routed as the CLI routes it (batch/mode.ts isBatch) to main-batch.ts: batch/run.ts, then publish/github/batch.ts.
 */
import * as core from '@actions/core';
import { actionRawInputs } from './inputs/action-inputs';
import { parseBoolean, parseSettings, type Settings } from './inputs/settings';
import { scan } from './scan';
import { serializeRunState, type RunState } from './environment/run-state';
import { cleanupOnSignals } from './environment/signals';
import { publishGitHub, publishGitHubError } from './publish/github';
import { STATE_KEY, useActionsLogger } from './action/runtime';
import { fetchGitHubBaseline } from './publish/github/baseline';
import { githubBasePolicy } from './publish/github/base-files';
import { EXIT_ERROR, errorMessage, formatError } from './util/errors';
import { guardProcess, runPhase } from './util/phase';
import { installProxy } from './util/proxy';
import { cleanupActiveRuns } from './environment/cleanup';
import { useDataCache } from './data/cache';
import { githubCacheAvailable, githubDataCache } from './data/github-cache';
import { inputDefinition } from './inputs/definitions';
import type { RawInputs } from './inputs/settings';
import { isBatch } from './batch/mode';
import type { BundleRequire } from './util/lazy';

declare const require: BundleRequire;
/** Batch mode (main-batch.ts: batch/run.ts and its publisher), loaded on first use: a chunk of its own (src/util/lazy.ts). */
const loadBatchStep = (): Promise<typeof import('./main-batch')> =>
  typeof require.ensure === 'function'
    ? new Promise((ok, fail) =>
        require.ensure!([], () => ok(require('./main-batch') as typeof import('./main-batch')), fail, 'batch'),
      )
    : Promise.resolve(require('./main-batch') as typeof import('./main-batch'));

const PUBLISH_DEADLINE_MS = 5 * 60 * 1000;

const failureText = (err: unknown): string => formatError(err, 'action');

export async function run(): Promise<number> {
  useActionsLogger();
  let settings: Settings | undefined;
  let current: RunState | undefined;
  // A cancelled workflow sends SIGINT, then SIGTERM: clean up right away (the post step is the backstop).
  const release = cleanupOnSignals(() => current);
  // The post step cleans up by this state, also after a killed main step.
  const onState = (state: RunState): void => {
    current = state;
    core.saveState(STATE_KEY, serializeRunState(state));
  };
  const raw = actionRawInputs();
  try {
    installProxy();
    if (isBatch(raw)) {
      await useActionCache(raw);
      return await (await loadBatchStep()).runBatchStep(raw, onState);
    }
    settings = parseSettings(raw);
    const s = settings;
    await useActionCache(raw);
    const outcome = await scan(s, {
      onState,
      // The base branch's result (or `baseline: <run id>`) from the report artifact (publish/github/baseline.ts).
      fetchBaseline: (spec) =>
        fetchGitHubBaseline(spec, { token: s.publish.githubToken, artifactName: s.publish.artifactName }),
      // The base's allowlist / VEX files in a pull request (publish/github/base-files.ts, policy/base.ts).
      basePolicy: await githubBasePolicy({ token: s.publish.githubToken }),
    });
    await runPhase(
      'publish',
      PUBLISH_DEADLINE_MS,
      () => publishGitHub(outcome, s),
      'the GitHub API stopped answering; the reports are in output-dir.',
    );
    const verdict = outcome.result.verdict;
    if (outcome.exitCode === 1) {
      core.setFailed(`Policy failed:\n${(verdict?.reasons ?? []).map((r) => `- ${r}`).join('\n')}`);
    } else if (verdict?.status === 'fail') {
      core.warning(
        `Policy failed (report-only mode, the step succeeds):\n${verdict.reasons.map((r) => `- ${r}`).join('\n')}`,
      );
    }
    return outcome.exitCode;
  } catch (err) {
    try {
      // Without settings (bad inputs, or a batch that failed before its own were read) the job-summary input is
      // still honoured when it is a clear false.
      await publishGitHubError(err, settings, process.env, {
        jobSummary: parseBoolean(raw('job-summary') ?? '') !== false,
      });
    } catch (pubErr) {
      core.warning(`publishing the error failed: ${errorMessage(pubErr)}`);
    }
    core.setFailed(failureText(err));
    return EXIT_ERROR;
  } finally {
    release();
  }
}

/** Input `cache` (action only): the vulnerability data of `vuln-data: online` in the GitHub Actions cache. */
async function useActionCache(raw: RawInputs): Promise<void> {
  const vulnData = raw('vuln-data')?.trim() || inputDefinition('vuln-data').default;
  if (
    vulnData.toLowerCase() === 'online' &&
    parseBoolean(raw('cache') || 'true') !== false &&
    (await githubCacheAvailable())
  )
    useDataCache(githubDataCache());
}

if (require.main === module) {
  // The step's exit code is run()'s only once it settled; a stall or crash anywhere is exit 2 with cleanup
  // (util/phase.ts). Exiting explicitly also keeps idle keep-alive connections from holding the step open.
  guardProcess(run, { report: (err) => core.setFailed(failureText(err)), cleanup: cleanupActiveRuns });
}
