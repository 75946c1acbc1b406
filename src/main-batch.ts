/**
 * The action's batch mode (an images-file or a registry listing; src/main.ts routes it here as the CLI does, by
 * batch/mode.ts isBatch): every image against one Clair (batch/run.ts), the result lines in the log (shared with the
 * CLI), then outputs, job summary and artifact (publish/github/batch.ts). Its own chunk of dist/main: a single scan
 * never loads it.
 */
import * as core from '@actions/core';
import type { RawInputs } from './inputs/settings';
import type { RunState } from './environment/run-state';
import { batchResultLines } from './batch/cli';
import { runBatch } from './batch/run';
import { batchVerdictMessage, publishGitHubBatch } from './publish/github/batch';
import { runPhase } from './util/phase';
import { log } from './util/log';

const PUBLISH_DEADLINE_MS = 5 * 60 * 1000;

/** Runs the batch and publishes it; the step's exit code: 2 if any image errored, else 1 if any failed an enforced policy. */
export async function runBatchStep(raw: RawInputs, onState: (s: RunState) => void): Promise<number> {
  const outcome = await runBatch(raw, { onState });
  // Through the logger: image names and Clair's error messages are defused there (util/log.ts).
  for (const line of batchResultLines(outcome)) log.info(line);
  await runPhase(
    'publish',
    PUBLISH_DEADLINE_MS,
    () => publishGitHubBatch(outcome),
    'the GitHub API stopped answering; the results are in output-dir.',
  );
  const msg = batchVerdictMessage(outcome);
  if (msg.fail) core.setFailed(msg.fail);
  else if (msg.warn) core.warning(msg.warn);
  return outcome.exitCode;
}
