/**
 * The run skeleton's parts that need no Docker or Clair: the one missing-reports error of a scan and a batch
 * (src/scan.ts requireReports; a batch passes the image's own report directory).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { requireReports } from '../../../src/scan';
import { ClairScanError } from '../../../src/util/errors';
import { removeTestTempDirs, testTempDir } from '../../helpers/tmp';

afterAll(() => removeTestTempDirs());

/** A report file that exists. */
function written(dir: string, name: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, name), '{}');
  return path.join(dir, name);
}

function thrown(f: () => void): ClairScanError {
  try {
    f();
  } catch (err) {
    if (err instanceof ClairScanError) return err;
    throw err;
  }
  throw new Error('requireReports accepted missing reports');
}

describe('requireReports (fail closed: every requested report exists)', () => {
  it('passes when every requested format has its file', () => {
    const o = testTempDir('cs-unit-skeleton-');
    expect(() => requireReports(['sarif', 'json'], { sarif: written(o, 'a.sarif'), json: written(o, 'a.json') }, o)).not.toThrow();
    expect(() => requireReports([], {}, o)).not.toThrow();
  });

  it('one message for a scan and a batch: the missing formats, and the directory to check', () => {
    const o = testTempDir('cs-unit-skeleton-');
    // A path handed back whose file is gone counts as missing, like one never written.
    const one = thrown(() => requireReports(['sarif', 'json'], { sarif: path.join(o, 'gone.sarif'), json: written(o, 'r.json') }, o));
    expect([one.message, one.hint]).toEqual(['the sarif report was not written', `check that output-dir (${o}) is writable and has free space.`]);
    const image = path.join(o, 'images', 'app');
    const two = thrown(() => requireReports(['sarif', 'gitlab', 'json'], { json: written(image, 'r.json') }, image));
    expect([two.message, two.hint]).toEqual(['the sarif, gitlab reports were not written', `check that output-dir (${image}) is writable and has free space.`]);
  });
});
