import { ClairScanError } from '../../src/util/errors';

/** Awaits something that must fail with a ClairScanError and returns it (any other outcome fails the test). */
export async function expectScanError(p: Promise<unknown>): Promise<ClairScanError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ClairScanError);
    return err as ClairScanError;
  }
  throw new Error('resolved but should have failed');
}
