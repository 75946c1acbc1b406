/**
 * The action's vulnerability-data cache (input `cache`, `vuln-data: online`) against a local server that speaks
 * the runner's Cache Service v2 protocol (__tests__/helpers/cache-server.ts, every request validated), with the
 * real @actions/cache client, Docker, PostgreSQL and Clair, and Clair's own Debian updater pointed at the fake
 * Debian mirror (../scan/fake-debian-source.ts): an empty cache → the updaters run and the snapshot is saved
 * under `clair-scan-vulndata-<clair>-<sets>-<YYYYMMDD>`; today's entry → restored and imported, the updaters
 * do not run; only an older day's entry → restored by the key prefix, refreshed when older than
 * `vuln-data-max-age` (and saved under today's key) or used when younger; stale and the updaters failing → the
 * stale entry is used and the reports say how old it is. Last, the bundled `dist/main/index.js` run as the
 * runner runs it (`npm run bundle` first), twice: the first run saves, the second restores.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import YAML from 'yaml';
import * as actionsCache from '@actions/cache';
import { scan } from '../../../src/scan';
import { cacheDir, cacheKey, cacheKeyPrefix, useDataCache } from '../../../src/data/cache';
import { githubDataCache } from '../../../src/data/github-cache';
import { writeSnapshot } from '../../../src/data/snapshot';
import type { ScanResult } from '../../../src/findings/model';
import { setLogger } from '../../../src/util/log';
import { CacheServer } from '../../helpers/cache-server';
import { loadTestEnv, REPO_ROOT } from '../../helpers/testenv';
import { testTempDir } from '../../helpers/tmp';
import { FakeDebianSource, startFakeDebianSource, TrackerJson } from '../scan/fake-debian-source';
import { BUNDLE, DEBIAN_VULN_FINDINGS, findingLines, fixture, settingsFor } from '../scan/helpers';
import { trackRuns } from '../../helpers/runs';

const env = loadTestEnv();
const TRACKER: TrackerJson = {
  openssl: {
    'CVE-2098-0001': {
      description: 'FAKE: openssl',
      releases: { bookworm: { status: 'resolved', fixed_version: '3.0.13-1~deb12u1', urgency: 'high' } },
    },
  },
  zlib: {
    'CVE-2098-0002': {
      description: 'FAKE: zlib, no fix',
      releases: { bookworm: { status: 'open', urgency: 'unimportant' } },
    },
  },
};
const TRACKER_FINDINGS = [
  'CVE-2098-0001 libssl3 3.0.11-1~deb12u2 Critical 3.0.13-1~deb12u1',
  'CVE-2098-0002 zlib1g 1:1.2.13.dfsg-1 Low -',
];
const DAY = 24 * 3600_000;
const MAIN = path.join(process.env.CLAIR_SCAN_DIST ?? path.join(REPO_ROOT, 'dist'), 'main', 'index.js');

let server: CacheServer;
let source: FakeDebianSource | undefined;
let runnerTemp: string;
let logs: string[];
const saved: Record<string, string | undefined> = {};
const track = trackRuns({ after: 'manual' });

beforeEach(async () => {
  server = new CacheServer();
  await server.start();
  runnerTemp = testTempDir('cs-e2e-cache-');
  // What the runner gives an action's step; @actions/cache reads them from process.env when called.
  const vars = { ...server.env(), RUNNER_TEMP: runnerTemp, GITHUB_WORKSPACE: runnerTemp };
  for (const [k, v] of Object.entries(vars)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  logs = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (logs.push(String(s)), true));
  setLogger({
    info: (m) => logs.push(`${m}\n`),
    warn: (m) => logs.push(`warning: ${m}\n`),
    debug: () => undefined,
    mask: () => undefined,
  });
  useDataCache(githubDataCache());
});

afterEach(async () => {
  useDataCache(undefined);
  jest.restoreAllMocks();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await source?.close();
  source = undefined;
  await server.stop();
  expect(server.problems).toEqual([]);
  // The cache dir is emptied after every run (the snapshot is in Clair by then).
  expect(fs.existsSync(cacheDir({ RUNNER_TEMP: runnerTemp }))).toBe(false);
  track.expectClean();
});

function clairConfig(s: FakeDebianSource): string {
  const file = path.join(runnerTemp, 'clair.json');
  fs.writeFileSync(file, JSON.stringify(s.clairConfig()));
  return file;
}

async function onlineScan(s: FakeDebianSource, inputs: Record<string, string> = {}) {
  return scan(
    settingsFor([fixture('debian-vuln')], {
      'vuln-data': 'online',
      'clair-config': clairConfig(s),
      formats: 'json,markdown',
      fail: 'false',
      ...inputs,
    }),
    track,
  );
}

/** A value from the runner's GITHUB_OUTPUT file (`name=value` or `name<<DELIM` … `DELIM`). */
function outputValue(text: string, name: string): string | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith(`${name}=`)) return lines[i].slice(name.length + 1);
    const m = new RegExp(`^${name}<<(.+)$`).exec(lines[i]);
    if (m) {
      const end = lines.indexOf(m[1], i + 1);
      return lines.slice(i + 1, end).join('\n');
    }
  }
  return undefined;
}

const trackerFetches = (s: FakeDebianSource) => s.requests.filter((r) => r.path === '/tracker/data/json').length;
const today = () => cacheKey(env.clairVersion, ['debian']);

/** An entry of an older day as an earlier run would have saved it: the fixture bundle, created `ageMs` ago. */
async function seedOlderEntry(ageMs: number): Promise<string> {
  const created = new Date(Date.now() - ageMs);
  const dir = cacheDir();
  await writeSnapshot(
    Readable.from([execFileSync('zstd', ['-q', '-c', BUNDLE])]),
    path.join(dir, 'clair-data.json.zst'),
    { updaterSets: ['debian'], clairVersion: env.clairVersion, createdAt: created },
  );
  const key = cacheKey(env.clairVersion, ['debian'], created);
  expect(await actionsCache.saveCache([dir], key)).toBeGreaterThan(0);
  fs.rmSync(dir, { recursive: true, force: true });
  server.requests.length = 0;
  return key;
}

describe('vulnerability-data cache of the action (Cache Service v2)', () => {
  it("empty cache: the updaters run, the snapshot is saved under today's key; next run: restored, the updaters do not run", async () => {
    source = await startFakeDebianSource({ tracker: TRACKER });
    const first = await onlineScan(source);
    expect(findingLines(first.result.images[0])).toEqual(TRACKER_FINDINGS);
    expect(trackerFetches(source)).toBe(1);
    expect(today()).toMatch(
      new RegExp(`^clair-scan-vulndata-${env.clairVersion.replace(/\./g, '\\.')}-debian-\\d{8}$`),
    );
    expect(today().endsWith(new Date().toISOString().slice(0, 10).replace(/-/g, ''))).toBe(true);
    expect(server.keys()).toEqual([today()]);
    expect(server.requests.map((r) => r.op)).toEqual([
      'GetCacheEntryDownloadURL',
      'CreateCacheEntry',
      'blob-put',
      'FinalizeCacheEntryUpload',
    ]);
    expect(server.requests[0]).toMatchObject({
      key: today(),
      restoreKeys: [cacheKeyPrefix(env.clairVersion, ['debian'])],
    });
    expect(logs.join('')).toMatch(
      new RegExp(`Saved the vulnerability data \\(2 records\\) to the cache as ${today()}`),
    );

    server.requests.length = 0;
    const second = await onlineScan(source);
    expect(findingLines(second.result.images[0])).toEqual(TRACKER_FINDINGS);
    expect(trackerFetches(source)).toBe(1); // not fetched again
    expect(server.requests.map((r) => r.op)).toEqual(['GetCacheEntryDownloadURL', 'blob-get']);
    expect(logs.join('')).toMatch(
      new RegExp(
        `Using cached vulnerability data ${today()} \\(\\d+ s old, 2 records\\) instead of running Clair's updaters`,
      ),
    );
    expect(server.keys()).toEqual([today()]);
  });

  it("only an older day's entry, older than vuln-data-max-age: restored by the prefix, refreshed by the updaters, saved under today's key", async () => {
    const old = await seedOlderEntry(2 * DAY);
    source = await startFakeDebianSource({ tracker: TRACKER });
    const o = await onlineScan(source, { 'vuln-data-max-age': '24h' });
    expect(findingLines(o.result.images[0])).toEqual(TRACKER_FINDINGS);
    expect(trackerFetches(source)).toBe(1);
    expect(logs.join('')).toMatch(
      new RegExp(`The cached vulnerability data ${old} is 2 d old, older than 24 h: refreshing it`),
    );
    expect(server.keys()).toEqual([old, today()]);
    expect(server.requests.map((r) => r.op)).toEqual([
      'GetCacheEntryDownloadURL',
      'blob-get',
      'CreateCacheEntry',
      'blob-put',
      'FinalizeCacheEntryUpload',
    ]);
  });

  it("an older day's entry within vuln-data-max-age is used as it is", async () => {
    const old = await seedOlderEntry(2 * DAY);
    source = await startFakeDebianSource({ tracker: TRACKER });
    const o = await onlineScan(source, { 'vuln-data-max-age': '3d' });
    expect(findingLines(o.result.images[0])).toEqual(DEBIAN_VULN_FINDINGS);
    expect(trackerFetches(source)).toBe(0);
    expect(server.keys()).toEqual([old]);
    expect(server.requests.map((r) => r.op)).toEqual(['GetCacheEntryDownloadURL', 'blob-get']);
  });

  it('an entry dated in the future is passed over with a notice (it would look fresh forever): the updaters run', async () => {
    const future = await seedOlderEntry(-2 * DAY);
    source = await startFakeDebianSource({ tracker: TRACKER });
    const o = await onlineScan(source, { 'vuln-data-max-age': '3d' });
    expect(findingLines(o.result.images[0])).toEqual(TRACKER_FINDINGS);
    expect(trackerFetches(source)).toBe(1);
    expect(logs.join('')).toMatch(
      new RegExp(
        `warning: The cached vulnerability data \\(${future}\\) is unusable \\(snapshot manifest .* says it was created at .*, in the future \\(now .*\\)\\); Clair's updaters will run\\.`,
      ),
    );
    expect(server.keys()).toEqual([future, today()]);
  });

  it('stale and the updaters fail: the stale entry is used and the JSON report and Markdown summary say how old it is', async () => {
    const old = await seedOlderEntry(2 * DAY + 3 * 3600_000);
    source = await startFakeDebianSource({ tracker: TRACKER, trackerStatus: 500 });
    const o = await onlineScan(source, { 'vuln-data-max-age': '24h' });
    expect(findingLines(o.result.images[0])).toEqual(DEBIAN_VULN_FINDINGS);
    const json = JSON.parse(fs.readFileSync(o.reports.json as string, 'utf8')) as ScanResult;
    const note = (json.images[0].notes ?? []).find((n) => n.includes(old));
    expect(note).toMatch(
      new RegExp(
        `^Clair's updaters failed \\(.+\\), so the cached vulnerability data ${old} \\(2 d 3 h old, created .+\\) was used`,
      ),
    );
    expect(fs.readFileSync(o.reports.markdown as string, 'utf8')).toContain('2 d 3 h old');
    expect(server.keys()).toEqual([old]);
  });

  it('the bundled action (dist/main/index.js) as the runner runs it: the first run saves, the second restores', async () => {
    // Fails rather than skips: a missing bundle must not pass as a green suite.
    if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run bundle\` first`);
    source = await startFakeDebianSource({ tracker: TRACKER });
    const cfg = clairConfig(source);
    const action = YAML.parse(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
    };
    const run = async (): Promise<{ code: number | null; out: string; outputs: string }> => {
      const dir = testTempDir('cs-e2e-cache-action-');
      const reportDir = path.join(dir, 'reports');
      const inputs: Record<string, string> = {};
      for (const [name, def] of Object.entries(action.inputs))
        inputs[`INPUT_${name.toUpperCase()}`] =
          def.default === '${{ github.token }}' ? 'ghs_unused' : (def.default ?? '');
      Object.assign(inputs, {
        INPUT_IMAGE: fixture('debian-vuln'),
        'INPUT_CLAIR-IMAGE': env.clairImage,
        'INPUT_POSTGRES-IMAGE': env.postgresImage,
        INPUT_PULL: 'never',
        'INPUT_VULN-DATA': 'online',
        // Online mode would fetch the published KEV/EPSS files from the internet when these are empty.
        'INPUT_KEV-DATA': 'none',
        'INPUT_EPSS-DATA': 'none',
        'INPUT_CLAIR-CONFIG': cfg,
        'INPUT_OUTPUT-DIR': reportDir,
        INPUT_FORMATS: 'json',
        INPUT_FAIL: 'false',
        INPUT_COMMENT: 'false',
        'INPUT_UPLOAD-ARTIFACT': 'false',
      });
      for (const f of ['output', 'summary', 'state']) fs.writeFileSync(path.join(dir, f), '');
      const keep = Object.fromEntries(
        ['PATH', 'HOME', 'LANG', 'DOCKER_HOST', 'TMPDIR']
          .filter((k) => process.env[k])
          .map((k) => [k, process.env[k] as string]),
      );
      const childEnv = {
        ...keep,
        ...inputs,
        ...server.env(),
        GITHUB_ACTIONS: 'true',
        CI: 'true',
        GITHUB_EVENT_NAME: 'push',
        GITHUB_REPOSITORY: 'acme/widgets',
        GITHUB_WORKFLOW: 'Container scan',
        GITHUB_JOB: 'scan',
        GITHUB_RUN_ID: '1234',
        GITHUB_OUTPUT: path.join(dir, 'output'),
        GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
        GITHUB_STATE: path.join(dir, 'state'),
        GITHUB_WORKSPACE: dir,
        RUNNER_TEMP: runnerTemp,
      };
      const child = spawn(process.execPath, [MAIN], { cwd: dir, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += String(d)));
      child.stderr.on('data', (d) => (out += String(d)));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      const id = /Run ([a-z0-9]+-[a-z0-9]+) /.exec(out)?.[1];
      if (id) track.add(id);
      return { code, out, outputs: fs.readFileSync(path.join(dir, 'output'), 'utf8') };
    };
    const first = await run();
    expect({ code: first.code, out: first.code === 0 ? '' : first.out }).toEqual({ code: 0, out: '' });
    expect(outputValue(first.outputs, 'total')).toBe('2');
    expect(first.out).toContain(`Saved the vulnerability data (2 records) to the cache as ${today()}`);
    expect(server.keys()).toEqual([today()]);
    expect(trackerFetches(source)).toBe(1);

    const second = await run();
    expect({ code: second.code, out: second.code === 0 ? '' : second.out }).toEqual({ code: 0, out: '' });
    expect(outputValue(second.outputs, 'total')).toBe('2');
    expect(second.out).toContain(`Using cached vulnerability data ${today()}`);
    expect(trackerFetches(source)).toBe(1);
    expect(server.requests.map((r) => r.op)).toEqual([
      'GetCacheEntryDownloadURL',
      'CreateCacheEntry',
      'blob-put',
      'FinalizeCacheEntryUpload',
      'GetCacheEntryDownloadURL',
      'blob-get',
    ]);
  });
});
