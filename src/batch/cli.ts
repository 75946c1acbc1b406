/** The CLI side of batch mode: run it, print where the results are, return the batch's exit code. */
import type { RawInputs } from '../inputs/settings';
import type { RunState } from '../environment/run-state';
import { log } from '../util/log';
import { runBatch } from './run';

export { isBatch } from './inputs';

export async function runBatchCli(raw: RawInputs, onState: (s: RunState) => void): Promise<number> {
  const outcome = await runBatch(raw, { onState });
  const t = outcome.summary.totals;
  process.stdout.write(
    `Batch: ${t.images} image${t.images === 1 ? '' : 's'}: ${t.passed} passed, ${t.failed} failed the policy, ${t.errored} errored` +
      `${t.resumed ? ` (${t.resumed} done by an earlier run)` : ''}.\n`,
  );
  for (const e of outcome.summary.images.filter((i) => i.verdict === 'error')) process.stdout.write(`  error  ${e.image}: ${e.error?.message}\n`);
  for (const e of outcome.summary.images.filter((i) => i.verdict === 'fail')) process.stdout.write(`  fail   ${e.image}: ${e.failedRules.join('; ')}\n`);
  log.info(`vulnerable.list: ${outcome.files.vulnerableList}`);
  log.info(`batch summary: ${outcome.files.summary}`);
  return outcome.exitCode;
}
