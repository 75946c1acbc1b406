/**
 * Batch mode at the entry points: whether the inputs ask for it (`isBatch`: an images-file or a registry listing),
 * and the lines that say how it went — the CLI prints them to stdout, the action (src/main.ts) to its log before
 * publishing (publish/github/batch.ts).
 */
import type { RawInputs } from '../inputs/settings';
import type { RunState } from '../environment/run-state';
import { log, print } from '../util/log';
import { runBatch, type BatchOutcome } from './run';
import { batchHeadline } from './outputs';

export { isBatch } from './inputs';

/** What happened, for a log: the totals, then each image that errored or failed the policy. */
export function batchResultLines(outcome: BatchOutcome): string[] {
  return [
    `Batch: ${batchHeadline(outcome.summary)}.`,
    ...outcome.summary.images
      .filter((i) => i.verdict === 'error')
      .map((e) => `  error  ${e.image}: ${e.error?.message}`),
    ...outcome.summary.images
      .filter((i) => i.verdict === 'fail')
      .map((e) => `  fail   ${e.image}: ${e.failedRules.join('; ')}`),
  ];
}

/** `publish`: the CLI's CI platform's batch outputs (publish/platforms.ts), after the result lines. */
export async function runBatchCli(
  raw: RawInputs,
  onState: (s: RunState) => void,
  publish?: (outcome: BatchOutcome) => Promise<void>,
): Promise<number> {
  const outcome = await runBatch(raw, { onState });
  print(
    batchResultLines(outcome)
      .map((l) => `${l}\n`)
      .join(''),
  );
  log.info(`vulnerable.list: ${outcome.files.vulnerableList}`);
  log.info(`batch summary: ${outcome.files.summary}`);
  await publish?.(outcome);
  return outcome.exitCode;
}
