/**
 * vuln-data snapshots through the whole scan: the fixture bundle pushed with `clair-scan data push` to the real
 * test registry (htpasswd auth) and scanned with `vuln-data: oci://…` by the full `scan()` (real Docker, PostgreSQL,
 * Clair); a snapshot older than `vuln-data-max-age` that cannot be refreshed named with its age in the JSON report
 * and the Markdown summary; one that CAN be refreshed, refreshed online by Clair's Debian updater against the fake
 * Debian mirror (see ../scan/fake-debian-source.ts) and its fresh data used; an unreachable registry and a corrupt
 * snapshot end in exit 2 — never in a clean report.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { request } from 'undici';
import { runCli } from '../../../src/cli';
import { scan } from '../../../src/scan';
import { SnapshotManifest, writeSnapshot } from '../../../src/data/snapshot';
import { ARTIFACT_TYPE } from '../../../src/data/oci';
import { UNAUTHENTICATED_NOTE } from '../../../src/data/signing';
import { EOL_NOT_CHECKED_NOTE } from '../../../src/policy/compliance/eol';
import type { ScanResult } from '../../../src/findings/model';
import { setLogger } from '../../../src/util/log';
import { loadTestEnv } from '../../helpers/testenv';
import { testTempDir } from '../../helpers/tmp';
import { FakeDebianSource, startFakeDebianSource, TrackerJson } from '../scan/fake-debian-source';
import { BUNDLE, DEBIAN_VULN_FINDINGS, expectScanError, findingLines, fixture, settingsFor } from '../scan/helpers';
import { trackRuns } from '../../helpers/runs';

const reg = loadTestEnv().registry;
const basic = `Basic ${Buffer.from(`${reg.username}:${reg.password}`).toString('base64')}`;
const repo = `clair-scan-test/scan-data-${randomBytes(4).toString('hex')}`;
// The fixture images name the registry "localhost" (read from the daemon): registry-host binds the credentials to
// the data's registry, as credentials go to one registry only (the first image's by default).
const creds = { 'registry-username': reg.username, 'registry-password': reg.password, 'registry-host': reg.address };

/** FAKE tracker data (CVE-2098-*), distinct from the snapshot's CVE-2099-*: what a refresh must bring. */
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

let dir: string;
let logs: string[];
let source: FakeDebianSource | undefined;
const track = trackRuns({ after: 'manual' });

beforeEach(() => {
  dir = testTempDir('cs-e2e-scan-data-');
  logs = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (logs.push(String(s)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (logs.push(String(s)), true));
  setLogger({
    info: (m) => logs.push(`${m}\n`),
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
  track.expectClean();
});

/** The fixture bundle as a snapshot (gzip, manifest beside it) created at `createdAt`, pushed with `data push`. */
async function pushSnapshot(tag: string, createdAt: Date, updaterSets: string[]): Promise<string> {
  const file = path.join(dir, `${tag}`, 'clair-data.json.gz');
  await writeSnapshot(Readable.from([zlib.gzipSync(fs.readFileSync(BUNDLE))]), file, {
    updaterSets,
    createdAt,
    clairVersion: 'v4.9.0',
  });
  const ref = `oci://${reg.address}/${repo}:${tag}`;
  const code = await runCli(['data', 'push', ref, file], {
    CLAIR_SCAN_REGISTRY_USERNAME: reg.username,
    CLAIR_SCAN_REGISTRY_PASSWORD: reg.password,
  });
  expect({ code, logs: code ? logs.join('') : '' }).toEqual({ code: 0, logs: '' });
  return ref;
}

function readJsonReport(outcome: { reports: { json?: string } }): ScanResult {
  return JSON.parse(fs.readFileSync(outcome.reports.json as string, 'utf8')) as ScanResult;
}

async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', () => resolve()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

async function putBlob(data: Buffer): Promise<string> {
  const digest = `sha256:${createHash('sha256').update(data).digest('hex')}`;
  const start = await request(`${reg.url}/v2/${repo}/blobs/uploads/`, {
    method: 'POST',
    headers: { authorization: basic },
  });
  await start.body.dump();
  expect(start.statusCode).toBe(202);
  const loc = new URL(String(start.headers.location), reg.url);
  loc.searchParams.set('digest', digest);
  const put = await request(`${reg.url}${loc.pathname}${loc.search}`, {
    method: 'PUT',
    headers: { authorization: basic, 'content-type': 'application/octet-stream' },
    body: data,
  });
  await put.body.dump();
  expect(put.statusCode).toBe(201);
  return digest;
}

describe('scan with vuln-data: oci://… from the test registry', () => {
  it('a fresh snapshot pushed with `data push`: exact findings, nothing said about its age', async () => {
    const ref = await pushSnapshot('fresh', new Date(), ['debian', 'alpine', 'osv']);
    const outcome = await scan(
      settingsFor([fixture('debian-vuln')], {
        'vuln-data': ref,
        'vuln-data-max-age': '24h',
        formats: 'json,markdown',
        ...creds,
      }),
      track,
    );
    expect(findingLines(outcome.result.images[0])).toEqual(DEBIAN_VULN_FINDINGS);
    expect(outcome.exitCode).toBe(1); // a Critical finding, default gate
    expect(logs.join('')).toMatch(new RegExp(`Pulled ${reg.address.replace(/\./g, '\\.')}/${repo}:fresh to `));
    expect(logs.join('')).not.toMatch(/older than vuln-data-max-age/);
    const json = readJsonReport(outcome);
    // Nothing about its age; only that it is unauthenticated (no vuln-data-public-key).
    expect(json.images[0].notes).toEqual([UNAUTHENTICATED_NOTE, EOL_NOT_CHECKED_NOTE]);
    expect(fs.readFileSync(outcome.reports.markdown as string, 'utf8')).not.toMatch(/vuln-data-max-age/);
  });

  it('stale and no way to refresh it (its source is unreachable): used, and the JSON report and the Markdown summary name its age', async () => {
    const createdAt = new Date(Date.now() - 50 * 3600_000);
    const ref = await pushSnapshot('stale', createdAt, ['debian']);
    // Clair's Debian updater pointed at a closed loopback port: the refresh fails as it would behind a firewall.
    const port = await closedPort();
    const cfg = path.join(dir, 'clair.json');
    fs.writeFileSync(
      cfg,
      JSON.stringify({
        updaters: {
          config: {
            debian: { mirror_url: `http://127.0.0.1:${port}/`, json_url: `http://127.0.0.1:${port}/tracker/data/json` },
          },
        },
      }),
    );
    const outcome = await scan(
      settingsFor([fixture('debian-vuln')], {
        'vuln-data': ref,
        'vuln-data-max-age': '24h',
        'clair-config': cfg,
        formats: 'json,markdown',
        fail: 'false',
        ...creds,
      }),
      track,
    );
    expect(findingLines(outcome.result.images[0])).toEqual(DEBIAN_VULN_FINDINGS);
    expect(outcome.exitCode).toBe(0); // report-only
    const age = new RegExp(
      `The vulnerability data \\(${ref.replace(/[./]/g, (c) => `\\${c}`)}\\) is 2 d 2 h old \\(created ${createdAt.toISOString().replace(/\./g, '\\.')}\\), older than vuln-data-max-age \\(24 h\\); refreshing it online failed: .+\\. It was used anyway`,
    );
    const json = readJsonReport(outcome);
    expect((json.images[0].notes ?? []).filter((n) => age.test(n))).toHaveLength(1);
    const md = fs.readFileSync(outcome.reports.markdown as string, 'utf8');
    expect(md).toMatch(/2 d 2 h old/);
    expect(md).toMatch(/older than vuln-data-max-age/);
    expect(logs.join('')).toMatch(/warning: The vulnerability data .* is 2 d 2 h old/);
  });

  it("stale but refreshable: Clair's Debian updater refreshes it from the (fake) source; the fresh data is used, nothing is said to be stale", async () => {
    source = await startFakeDebianSource({ tracker: TRACKER });
    const ref = await pushSnapshot('refresh', new Date(Date.now() - 72 * 3600_000), ['debian']);
    const cfg = path.join(dir, 'clair.json');
    fs.writeFileSync(cfg, JSON.stringify(source.clairConfig()));
    const outcome = await scan(
      settingsFor([fixture('debian-vuln')], {
        'vuln-data': ref,
        'vuln-data-max-age': '1d',
        'clair-config': cfg,
        formats: 'json,markdown',
        ...creds,
      }),
      track,
    );
    // Only what the tracker says: the snapshot's CVE-2099-* records were replaced by the refreshed data.
    expect(findingLines(outcome.result.images[0])).toEqual(TRACKER_FINDINGS);
    expect(source.requests.map((r) => r.path)).toContain('/tracker/data/json');
    expect(logs.join('')).toMatch(
      /older than vuln-data-max-age \(24 h\): refreshing it online \(updater sets debian\)/,
    );
    expect(logs.join('')).toMatch(/Refreshed the vulnerability data online \(2 records\)/);
    const json = readJsonReport(outcome);
    expect((json.images[0].notes ?? []).join('\n')).not.toMatch(/old|stale|vuln-data-max-age/);
    expect(fs.readFileSync(outcome.reports.markdown as string, 'utf8')).not.toMatch(/vuln-data-max-age/);
  });

  it('an unreachable registry (a closed loopback port): exit 2 naming it, no report written', async () => {
    const port = await closedPort();
    const settings = settingsFor([fixture('debian-vuln')], {
      'vuln-data': `oci://127.0.0.1:${port}/clair-scan-test/data:latest`,
      formats: 'json',
    });
    const err = await expectScanError(scan(settings, track));
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(
      new RegExp(
        `cannot reach the registry 127\\.0\\.0\\.1:${port} at http://127\\.0\\.0\\.1:${port}/v2/clair-scan-test/data/manifests/latest: .*ECONNREFUSED|connect`,
      ),
    );
    expect(err.hint).toMatch(/network access to the registry/);
    expect(fs.readdirSync(settings.reports.outputDir)).toEqual([]);
  });

  it('a corrupt snapshot (the bundle is not records, the digests all agree): exit 2, "is corrupt", no report written', async () => {
    const bytes = zlib.gzipSync('{"Updater":"debian/updater","Ref":"x","Kind":"vulnerability"}\nthis is not JSON\n');
    const manifest: SnapshotManifest = {
      format: 'clair-scan-snapshot',
      formatVersion: 1,
      tool: 'clair-scan test',
      createdAt: new Date().toISOString(),
      updaterSets: ['debian'],
      updaters: [{ name: 'debian/updater', fingerprint: '', records: 2 }],
      records: 2,
      bundle: {
        file: 'clair-data.json.gz',
        compression: 'gzip',
        sha256: createHash('sha256').update(bytes).digest('hex'),
        size: bytes.length,
      },
    };
    const mBytes = Buffer.from(JSON.stringify(manifest));
    const cfg = await putBlob(Buffer.from('{}'));
    const layer = await putBlob(bytes);
    const mDigest = await putBlob(mBytes);
    const body = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        artifactType: ARTIFACT_TYPE,
        config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: cfg, size: 2 },
        layers: [
          { mediaType: 'application/vnd.clair-scan.bundle.v1+json+gzip', digest: layer, size: bytes.length },
          { mediaType: 'application/vnd.clair-scan.snapshot.manifest.v1+json', digest: mDigest, size: mBytes.length },
        ],
      }),
    );
    const put = await request(`${reg.url}/v2/${repo}/manifests/corrupt`, {
      method: 'PUT',
      headers: { authorization: basic, 'content-type': 'application/vnd.oci.image.manifest.v1+json' },
      body,
    });
    await put.body.dump();
    expect(put.statusCode).toBe(201);
    const settings = settingsFor([fixture('debian-vuln')], {
      'vuln-data': `oci://${reg.address}/${repo}:corrupt`,
      formats: 'json',
      ...creds,
    });
    const err = await expectScanError(scan(settings, track));
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(
      /vulnerability data ".*:corrupt \(clair-data\.json\.gz\)" is corrupt: line 2 is not JSON/,
    );
    expect(fs.readdirSync(settings.reports.outputDir)).toEqual([]);
  });
});
