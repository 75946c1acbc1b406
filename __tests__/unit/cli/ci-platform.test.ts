/**
 * The CI platform is chosen, not sniffed (publish/platforms.ts): `--ci-platform` / `CLAIR_SCAN_CI_PLATFORM` decide the
 * GitLab behaviours (dotenv verdict, MR note and baseline, CS_SEVERITY_THRESHOLD, log sections) whatever
 * `GITLAB_CI` says — gitlab-ci-local sets GITLAB_CI=false — and `auto` keeps the old detection, plus Jenkins'.
 */
import { cliSettings, runCli } from '../../../src/cli';
import { log } from '../../../src/util/log';
import { ClairScanError } from '../../../src/util/errors';
import { currentPlatform, none, PLATFORMS, resolvePlatform, usePlatform } from '../../../src/publish/platforms';

const platform = (name: string) => PLATFORMS.find((p) => p.name === name)!;

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
  usePlatform(none);
});

afterEach(() => {
  jest.restoreAllMocks();
  usePlatform(none);
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe('resolvePlatform', () => {
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
    ['auto', { JENKINS_URL: 'https://ci.example/', BUILD_ID: '42' }, 'jenkins'],
    ['auto', { JENKINS_URL: 'https://ci.example/' }, 'none'],
    ['auto', { JENKINS_URL: ' ', BUILD_ID: '42' }, 'none'],
    ['auto', { GITLAB_CI: 'true', JENKINS_URL: 'https://ci.example/', BUILD_ID: '42' }, 'gitlab'],
    ['jenkins', {}, 'jenkins'],
  ])('%s with %j → %s', (choice, env, want) => {
    expect(resolvePlatform(choice, env).name).toBe(want);
  });

  test('an unknown platform is bad input naming the values, never a silent "none"', () => {
    const e = (() => {
      try {
        resolvePlatform('gitlab-ci', {});
      } catch (x) {
        return x;
      }
    })() as ClairScanError;
    expect(e).toBeInstanceOf(ClairScanError);
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe('--ci-platform (CLAIR_SCAN_CI_PLATFORM) is "gitlab-ci", not a CI platform');
    expect(e.hint).toBe(
      'use one of auto, gitlab, github, jenkins, none (auto: gitlab when GITLAB_CI=true, jenkins when JENKINS_URL and BUILD_ID are set, else none).',
    );
  });
});

describe('the CLI', () => {
  const severities = async (argv: string[], env: Record<string, string>): Promise<string[] | undefined> =>
    (await cliSettings(['myapp:ci', ...argv], env)).reports.severities;

  test("CLAIR_SCAN_CI_PLATFORM=gitlab applies GitLab's CS_SEVERITY_THRESHOLD although gitlab-ci-local sets GITLAB_CI=false", async () => {
    expect(
      await severities([], { GITLAB_CI: 'false', CLAIR_SCAN_CI_PLATFORM: 'gitlab', CS_SEVERITY_THRESHOLD: 'HIGH' }),
    ).toEqual(['High', 'Critical']);
  });

  test('--ci-platform gitlab does the same, and wins over the environment variable', async () => {
    expect(
      await severities(['--ci-platform', 'gitlab'], {
        GITLAB_CI: 'false',
        CLAIR_SCAN_CI_PLATFORM: 'none',
        CS_SEVERITY_THRESHOLD: 'HIGH',
      }),
    ).toEqual(['High', 'Critical']);
  });

  test("auto keeps the old detection; none turns GitLab's behaviours off even in GitLab CI", async () => {
    expect(await severities([], { GITLAB_CI: 'true', CS_SEVERITY_THRESHOLD: 'HIGH' })).toEqual(['High', 'Critical']);
    expect(await severities([], { GITLAB_CI: 'false', CS_SEVERITY_THRESHOLD: 'HIGH' })).toEqual([]);
    expect(await severities(['--ci-platform', 'none'], { GITLAB_CI: 'true', CS_SEVERITY_THRESHOLD: 'HIGH' })).toEqual(
      [],
    );
  });

  test('a bad CLAIR_SCAN_CI_PLATFORM is exit 2 with a hint, before anything runs', async () => {
    expect(await runCli(['myapp:ci'], { CLAIR_SCAN_CI_PLATFORM: 'azure' })).toBe(2);
    expect(err).toMatch(
      /^error: --ci-platform \(CLAIR_SCAN_CI_PLATFORM\) is "azure", not a CI platform\nwhat to do: use one of auto, gitlab, github, jenkins, none /,
    );
  });

  test("a bad --ci-platform is exit 2 with commander's list of choices", async () => {
    expect(await runCli(['--ci-platform', 'azure', 'myapp:ci'], {})).toBe(2);
    expect(err).toMatch(
      /option '--ci-platform <platform>' argument 'azure' is invalid\. Allowed choices are auto, gitlab, github, jenkins, none/,
    );
  });

  test('each run decides afresh: a later run without the flag goes back to detection', async () => {
    await cliSettings(['myapp:ci', '--ci-platform', 'github'], {});
    expect(currentPlatform().name).toBe('github');
    expect(await runCli(['myapp:ci', '--fail=maybe'], {})).toBe(2);
    expect(currentPlatform().name).toBe('none');
    expect(await runCli(['myapp:ci', '--fail=maybe'], { JENKINS_URL: 'http://127.0.0.1:8080/', BUILD_ID: '7' })).toBe(
      2,
    );
    expect(currentPlatform().name).toBe('jenkins');
  });

  test("a subcommand follows CLAIR_SCAN_CI_PLATFORM too (commander runs the root's preAction hook for it)", async () => {
    expect(await runCli(['cleanup'], { CLAIR_SCAN_CI_PLATFORM: 'gitlab' })).toBe(2);
    expect(err).toBe('error: cleanup needs --run-id <id> or --all\n');
    expect(currentPlatform().name).toBe('gitlab');
  });

  test('--help lists every platform of the registry and what auto detects', async () => {
    let out = '';
    (process.stdout.write as unknown as jest.SpyInstance).mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    expect(await runCli(['--help'], {})).toBe(0);
    const text = out.replace(/\s+/g, ' ');
    for (const p of PLATFORMS) expect(text).toContain(`${p.name} = ${p.help}`);
    expect(text).toContain(
      'auto (default) = gitlab when GITLAB_CI=true, jenkins when JENKINS_URL and BUILD_ID are set, else none',
    );
  });
});

describe('log groups follow the chosen platform, not GITLAB_CI', () => {
  const phase = async (): Promise<void> => log.info('loading');

  test('gitlab with GITLAB_CI=false: a collapsed section', async () => {
    process.env.GITLAB_CI = 'false';
    usePlatform(platform('gitlab'));
    await log.group('data-load', 'Loading vulnerability data', phase);
    expect(err).toBe(
      '\x1b[0Ksection_start:1700000000:clair_scan_data-load[collapsed=true]\r\x1b[0KLoading vulnerability data\nloading\n\x1b[0Ksection_end:1700000000:clair_scan_data-load\r\x1b[0K\n',
    );
  });

  test('jenkins: plain text (Jenkins has no in-log group convention)', async () => {
    usePlatform(platform('jenkins'));
    await log.group('data-load', 'Loading vulnerability data', phase);
    expect(err).toBe('loading\n');
  });

  test('none with GITLAB_CI=true: plain text', async () => {
    process.env.GITLAB_CI = 'true';
    usePlatform(platform('none'));
    await log.group('data-load', 'Loading vulnerability data', phase);
    expect(err).toBe('loading\n');
  });

  test('github: ::group:: lines on stderr, the title escaped as a workflow command value (no second command)', async () => {
    usePlatform(platform('github'));
    await log.group('image-1', 'Scanning evil%0A\n::error::x', phase);
    expect(err).toBe('::group::Scanning evil%250A%0A:\u200b:error::x\nloading\n::endgroup::\n');
  });
});
