/**
 * The action's main step (bundled to dist/main/index.js): read inputs → scan → publish → exit code.
 * Thin wiring; the work is in scan.ts and src/publish/github/.
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
import { EXIT_ERROR, errorMessage, formatError } from './util/errors';
import { guardProcess, runPhase } from './util/phase';
import { cleanupActiveRuns } from './environment/cleanup';
import { useDataCache } from './data/cache';
import { githubCacheAvailable, githubDataCache } from './data/github-cache';

const PUBLISH_DEADLINE_MS = 5 * 60 * 1000;

const failureText = (err: unknown): string => formatError(err, 'action');

export async function run(): Promise<number> {
  useActionsLogger();
  let settings: Settings | undefined;
  let current: RunState | undefined;
  // A cancelled workflow sends SIGINT, then SIGTERM: clean up right away (the post step is the backstop).
  const release = cleanupOnSignals(() => current);
  try {
    const raw = actionRawInputs();
    settings = parseSettings(raw);
    const s = settings;
    // Input `cache` (action only): the vulnerability data of `vuln-data: online` in the GitHub Actions cache.
    if (s.vulnData.toLowerCase() === 'online' && parseBoolean(raw('cache') || 'true') !== false && (await githubCacheAvailable())) useDataCache(githubDataCache());
    const outcome = await scan(s, {
      onState: (state) => {
        current = state;
        core.saveState(STATE_KEY, serializeRunState(state));
      },
      // The base branch's result (or `baseline: <run id>`) from the report artifact (publish/github/baseline.ts).
      fetchBaseline: (spec) => fetchGitHubBaseline(spec, { token: s.publish.githubToken, artifactName: s.publish.artifactName }),
    });
    await runPhase('publish', PUBLISH_DEADLINE_MS, () => publishGitHub(outcome, s), 'the GitHub API stopped answering; the reports are in output-dir.');
    const verdict = outcome.result.verdict;
    if (outcome.exitCode === 1) {
      core.setFailed(`Policy failed:\n${(verdict?.reasons ?? []).map((r) => `- ${r}`).join('\n')}`);
    } else if (verdict?.status === 'fail') {
      core.warning(`Policy failed (report-only mode, the step succeeds):\n${verdict.reasons.map((r) => `- ${r}`).join('\n')}`);
    }
    return outcome.exitCode;
  } catch (err) {
    try {
      await publishGitHubError(err, settings);
    } catch (pubErr) {
      core.warning(`publishing the error failed: ${errorMessage(pubErr)}`);
    }
    core.setFailed(failureText(err));
    return EXIT_ERROR;
  } finally {
    release();
  }
}

if (require.main === module) {
  // The step's exit code is run()'s only once it settled; a stall or crash anywhere is exit 2 with cleanup
  // (util/phase.ts). Exiting explicitly also keeps idle keep-alive connections from holding the step open.
  guardProcess(run, { report: (err) => core.setFailed(failureText(err)), cleanup: cleanupActiveRuns });
}
