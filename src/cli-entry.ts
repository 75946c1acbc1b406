/** Entry point of the CLI bundle (dist/cli/index.js): the exit code is the CLI's only once it has settled. */
import { runCli } from './cli';
import { cleanupActiveRuns } from './environment/cleanup';
import { formatError } from './util/errors';
import { scrub } from './util/log';
import { guardProcess } from './util/phase';

guardProcess(() => runCli(process.argv.slice(2)), {
  report: (err) => process.stderr.write(`${scrub(formatError(err))}\n`),
  cleanup: cleanupActiveRuns,
});
