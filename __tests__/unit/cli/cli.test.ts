/**
 * The CLI without Docker: only calls that end before a scan starts (help, version, bad options, bad input
 * values, cleanup without a target). Every scan call here carries an input parseSettings rejects, so the
 * pipeline is never reached.
 */
import { cliSettings, envName, runCli } from '../../../src/cli';
import { INPUTS } from '../../../src/inputs/definitions';
import type { Settings } from '../../../src/inputs/settings';
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
    // A boolean shows as --[no-]name.
    const flags = new Set([...out.matchAll(/(?:^|\s)--(?:\[no-\])?([a-z][a-z0-9-]*)/g)].map((m) => `--${m[1]}`));
    const cliInputs = INPUTS.filter((d) => !d.actionOnly && d.name !== 'image');
    expect(cliInputs.length).toBeGreaterThan(20);
    for (const def of cliInputs) expect([def.name, flags.has(`--${def.name}`)]).toEqual([def.name, true]);
    for (const def of INPUTS.filter((d) => d.actionOnly))
      expect([def.name, flags.has(`--${def.name}`)]).toEqual([def.name, false]);
    expect(flags.has('--image')).toBe(false);
    expect(out).toMatch(/\[images\.\.\.\]/);
    expect(out).toMatch(/cleanup/);
  });

  it('--help groups the options, then examples, exit codes and the environment variables; no commander noise', async () => {
    expect(await runCli(['--help'], {})).toBe(0);
    const headings = [...out.matchAll(/^(\S[^\n]*):$/gm)].map((m) => m[1]);
    expect(headings).toEqual([
      'Arguments',
      'Image and source',
      'Clair',
      'Vulnerability data',
      'Policy (what fails the scan)',
      'Reports',
      'Publishing (GitLab CI)',
      'Batch mode (many images in one run)',
      'Other',
      'Commands',
      'Examples',
      'Exit codes',
      'Environment',
    ]);
    const section = (h: string): string => out.split(`\n${h}:\n`)[1].split(/\n\n\S/)[0];
    expect(section('Policy (what fails the scan)')).toMatch(/--fail-on <value>/);
    expect(section('Batch mode (many images in one run)')).toMatch(/--images-file <value>[\s\S]*--concurrency <value>/);
    expect(section('Image and source')).not.toMatch(/--images-file/);
    expect(section('Exit codes')).toMatch(/^ {2}0 {2}passed[\s\S]*^ {2}1 {2}the policy failed[\s\S]*^ {2}2 {2}error/m);
    // Every option's environment variable, a secret's _FILE variable.
    const flat = out.replace(/\s+/g, ' ');
    for (const def of INPUTS.filter((d) => !d.actionOnly && d.name !== 'image'))
      expect(flat).toContain(`env: ${envName(def.name)})`);
    expect(section('Environment')).toMatch(/CLAIR_SCAN_REGISTRY_PASSWORD_FILE/);
    expect(section('Examples')).toMatch(/^ {2}clair-scan myapp:ci$/m);
    expect(out).not.toMatch(/preset:|`/);
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
  it("an unknown option → exit 2 with commander's message", async () => {
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

  const isBoolean = (name: string): boolean => INPUTS.find((d) => d.name === name)?.type === 'boolean';

  it.each(Object.entries(BAD))('--%s %s reaches the input and is rejected with exit 2', async (name, value) => {
    // Booleans take a value only as --name=value (a separate word is an image).
    const args = isBoolean(name) ? [`--${name}=${value}`] : [`--${name}`, value];
    expect(await runCli(['myapp:ci', ...args], {})).toBe(2);
    expect(err).toMatch(new RegExp(`^error: input "${name}" has an invalid value "${value}"`));
  });

  it.each(Object.entries(BAD).filter(([name]) => !isBoolean(name)))(
    '--%s=%s works for value flags too',
    async (name, value) => {
      expect(await runCli(['myapp:ci', `--${name}=${value}`], {})).toBe(2);
      expect(err).toMatch(new RegExp(`^error: input "${name}" has an invalid value "${value}"`));
    },
  );

  it.each(Object.entries(BAD))('CLAIR_SCAN_… for %s reaches the input too', async (name, value) => {
    expect(await runCli(['myapp:ci'], { [envName(name)]: value })).toBe(2);
    expect(err).toMatch(new RegExp(`^error: input "${name}" has an invalid value "${value}"`));
  });

  it('a flag wins over the environment variable', async () => {
    // pull is parsed before scan-timeout: had the bad environment value been used, the error would name pull.
    expect(await runCli(['myapp:ci', '--pull', 'never', '--scan-timeout', 'x'], { CLAIR_SCAN_PULL: 'sometimes' })).toBe(
      2,
    );
    expect(err).toMatch(/^error: input "scan-timeout" has an invalid value "x"/);
  });

  it('the image may come from CLAIR_SCAN_IMAGE', async () => {
    expect(await runCli(['--fail=maybe'], { CLAIR_SCAN_IMAGE: 'myapp:ci' })).toBe(2);
    expect(err).toMatch(/^error: input "fail" has an invalid value "maybe"/);
    expect(err).not.toMatch(/no image/);
  });

  it('every validated input in the table is a CLI input', () => {
    const names = new Set<string>(INPUTS.filter((d) => !d.actionOnly).map((d) => d.name));
    for (const name of Object.keys(BAD)) expect([name, names.has(name)]).toEqual([name, true]);
  });
});

describe('boolean flags never take the next argument', () => {
  const BOOLEANS = INPUTS.filter((d) => !d.actionOnly && d.type === 'boolean').map((d) => d.name);

  const VALUE: Record<string, (s: Settings) => boolean> = {
    'registry-insecure': (s) => s.registry.insecure,
    'ignore-unfixed': (s) => s.policy.ignoreUnfixed,
    fail: (s) => s.policy.fail,
    'check-non-root': (s) => !!s.policy.checkNonRoot,
    'check-secrets': (s) => !!s.policy.checkSecrets,
    comment: (s) => s.publish.comment,
    resume: (s) => s.batch.resume,
    'fail-on-new': (s) => !!s.policy.failOnNew,
    'policy-from-base': (s) => !!s.policy.policyFromBase,
  };

  it('the table below covers every boolean CLI input', () => {
    expect(Object.keys(VALUE).sort()).toEqual([...BOOLEANS].sort());
  });

  it.each(BOOLEANS)('--%s myapp:ci scans myapp:ci; --no-… sets false; both beat the environment', async (name) => {
    const on = await cliSettings([`--${name}`, 'myapp:ci'], { [envName(name)]: 'false' });
    expect(on.images.map((i) => i.input)).toEqual(['myapp:ci']);
    expect(VALUE[name](on)).toBe(true);
    const off = await cliSettings([`--no-${name}`, 'myapp:ci'], { [envName(name)]: 'true' });
    expect(off.images.map((i) => i.input)).toEqual(['myapp:ci']);
    expect(VALUE[name](off)).toBe(false);
    expect(VALUE[name](await cliSettings([`--${name}=false`, 'myapp:ci']))).toBe(false);
    expect(VALUE[name](await cliSettings(['myapp:ci'], { [envName(name)]: 'true' }))).toBe(true);
    expect(VALUE[name](await cliSettings(['myapp:ci'], { [envName(name)]: 'false' }))).toBe(false);
  });

  it('--ignore-unfixed before the image, the exact bug report', async () => {
    expect(await runCli(['--ignore-unfixed', 'myapp:ci', '--pull', 'sometimes'], {})).toBe(2);
    // The image arrived (no "no image" error) and the next input in line was checked.
    expect(err).toMatch(/^error: input "pull" has an invalid value "sometimes"/);
  });

  it('--flag, --no-flag and --flag=value: the last one given wins; none given → environment, then default', async () => {
    const fail = async (args: string[], env: Record<string, string> = {}): Promise<boolean> =>
      (await cliSettings([...args, 'app:1'], env)).policy.fail;
    expect(await fail([])).toBe(true); // default
    expect(await fail([], { CLAIR_SCAN_FAIL: 'false' })).toBe(false); // environment
    expect(await fail(['--fail'], { CLAIR_SCAN_FAIL: 'false' })).toBe(true); // flag beats environment
    expect(await fail(['--no-fail'], { CLAIR_SCAN_FAIL: 'true' })).toBe(false);
    expect(await fail(['--fail=false'])).toBe(false);
    expect(await fail(['--fail=no'])).toBe(false);
    expect(await fail(['--fail=TRUE'], { CLAIR_SCAN_FAIL: 'false' })).toBe(true);
    expect(await fail(['--fail=false', '--fail'])).toBe(true);
    expect(await fail(['--fail', '--no-fail'])).toBe(false);
    const s = await cliSettings(['--ignore-unfixed', 'a:1', '--check-secrets', 'b:2', '--no-comment', 'c:3'], {
      CLAIR_SCAN_CHECK_NON_ROOT: 'yes',
    });
    expect(s.images.map((i) => i.input)).toEqual(['a:1', 'b:2', 'c:3']);
    expect([
      s.policy.ignoreUnfixed,
      s.policy.checkSecrets,
      s.publish.comment,
      s.policy.checkNonRoot,
      s.registry.insecure,
    ]).toEqual([true, true, false, true, false]);
  });

  it('a value flag still takes the next word, even one that looks like a boolean flag', async () => {
    const s = await cliSettings(['--fail-on', 'high>0', '--required-base-image', '--fail=false', 'app:1']);
    expect(s.policy.requiredBaseImage).toBe('--fail=false');
    expect(s.policy.fail).toBe(true);
    expect(s.policy.failOn).toBe('high>0');
  });

  it('after --, everything is an image', async () => {
    const s = await cliSettings(['--', '--fail=false']);
    expect(s.images.map((i) => i.input)).toEqual(['--fail=false']);
    expect(s.policy.fail).toBe(true);
  });

  it('--help shows a boolean as one --[no-]name, without a value', async () => {
    expect(await runCli(['--help'], {})).toBe(0);
    expect(out).toMatch(/^ {2}--\[no-\]ignore-unfixed\s/m);
    expect(out).not.toMatch(/^ {2}--no-ignore-unfixed\s/m);
    expect(out).not.toMatch(/--ignore-unfixed \[/);
  });
});

describe('cleanup options', () => {
  it('--run-id and --all together → exit 2', async () => {
    expect(await runCli(['cleanup', '--all', '--run-id', 'abc-1'], {})).toBe(2);
    expect(err).toMatch(/not both/);
  });

  it('a run id that is not one → exit 2 before anything is touched', async () => {
    expect(await runCli(['cleanup', '--run-id', '../x*'], {})).toBe(2);
    expect(err).toMatch(/is not a run id/);
  });

  // --run-id of a run that does not exist, never --all: a regression must not empty the shared engine.
  it("--docker-host after cleanup is cleanup's (an unusable host shows which daemon was used)", async () => {
    expect(await runCli(['cleanup', '--run-id', 'no-such-run-0', '--docker-host', 'ssh://nowhere'], {})).toBe(2);
    expect(err).toMatch(/unsupported Docker host "ssh:\/\/nowhere"/);
  });

  it("--docker-host before cleanup and CLAIR_SCAN_DOCKER_HOST reach it too; cleanup's own flag wins", async () => {
    expect(await runCli(['--docker-host', 'ssh://before', 'cleanup', '--run-id', 'no-such-run-0'], {})).toBe(2);
    expect(err).toMatch(/unsupported Docker host "ssh:\/\/before"/);
    err = '';
    expect(await runCli(['cleanup', '--run-id', 'no-such-run-0'], { CLAIR_SCAN_DOCKER_HOST: 'ssh://from-env' })).toBe(
      2,
    );
    expect(err).toMatch(/unsupported Docker host "ssh:\/\/from-env"/);
    err = '';
    const args = [
      '--docker-host',
      'ssh://before',
      'cleanup',
      '--run-id',
      'no-such-run-0',
      '--docker-host',
      'ssh://after',
    ];
    expect(await runCli(args, { CLAIR_SCAN_DOCKER_HOST: 'ssh://env' })).toBe(2);
    expect(err).toMatch(/unsupported Docker host "ssh:\/\/after"/);
  });
});
