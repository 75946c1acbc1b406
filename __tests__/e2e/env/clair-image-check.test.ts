/**
 * A clair-image that is not a Clair image (e.g. the application image by mistake) is a clear input error
 * naming clair-image — not "internal error … this is a bug" from copying the config into a /config it
 * lacks. Decided from the image's config before PostgreSQL or Clair start; an image that passes that check
 * but has no /config directory still gets the same kind of error.
 */
import { execFileSync } from 'node:child_process';
import { scan } from '../../../src/scan';
import { expectScanError, fixture, leftoverContainers, settingsFor } from '../scan/helpers';

let stderr: string;
let spy: jest.SpyInstance;
beforeEach(() => {
  stderr = '';
  spy = jest.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
    stderr += String(c);
    return true;
  });
});
afterEach(() => spy.mockRestore());

it('an application image as clair-image fails before anything starts, naming the input and what to use', async () => {
  let runId = '';
  const settings = settingsFor([fixture('debian-vuln')], { 'clair-image': fixture('clean') });
  const err = await expectScanError(scan(settings, { onState: (s) => (runId = s.runId) }));
  expect(err.message).toBe(
    `input "clair-image" (${fixture('clean')}) is not a Clair v4 image laid out like quay.io/projectquay/clair: it sets no CLAIR_CONF environment variable, so Clair would not read the config clair-scan writes`,
  );
  expect(err.hint).toMatch(/^set clair-image to a Clair v4 image such as quay\.io\/projectquay\/clair:4\.9\.0/);
  expect(err.hint).toMatch(/ENV CLAIR_CONF=\/config\/config\.yaml/);
  expect(err.exitCode).toBe(2);
  expect(stderr).not.toMatch(/Starting PostgreSQL/);
  expect(leftoverContainers(runId)).toEqual([]);
});

it('an image with CLAIR_CONF but no command that runs clair is refused too', async () => {
  const image = 'localhost/clair-scan-test/no-clair-command:1';
  execFileSync('docker', ['build', '-q', '-t', image, '-'], {
    input: `FROM ${fixture('clean')}\nENV CLAIR_CONF=/config/config.yaml\nCMD ["/bin/sh"]\n`,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  try {
    const err = await expectScanError(scan(settingsFor([fixture('debian-vuln')], { 'clair-image': image })));
    expect(err.message).toBe(
      `input "clair-image" (${image}) is not a Clair v4 image laid out like quay.io/projectquay/clair: its command (/bin/sh) does not run clair`,
    );
    expect(stderr).not.toMatch(/Starting PostgreSQL/);
  } finally {
    execFileSync('docker', ['rmi', '-f', image], { stdio: 'ignore' });
  }
});

describe('an image that passes the config check but has no /config directory', () => {
  const image = 'localhost/clair-scan-test/no-config-dir:1';
  beforeAll(() => {
    execFileSync('docker', ['build', '-q', '-t', image, '-'], {
      input: `FROM ${fixture('clean')}\nENV CLAIR_CONF=/config/config.yaml\nENTRYPOINT ["/bin/clair"]\n`,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  });
  afterAll(() => {
    execFileSync('docker', ['rmi', '-f', image], { stdio: 'ignore' });
  });

  it('fails when the config is copied in, with the same kind of error, and leaves nothing behind', async () => {
    let runId = '';
    const err = await expectScanError(
      scan(settingsFor([fixture('debian-vuln')], { 'clair-image': image }), { onState: (s) => (runId = s.runId) }),
    );
    expect(err.message).toMatch(
      new RegExp(
        `^input "clair-image" \\(${image}\\) is not a Clair v4 image laid out like quay.io/projectquay/clair: it has no /config directory to put the config in`,
      ),
    );
    expect(err.hint).toMatch(/^set clair-image to a Clair v4 image/);
    expect(leftoverContainers(runId)).toEqual([]);
  });
});
