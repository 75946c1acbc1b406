/**
 * The action's post step (dist/post/index.js): removes what the main step's run left behind — also when
 * the main step was killed. Never fails the job because of cleanup.
 */
import * as core from '@actions/core';
import { cleanupRun } from './environment/cleanup';
import { parseRunState } from './environment/run-state';
import { errorMessage } from './util/errors';
import { guardProcess, runPhase } from './util/phase';
import { STATE_KEY, useActionsLogger } from './action/runtime';

export async function runPost(): Promise<void> {
  useActionsLogger();
  const raw = core.getState(STATE_KEY);
  const state = parseRunState(raw);
  if (!state) {
    core.info(
      raw
        ? 'clair-scan: the saved run state is unreadable; nothing to clean up.'
        : 'clair-scan: no run state saved; nothing to clean up.',
    );
    return;
  }
  core.info(
    `clair-scan: cleaning up run ${state.runId}: containers and volumes labelled io.clair-scan.run=${state.runId}` +
      `${state.dockerHost ? ` on ${state.dockerHost}` : ''}${state.tempDirs.length ? `, temp dirs ${state.tempDirs.join(', ')}` : ''}`,
  );
  try {
    const r = await cleanupRun(state);
    core.info(
      `clair-scan: cleanup of run ${state.runId} done: ` +
        `${r.containers.length ? `removed containers ${r.containers.join(', ')}` : 'no containers left'}` +
        `${r.tempDirs.length ? `; removed ${r.tempDirs.join(', ')}` : ''}` +
        `${r.errors.length ? `; ${r.errors.length} problem(s), see the warnings above` : ''}.`,
    );
  } catch (err) {
    core.warning(
      `clair-scan: cleanup of run ${state.runId} failed: ${errorMessage(err)}. Leftovers carry the label io.clair-scan.run=${state.runId}.`,
    );
  }
}

if (require.main === module) {
  // Cleanup that stalls or crashes is an error (exit 2), never a silent success; a bounded deadline ends it.
  guardProcess(
    async () => {
      await runPhase(
        'post cleanup',
        5 * 60 * 1000,
        runPost,
        'the Docker daemon stopped answering; leftovers carry the label io.clair-scan.run.',
      );
      return 0;
    },
    { report: (err) => core.setFailed(`clair-scan post step: ${err.message}\nWhat to do: ${err.hint}`) },
  );
}
