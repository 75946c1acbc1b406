/**
 * `clair-scan data export` with the real Clair and PostgreSQL of the test environment: Clair's own Debian updater
 * runs against the fake Debian mirror + security tracker on 127.0.0.1 (the internet is unreachable here, as
 * behind a firewall; see __tests__/e2e/scan/fake-debian-source.ts), the bundle is copied out of the container and
 * written as a snapshot — and a scan that uses that snapshot finds exactly what the tracker says.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli';
import { scan } from '../../../src/scan';
import { manifestPathFor, scanBundle, SnapshotManifest } from '../../../src/data/snapshot';
import { setLogger } from '../../../src/util/log';
import { loadTestEnv } from '../../helpers/testenv';
import { FakeDebianSource, startFakeDebianSource, TrackerJson } from '../scan/fake-debian-source';
import { findingLines, fixture, settingsFor } from '../scan/helpers';
import { trackRuns } from '../../helpers/runs';

const TRACKER: TrackerJson = {
  openssl: {
    'CVE-2098-0001': {
      description: 'FAKE: openssl (not a real vulnerability)',
      releases: {
        bookworm: { status: 'resolved', fixed_version: '3.0.13-1~deb12u1', urgency: 'high' },
        bullseye: { status: 'resolved', fixed_version: '1.1.1w-0+deb11u1', urgency: 'high' },
      },
    },
  },
  zlib: {
    'CVE-2098-0002': {
      description: 'FAKE: zlib, no fix',
      releases: { bookworm: { status: 'open', urgency: 'unimportant' } },
    },
  },
  nginx: {
    'CVE-2098-0008': {
      description: 'FAKE: nginx, not installed',
      releases: { bookworm: { status: 'open', urgency: 'high' } },
    },
  },
};

const env = loadTestEnv();
let dir: string;
let source: FakeDebianSource | undefined;
let logs: string[];
const track = trackRuns({ after: 'manual' });

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-e2e-data-export-'));
  logs = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (logs.push(String(s)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (logs.push(String(s)), true));
  setLogger({
    info: (m) => {
      logs.push(`${m}\n`);
      const id = /^Run ([a-z0-9-]+) /.exec(m)?.[1];
      if (id) track.add(id);
    },
    warn: (m) => logs.push(`warning: ${m}\n`),
    debug: () => undefined,
    mask: () => undefined,
  });
});

afterEach(async () => {
  jest.restoreAllMocks();
  await source?.close();
  source = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
  expect(track.ids.length).toBeGreaterThanOrEqual(1);
  track.expectClean();
});

function exportArgs(s: FakeDebianSource, out: string): string[] {
  const cfg = path.join(dir, 'clair.json');
  fs.writeFileSync(cfg, JSON.stringify(s.clairConfig()));
  return [
    'data',
    'export',
    '--updaters',
    'debian',
    '--out',
    out,
    '--clair-config',
    cfg,
    '--clair-image',
    env.clairImage,
    '--postgres-image',
    env.postgresImage,
    '--pull',
    'never',
  ];
}

describe('data export', () => {
  it("runs Clair's Debian updater, writes bundle + manifest, and a scan with that snapshot reports what the tracker says", async () => {
    source = await startFakeDebianSource({ tracker: TRACKER });
    const out = path.join(dir, 'data', 'clair-data.json.zst');
    const code = await runCli(exportArgs(source, out), {});
    expect({ code, logs: code ? logs.join('') : '' }).toEqual({ code: 0, logs: '' });
    expect(source.requests.map((r) => r.path)).toContain('/tracker/data/json');

    const m = JSON.parse(fs.readFileSync(manifestPathFor(out), 'utf8')) as SnapshotManifest;
    const scanned = await scanBundle(out);
    // bookworm: openssl, zlib, nginx; bullseye: openssl — one record each, all from the one Debian updater.
    expect(m).toEqual({
      format: 'clair-scan-snapshot',
      formatVersion: 1,
      tool: expect.stringMatching(/^clair-scan /),
      createdAt: expect.any(String),
      clairVersion: env.clairVersion,
      updaterSets: ['debian'],
      updaters: [{ name: 'debian/updater', fingerprint: expect.any(String), date: expect.any(String), records: 4 }],
      records: 4,
      bundle: { file: 'clair-data.json.zst', compression: 'zstd', sha256: scanned.sha256, size: fs.statSync(out).size },
    });
    expect(Date.now() - Date.parse(m.createdAt)).toBeLessThan(10 * 60_000);
    expect(fs.readdirSync(path.dirname(out)).sort()).toEqual([
      'clair-data.json.zst',
      'clair-data.json.zst.manifest.json',
    ]);
    expect(logs.join('')).toMatch(/Wrote .*clair-data\.json\.zst \(.*4 records from debian\/updater: 4\)/);

    // The snapshot is what a scan loads: exact findings for the Debian fixture, offline.
    const outcome = await scan(settingsFor([fixture('debian-vuln')], { 'vuln-data': out, formats: 'json' }), track);
    expect(findingLines(outcome.result.images[0])).toEqual([
      'CVE-2098-0001 libssl3 3.0.11-1~deb12u2 Critical 3.0.13-1~deb12u1',
      'CVE-2098-0002 zlib1g 1:1.2.13.dfsg-1 Low -',
    ]);
  });

  it('a broken source: exit 2 naming the failing updater, no snapshot written, containers removed', async () => {
    source = await startFakeDebianSource({ tracker: TRACKER, trackerStatus: 500 });
    const out = path.join(dir, 'clair-data.json.gz');
    expect(await runCli(exportArgs(source, out), {})).toBe(2);
    const text = logs.join('');
    expect(text).toContain("error: Clair's updaters failed for debian (exit 1)");
    expect(text).toMatch(/debian\/updater: unexpected response: 500 Internal Server Error/);
    expect(fs.readdirSync(dir)).toEqual(['clair.json']);
  });

  it('bad arguments fail before anything starts', async () => {
    expect(await runCli(['data', 'export', '--out', path.join(dir, 'x.json')], {})).toBe(2);
    expect(logs.join('')).toMatch(/error: no updater sets were given/);
    logs = [];
    expect(await runCli(['data', 'export', '--updaters', 'debian', '--out', path.join(dir, 'x.tar')], {})).toBe(2);
    expect(logs.join('')).toMatch(/must end in \.json, \.json\.gz or \.json\.zst/);
    track.add('none-started');
  });
});
