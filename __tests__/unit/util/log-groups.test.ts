/**
 * Collapsible groups in the CI log (util/log.ts `log.group`, used by the phase timer of environment/run.ts):
 * the exact output of each of the three loggers — the action's (@actions/core: ::group:: / ::endgroup:: on
 * stdout), the CLI's following GitLab (section_start / section_end escapes on stderr), the CLI's plain one — and
 * that a group closes when its phase throws, and never nests.
 */
import { log, setLogger, type Logger } from '../../../src/util/log';
import { gitlabSections } from '../../../src/publish/gitlab/platform';
import { none, resolvePlatform, usePlatform } from '../../../src/publish/platforms';
import { useActionsLogger } from '../../../src/action/runtime';
import { startRun } from '../../../src/environment/run';
import type { Settings } from '../../../src/inputs/settings';

let out: { stdout: string; stderr: string };
let original: Logger;
const savedGitlab = process.env.GITLAB_CI;

beforeEach(() => {
  out = { stdout: '', stderr: '' };
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.stdout += String(chunk);
    return true;
  });
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.stderr += String(chunk);
    return true;
  });
  jest.spyOn(Date, 'now').mockReturnValue(1_700_000_000_123);
  delete process.env.GITLAB_CI;
  // The default (stderr) logger: remembered so each test can put it back.
  original = setLogger({ info: () => undefined, warn: () => undefined, debug: () => undefined, mask: () => undefined });
  setLogger(original);
});

afterEach(() => {
  setLogger(original);
  usePlatform(none);
  jest.restoreAllMocks();
  if (savedGitlab === undefined) delete process.env.GITLAB_CI;
  else process.env.GITLAB_CI = savedGitlab;
});

const phase = async (): Promise<number> => {
  log.info('Copying vulnerability data …');
  log.info('Loading vulnerability data: 120,000 records, 10 s elapsed …');
  return 42;
};

const failing = async (): Promise<never> => {
  log.info('Loading vulnerability data …');
  throw new Error('clairctl import-updaters failed');
};

describe('GitHub Actions (the action logger)', () => {
  beforeEach(() => useActionsLogger());

  test('a group is ::group::title … ::endgroup:: on stdout', async () => {
    await expect(log.group('data-load', 'Loading vulnerability data', phase)).resolves.toBe(42);
    expect(out.stdout).toBe(
      '::group::Loading vulnerability data\nCopying vulnerability data …\nLoading vulnerability data: 120,000 records, 10 s elapsed …\n::endgroup::\n',
    );
    expect(out.stderr).toBe('');
  });

  test('a phase that throws still closes its group; the next group opens again', async () => {
    await expect(log.group('data-load', 'Loading vulnerability data', failing)).rejects.toThrow(
      'clairctl import-updaters failed',
    );
    await log.group('reports', 'Writing reports', async () => log.info('done'));
    expect(out.stdout).toBe(
      '::group::Loading vulnerability data\nLoading vulnerability data …\n::endgroup::\n::group::Writing reports\ndone\n::endgroup::\n',
    );
  });

  test('groups never nest (GitHub does not support it): an inner group just runs', async () => {
    await log.group('image-1', 'Scanning alpine:3.19', async () => {
      log.info('outer');
      await log.group('data-load', 'Loading vulnerability data', async () => log.info('inner'));
      log.info('after');
    });
    expect(out.stdout).toBe('::group::Scanning alpine:3.19\nouter\ninner\nafter\n::endgroup::\n');
  });
});

describe('GitLab CI (the CLI following gitlab, as `auto` does with GITLAB_CI=true)', () => {
  beforeEach(() => {
    usePlatform(resolvePlatform('auto', { GITLAB_CI: 'true' }));
  });

  test('a group is a collapsed section on stderr, marked with the Unix time', async () => {
    await expect(log.group('data-load', 'Loading vulnerability data', phase)).resolves.toBe(42);
    expect(out.stderr).toBe(
      '\x1b[0Ksection_start:1700000000:clair_scan_data-load[collapsed=true]\r\x1b[0KLoading vulnerability data\n' +
        'Copying vulnerability data …\nLoading vulnerability data: 120,000 records, 10 s elapsed …\n' +
        '\x1b[0Ksection_end:1700000000:clair_scan_data-load\r\x1b[0K\n',
    );
    expect(out.stdout).toBe('');
  });

  test('a phase that throws still closes its section', async () => {
    await expect(log.group('image-1', 'Scanning alpine:3.19', failing)).rejects.toThrow(
      'clairctl import-updaters failed',
    );
    expect(out.stderr).toBe(
      '\x1b[0Ksection_start:1700000000:clair_scan_image-1[collapsed=true]\r\x1b[0KScanning alpine:3.19\n' +
        'Loading vulnerability data …\n' +
        '\x1b[0Ksection_end:1700000000:clair_scan_image-1\r\x1b[0K\n',
    );
  });

  test('section names keep to the characters GitLab allows; the end carries its own time', () => {
    let now = 1_700_000_000_000;
    const lines: string[] = [];
    const s = gitlabSections(
      (t) => lines.push(t),
      () => now,
    );
    s.startGroup('image 2/registry:5000', 'Scanning registry:5000/app:1');
    now += 61_500;
    s.endGroup('image 2/registry:5000');
    expect(lines).toEqual([
      '\x1b[0Ksection_start:1700000000:clair_scan_image_2_registry_5000[collapsed=true]\r\x1b[0KScanning registry:5000/app:1\n',
      '\x1b[0Ksection_end:1700000061:clair_scan_image_2_registry_5000\r\x1b[0K\n',
    ]);
  });

  test('GITLAB_CI other than "true" is plain text', async () => {
    usePlatform(resolvePlatform('auto', { GITLAB_CI: 'false' }));
    await log.group('data-load', 'Loading vulnerability data', phase);
    expect(out.stderr).toBe(
      'Copying vulnerability data …\nLoading vulnerability data: 120,000 records, 10 s elapsed …\n',
    );
  });
});

describe('plain text (the CLI elsewhere)', () => {
  test('no markers: just the lines', async () => {
    await expect(log.group('data-load', 'Loading vulnerability data', phase)).resolves.toBe(42);
    expect(out.stderr).toBe(
      'Copying vulnerability data …\nLoading vulnerability data: 120,000 records, 10 s elapsed …\n',
    );
    expect(out.stdout).toBe('');
  });

  test('a phase that throws leaves nothing open', async () => {
    await expect(log.group('data-load', 'Loading vulnerability data', failing)).rejects.toThrow(
      'clairctl import-updaters failed',
    );
    usePlatform(resolvePlatform('auto', { GITLAB_CI: 'true' }));
    await log.group('reports', 'Writing reports', async () => undefined);
    expect(out.stderr).toBe(
      'Loading vulnerability data …\n' +
        '\x1b[0Ksection_start:1700000000:clair_scan_reports[collapsed=true]\r\x1b[0KWriting reports\n' +
        '\x1b[0Ksection_end:1700000000:clair_scan_reports\r\x1b[0K\n',
    );
  });
});

describe('the phase timer (environment/run.ts): long top-level phases are groups', () => {
  const settings = {
    dockerHost: undefined,
    startupTimeoutSec: 60,
    dataTimeoutSec: 60,
    scanTimeoutSec: 60,
    reports: { outputDir: '.' },
  } as unknown as Settings;
  beforeEach(() => useActionsLogger());

  test('start-postgres, start-clair, data-load open a group; short phases do not; timings are kept', async () => {
    const run = startRun(settings);
    await run.time('preflight', async () => log.info('checked'));
    await run.time('start-postgres', async () => log.info('pg ready'));
    await run.time('data-load', phase);
    await run.time('policy', async () => log.info('policy'));
    expect(out.stdout).toBe(
      'checked\n::group::Starting PostgreSQL\npg ready\n::endgroup::\n' +
        '::group::Loading vulnerability data\nCopying vulnerability data …\nLoading vulnerability data: 120,000 records, 10 s elapsed …\n::endgroup::\npolicy\n',
    );
    expect(Object.keys(run.timings)).toEqual(['preflight', 'start-postgres', 'data-load', 'policy']);
  });

  test('a phase that throws (or misses its deadline) closes its group before the error is reported', async () => {
    const run = startRun(settings);
    await expect(run.time('start-clair', failing)).rejects.toThrow('clairctl import-updaters failed');
    log.info('error: …');
    expect(out.stdout).toBe('::group::Starting Clair\nLoading vulnerability data …\n::endgroup::\nerror: …\n');
  });

  test('a grouped phase inside an open group (e.g. data loaded while scanning an image) opens none', async () => {
    const run = startRun(settings);
    await log.group('image-1', 'Scanning alpine:3.19', () => run.time('data-load', async () => log.info('fetching')));
    expect(out.stdout).toBe('::group::Scanning alpine:3.19\nfetching\n::endgroup::\n');
  });
});
