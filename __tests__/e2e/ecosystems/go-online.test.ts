/**
 * `vuln-data: online` for a Go binary: Clair's own OSV updater (claircore v1.5.48 `updater/osv`) pointed at a fake
 * OSV source on 127.0.0.1 (clair-config `updaters.config.osv.url`, what a user behind a firewall sets for a mirror)
 * writes Go records with version ranges; clairctl 4.9.0 cannot import those by itself, so fetchOnline copies the
 * export out of the Clair container, finds the ranges and loads them through src/environment/range-import.ts.
 * Exact findings for the gobin image prove the whole path with real records — including an advisory with two
 * ranges that differ in nothing else (they must stay two rows, or the restore fails closed).
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { scan } from '../../../src/scan';
import { setLogger } from '../../../src/util/log';
import { makeZip } from '../../helpers/zip';
import { testTempDir } from '../../helpers/tmp';
import { trackRuns } from '../../helpers/runs';
import { findingLines, fixture, settingsFor } from '../scan/helpers';
import { GOBIN_FINDINGS } from './helpers';

const track = trackRuns({ after: 'all' });

/** An OSV advisory of the Go ecosystem in the schema osv.dev serves (FAKE: CVE-2099-*). */
function advisory(
  id: string,
  cve: string,
  pkg: string,
  severity: string,
  ranges: Array<Array<Record<string, string>>>,
): Record<string, unknown> {
  return {
    schema_version: '1.6.0',
    id,
    modified: '2099-04-01T00:00:00Z',
    published: '2099-04-01T00:00:00Z',
    aliases: [cve],
    summary: `FAKE advisory ${id} for ${pkg} (not a real vulnerability)`,
    affected: [
      { package: { ecosystem: 'Go', name: pkg }, ranges: ranges.map((events) => ({ type: 'SEMVER', events })) },
    ],
    references: [{ type: 'ADVISORY', url: `https://fixtures.clair-scan.invalid/${id}` }],
    database_specific: { severity },
  };
}

const ADVISORIES = [
  advisory('GO-2099-4001', 'CVE-2099-4001', 'golang.org/x/text', 'HIGH', [[{ introduced: '0' }, { fixed: '0.3.8' }]]),
  advisory('GO-2099-4002', 'CVE-2099-4002', 'github.com/google/uuid', 'MODERATE', [
    [{ introduced: '1.0.0' }, { fixed: '1.1.1' }],
  ]),
  advisory('GO-2099-4003', 'CVE-2099-4003', 'stdlib', 'CRITICAL', [[{ introduced: '1.26.0' }, { fixed: '1.26.9' }]]),
  advisory('GO-2099-4004', 'CVE-2099-4004', 'stdlib', 'HIGH', [[{ introduced: '0' }, { fixed: '1.25.3' }]]), // fixed before 1.26.8
  advisory('GO-2099-4005', 'CVE-2099-4005', 'golang.org/x/text', 'MODERATE', [
    [{ introduced: '0.4.0' }, { last_affected: '0.5.0' }],
  ]), // not 0.3.5
  advisory('GO-2099-4006', 'CVE-2099-4006', 'github.com/google/uuid', 'LOW', [[{ introduced: '0' }]]), // no fix
  // Two ranges, no fix version: two records that differ only by their range. The second holds v0.3.5.
  advisory('GO-2099-4007', 'CVE-2099-4007', 'golang.org/x/text', 'MODERATE', [
    [{ introduced: '0.1.0' }, { last_affected: '0.2.0' }],
    [{ introduced: '0.3.0' }, { last_affected: '0.3.5' }],
  ]),
];

interface FakeOsv {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** The OSV bucket layout the updater reads (`/ecosystems.txt`, `/<Ecosystem>/all.zip`) and the RHEL scanners' maps. */
async function startFakeOsv(maxRequests = 50): Promise<FakeOsv> {
  const zip = makeZip(Object.fromEntries(ADVISORIES.map((a) => [`${String(a.id)}.json`, JSON.stringify(a)])));
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const p = (req.url ?? '/').split('?')[0];
    requests.push(p);
    const send = (status: number, body: Buffer | string, type: string): void => {
      const b = Buffer.isBuffer(body) ? body : Buffer.from(body);
      res.writeHead(status, { 'content-type': type, 'content-length': String(b.length), etag: '"fake-osv-1"' });
      res.end(b);
    };
    if (requests.length > maxRequests) return send(503, 'too many requests\n', 'text/plain');
    if (p === '/ecosystems.txt') return send(200, 'Go\n', 'text/plain');
    if (p === '/Go/all.zip') return send(200, zip, 'application/zip');
    if (p === '/redhat/repository-to-cpe.json' || p === '/redhat/container-name-repos-map.json')
      return send(200, '{"data":{}}\n', 'application/json');
    return send(404, 'not found\n', 'text/plain');
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

let osv: FakeOsv;
const dirs: string[] = [];
const logs: string[] = [];

beforeAll(async () => {
  osv = await startFakeOsv();
  setLogger({
    info: (m) => logs.push(m),
    warn: (m) => logs.push(`warning: ${m}`),
    debug: () => undefined,
    mask: () => undefined,
  });
});

afterAll(async () => {
  await osv?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

test("vuln-data online: the OSV updater's Go records (with ranges) give the gobin image its exact findings", async () => {
  const dir = testTempDir('cs-e2e-go-online-');
  const config = path.join(dir, 'clair.json');
  fs.writeFileSync(
    config,
    JSON.stringify({
      indexer: {
        scanner: {
          package: {
            rhel_containerscanner: { name2repos_mapping_url: `${osv.url}redhat/container-name-repos-map.json` },
          },
          repo: { 'rhel-repository-scanner': { repo2cpe_mapping_url: `${osv.url}redhat/repository-to-cpe.json` } },
        },
      },
      updaters: { config: { osv: { url: osv.url } } },
    }),
  );
  const settings = settingsFor([fixture('gobin')], {
    'vuln-data': 'online',
    'clair-config': config,
    'severity-threshold': 'none',
    formats: 'json',
  });
  dirs.push(settings.reports.outputDir);
  const outcome = await scan(settings, track);

  expect(outcome.exitCode).toBe(0);
  // Not reported: GO-2099-4004 (fixed in 1.25.3), GO-2099-4005 (0.4.0–0.5.0), GO-2099-4007's first range.
  expect(findingLines(outcome.result.images[0])).toEqual([
    ...GOBIN_FINDINGS,
    'CVE-2099-4007 golang.org/x/text v0.3.5 Medium -',
  ]);
  // The links Clair's updater wrote (references, then aliases), without our temporary tags.
  const v = outcome.result.images[0].vulnerabilities.find((f) => f.id === 'CVE-2099-4007');
  expect(v?.links).toEqual([
    'https://fixtures.clair-scan.invalid/GO-2099-4007',
    'https://osv.dev/vulnerability/CVE-2099-4007',
  ]);
  // Clair's updater fetched the fake source, and all 8 range records (GO-2099-4007 is two) were completed.
  expect(osv.requests).toEqual(expect.arrayContaining(['/ecosystems.txt', '/Go/all.zip']));
  expect(logs.join('\n')).toMatch(/holds 8 records with version ranges/);
  expect(logs.join('\n')).toMatch(/Version ranges completed for 8 records/);
});
