/** Errors of the CLI's settings seam are ClairScanErrors: what went wrong and what to do. */
import { cliSettings } from '../../../src/cli';
import { expectScanError } from '../../helpers/errors';

test('cliSettings on a command that is not a scan: a ClairScanError with a hint', async () => {
  // A run id cleanup refuses before it talks to Docker: nothing outside this process is touched.
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const err = await expectScanError(cliSettings(['cleanup', '--run-id', 'Not-A-Run-Id!'])).finally(() =>
    stderr.mockRestore(),
  );
  expect(err.message).toMatch(/not a scan command line/);
  expect(err.hint).toMatch(/not a command/);
});
