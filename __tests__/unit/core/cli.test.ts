/**
 * The CLI without Docker: only calls that end before a scan starts (help, version, bad options, bad input
 * values, cleanup without a target). Every scan call here carries an input parseSettings rejects, so the
 * pipeline is never reached.
 */
import { envName, runCli } from '../../../src/cli';
import { INPUTS } from '../../../src/inputs/definitions';
import { TOOL_VERSION } from '../../../src/version';

let out: string;
let err: string;
let stdoutSpy: jest.SpyInstance;
let stderrSpy: jest.SpyInstance;
beforeEach(() => {
  out = '';
  err = '';
  stdoutSpy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  stderrSpy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
});
afterEach(() => {
  stdoutSpy.mockRestore();
  stderrSpy.mockRestore();
});

describe('envName', () => {
  it.each([
    ['image', 'CLAIR_SCAN_IMAGE'],
    ['severity-threshold', 'CLAIR_SCAN_SEVERITY_THRESHOLD'],
    ['layer-server-address', 'CLAIR_SCAN_LAYER_SERVER_ADDRESS'],
    ['fail', 'CLAIR_SCAN_FAIL'],
  ])('%s → %s', (input, name) => {
    expect(envName(input)).toBe(name);
  });
});

describe('help and version', () => {
  it('--help lists a flag for every input except the action-only ones and image (an argument)', async () => {
    expect(await runCli(['--help'], {})).toBe(0);
    const flags = new Set([...out.matchAll(/(?:^|\s)(--[a-z][a-z0-9-]*)/g)].map((m) => m[1]));
    const cliInputs = INPUTS.filter((d) => !d.actionOnly && d.name !== 'image');
    expect(cliInputs.length).toBeGreaterThan(20);
    for (const def of cliInputs) expect([def.name, flags.has(`--${def.name}`)]).toEqual([def.name, true]);
    for (const def of INPUTS.filter((d) => d.actionOnly)) expect([def.name, flags.has(`--${def.name}`)]).toEqual([def.name, false]);
    expect(flags.has('--image')).toBe(false);
    expect(out).toMatch(/\[images\.\.\.\]/);
    expect(out).toMatch(/cleanup/);
  });

  it('--version prints the tool version', async () => {
    expect(await runCli(['--version'], {})).toBe(0);
    expect(out.trim()).toBe(TOOL_VERSION);
  });

  it('cleanup --help documents its options', async () => {
    expect(await runCli(['cleanup', '--help'], {})).toBe(0);
    expect(out).toMatch(/--run-id <id>/);
    expect(out).toMatch(/--all/);
  });
});

describe('errors before any scan', () => {
  it('an unknown option → exit 2 with commander\'s message', async () => {
    expect(await runCli(['--no-such-flag', 'myapp:ci'], {})).toBe(2);
    expect(err).toMatch(/unknown option '--no-such-flag'/);
  });

  it('a value flag without its value → exit 2', async () => {
    expect(await runCli(['myapp:ci', '--pull'], {})).toBe(2);
    expect(err).toMatch(/option '--pull <value>' argument missing/);
  });

  it('cleanup without --run-id or --all → exit 2', async () => {
    expect(await runCli(['cleanup'], {})).toBe(2);
    expect(err).toBe('error: cleanup needs --run-id <id> or --all\n');
  });

  it('no image → exit 2 with the hint', async () => {
    expect(await runCli([], {})).toBe(2);
    expect(err).toMatch(/error: no image to scan was given/);
    expect(err).toMatch(/pass the image name as an argument/);
  });

  /** A value parseSettings rejects, per validated input: proves the flag reaches that input. */
  const BAD: Record<string, string> = {
    'image-source': 'podman',
    'registry-insecure': 'maybe',
    'clair-url': 'clair:6060',
    pull: 'sometimes',
    'startup-timeout': 'soon',
    'scan-timeout': '0',
    'data-timeout': '-1',
    'severity-threshold': 'severe',
    'ignore-unfixed': 'maybe',
    fail: 'maybe',
    'check-non-root': 'maybe',
    'check-secrets': 'maybe',
    formats: 'pdf',
    comment: 'maybe',
  };

  it.each(Object.entries(BAD))('--%s %s reaches the input and is rejected with exit 2', async (name, value) => {
    expect(await runCli(['myapp:ci', `--${name}`, value], {})).toBe(2);
    expect(err).toMatch(new RegExp(`^error: input "${name}" has an invalid value "${value}"`));
  });

  it.each(Object.entries(BAD))('CLAIR_SCAN_… for %s reaches the input too', async (name, value) => {
    expect(await runCli(['myapp:ci'], { [envName(name)]: value })).toBe(2);
    expect(err).toMatch(new RegExp(`^error: input "${name}" has an invalid value "${value}"`));
  });

  it('a flag wins over the environment variable', async () => {
    // pull is parsed before scan-timeout: had the bad environment value been used, the error would name pull.
    expect(await runCli(['myapp:ci', '--pull', 'never', '--scan-timeout', 'x'], { CLAIR_SCAN_PULL: 'sometimes' })).toBe(2);
    expect(err).toMatch(/^error: input "scan-timeout" has an invalid value "x"/);
  });

  it('the image may come from CLAIR_SCAN_IMAGE', async () => {
    expect(await runCli(['--fail', 'maybe'], { CLAIR_SCAN_IMAGE: 'myapp:ci' })).toBe(2);
    expect(err).toMatch(/^error: input "fail" has an invalid value "maybe"/);
    expect(err).not.toMatch(/no image/);
  });

  it('every validated input in the table is a CLI input', () => {
    const names = new Set(INPUTS.filter((d) => !d.actionOnly).map((d) => d.name));
    for (const name of Object.keys(BAD)) expect([name, names.has(name)]).toEqual([name, true]);
  });
});
