/** Entry point of the CLI bundle (dist/cli/index.js). */
import { runCli } from './cli';

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
