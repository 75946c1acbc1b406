/**
 * The CI platform is chosen, not sniffed (util/platform.ts): `--ci-platform` / `CLAIR_SCAN_CI_PLATFORM` decide the
 * GitLab behaviours (dotenv verdict, MR note and baseline, CS_SEVERITY_THRESHOLD, log sections) whatever
 * `GITLAB_CI` says — gitlab-ci-local sets GITLAB_CI=false — and `auto` keeps the old detection.
 */
import { cliSettings, runCli } from '../../../src/cli';
import { log } from '../../../src/util/log';
import { ClairScanError } from '../../../src/util/errors';
import { ciPlatform, resolveCiPlatform, setCiPlatform } from '../../../src/util/platform';

let err: string;
const saved = { GITLAB_CI: process.env.GITLAB_CI, CLAIR_SCAN_CI_PLATFORM: process.env.CLAIR_SCAN_CI_PLATFORM };

beforeEach(() => {
  err = '';
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  jest.spyOn(Date, 'now').mockReturnValue(1_700_000_000_123);
  delete process.env.GITLAB_CI;
  delete process.env.CLAIR_SCAN_CI_PLATFORM;
  setCiPlatform(undefined);
});

afterEach(() => {
  jest.restoreAllMocks();
  setCiPlatform(undefined);
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe('resolveCiPlatform', () => {
  test.each<[string | undefined, Record<string, string>, string]>([
    [undefined, {}, 'none'],
    ['', { GITLAB_CI: 'true' }, 'gitlab'],
    ['auto', { GITLAB_CI: 'true' }, 'gitlab'],
    ['auto', { GITLAB_CI: 'false' }, 'none'],
    ['auto', { GITHUB_ACTIONS: 'true' }, 'none'],
    ['gitlab', { GITLAB_CI: 'false' }, 'gitlab'],
    ['GitLab', {}, 'gitlab'],
    ['github', { GITLAB_CI: 'true' }, 'github'],
    ['none', { GITLAB_CI: 'true' }, 'none'],
  ])('%s with %j → %s', (choice, env, want) => {
    expect(resolveCiPlatform(choice, env)).toBe(want);
  });

  test('an unknown platform is bad input naming the values, never a silent "none"', () => {
    const e = (() => {
      try {
        resolveCiPlatform('gitlab-ci', {});
      } catch (x) {
        return x;
      }
    })() as ClairScanError;
    expect(e).toBeInstanceOf(ClairScanError);
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe('--ci-platform (CLAIR_SCAN_CI_PLATFORM) is "gitlab-ci", not a CI platform');
    expect(e.hint).toMatch(/auto, gitlab, github, none/);
  });

  test('ciPlatform(): the CLI\'s choice wins over the environment; without one, CLAIR_SCAN_CI_PLATFORM, then detection', () => {
    expect(ciPlatform({ GITLAB_CI: 'false', CLAIR_SCAN_CI_PLATFORM: 'gitlab' })).toBe('gitlab');
    expect(ciPlatform({ GITLAB_CI: 'true' })).toBe('gitlab');
    expect(ciPlatform({ CLAIR_SCAN_CI_PLATFORM: 'nonsense' })).toBe('none');
    setCiPlatform('github');
    expect(ciPlatform({ GITLAB_CI: 'true', CLAIR_SCAN_CI_PLATFORM: 'gitlab' })).toBe('github');
  });
});

describe('the CLI', () => {
  const severities = async (argv: string[], env: Record<string, string>): Promise<string[] | undefined> => (await cliSettings(['myapp:ci', ...argv], env)).reports.severities;

  test('CLAIR_SCAN_CI_PLATFORM=gitlab applies GitLab\'s CS_SEVERITY_THRESHOLD although gitlab-ci-local sets GITLAB_CI=false', async () => {
    expect(await severities([], { GITLAB_CI: 'false', CLAIR_SCAN_CI_PLATFORM: 'gitlab', CS_SEVERITY_THRESHOLD: 'HIGH' })).toEqual(['High', 'Critical']);
  });

  test('--ci-platform gitlab does the same, and wins over the environment variable', async () => {
    expect(await severities(['--ci-platform', 'gitlab'], { GITLAB_CI: 'false', CLAIR_SCAN_CI_PLATFORM: 'none', CS_SEVERITY_THRESHOLD: 'HIGH' })).toEqual(['High', 'Critical']);
  });

  test('auto keeps the old detection; none turns GitLab\'s behaviours off even in GitLab CI', async () => {
    expect(await severities([], { GITLAB_CI: 'true', CS_SEVERITY_THRESHOLD: 'HIGH' })).toEqual(['High', 'Critical']);
    expect(await severities([], { GITLAB_CI: 'false', CS_SEVERITY_THRESHOLD: 'HIGH' })).toEqual([]);
    expect(await severities(['--ci-platform', 'none'], { GITLAB_CI: 'true', CS_SEVERITY_THRESHOLD: 'HIGH' })).toEqual([]);
  });

  test('a bad CLAIR_SCAN_CI_PLATFORM is exit 2 with a hint, before anything runs', async () => {
    expect(await runCli(['myapp:ci'], { CLAIR_SCAN_CI_PLATFORM: 'jenkins' })).toBe(2);
    expect(err).toMatch(/^error: --ci-platform \(CLAIR_SCAN_CI_PLATFORM\) is "jenkins", not a CI platform\nwhat to do: use one of auto, gitlab, github, none/);
  });

  test('a bad --ci-platform is exit 2 with commander\'s list of choices', async () => {
    expect(await runCli(['--ci-platform', 'jenkins', 'myapp:ci'], {})).toBe(2);
    expect(err).toMatch(/option '--ci-platform <platform>' argument 'jenkins' is invalid\. Allowed choices are auto, gitlab, github, none/);
  });

  test('each run decides afresh: a later run without the flag goes back to detection', async () => {
    await cliSettings(['myapp:ci', '--ci-platform', 'github'], {});
    expect(ciPlatform({})).toBe('github');
    expect(await runCli(['myapp:ci', '--fail=maybe'], {})).toBe(2);
    expect(ciPlatform({})).toBe('none');
  });
});

describe('log groups follow the chosen platform, not GITLAB_CI', () => {
  const phase = async (): Promise<void> => log.info('loading');

  test('gitlab with GITLAB_CI=false: a collapsed section', async () => {
    process.env.GITLAB_CI = 'false';
    setCiPlatform('gitlab');
    await log.group('data-load', 'Loading vulnerability data', phase);
    expect(err).toBe('\x1b[0Ksection_start:1700000000:clair_scan_data-load[collapsed=true]\r\x1b[0KLoading vulnerability data\nloading\n\x1b[0Ksection_end:1700000000:clair_scan_data-load\r\x1b[0K\n');
  });

  test('CLAIR_SCAN_CI_PLATFORM=gitlab in the environment alone is enough (a subcommand that never set it)', async () => {
    process.env.CLAIR_SCAN_CI_PLATFORM = 'gitlab';
    await log.group('data-load', 'Loading', phase);
    expect(err.startsWith('\x1b[0Ksection_start:1700000000:clair_scan_data-load[collapsed=true]')).toBe(true);
  });

  test('none with GITLAB_CI=true: plain text', async () => {
    process.env.GITLAB_CI = 'true';
    setCiPlatform('none');
    await log.group('data-load', 'Loading vulnerability data', phase);
    expect(err).toBe('loading\n');
  });

  test('github: ::group:: lines on stderr, the title escaped as a workflow command value (no second command)', async () => {
    setCiPlatform('github');
    await log.group('image-1', 'Scanning evil%0A\n::error::x', phase);
    expect(err).toBe('::group::Scanning evil%250A%0A:\u200b:error::x\nloading\n::endgroup::\n');
  });
});
