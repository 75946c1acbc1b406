/**
 * Go binaries get real findings: the Go records of the fixture data carry version ranges in the form claircore's
 * OSV updater writes them, which clairctl 4.9.0 cannot store by itself (scripts/fixtures/FIXTURES.md, "Go").
 * clair-scan imports them without their ranges and completes them in its own Clair's database
 * (src/environment/range-import.ts). Checked end to end against the real Clair and PostgreSQL: exact findings
 * for the gobin image, and the rows exactly as claircore's rangefmt/VersionRange encoder would have written them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scan, ScanOutcome } from '../../../src/scan';
import { DockerClient } from '../../../src/environment/docker';
import { Postgres, query, startPostgres } from '../../../src/environment/postgres';
import { ClairContainer, startClair } from '../../../src/environment/clair-container';
import { importBundle } from '../../../src/environment/vuln-data';
import { newRunId } from '../../../src/environment/run-state';
import { cleanupRun } from '../../../src/environment/cleanup';
import { loadTestEnv } from '../../helpers/testenv';
import { expectScanError } from '../../helpers/errors';
import { trackRuns } from '../../helpers/runs';
import { findingLines, fixture, leftoverContainers, settingsFor } from '../scan/helpers';
import { BUNDLE_ECOSYSTEMS, GOBIN_FINDINGS, writeBundle } from './helpers';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('a Go binary scanned with the ecosystems bundle (Go records with version ranges)', () => {
  const track = trackRuns({ after: 'all' });
  let outcome: ScanOutcome;

  beforeAll(async () => {
    const settings = settingsFor([fixture('gobin')], {
      'vuln-data': BUNDLE_ECOSYSTEMS,
      'severity-threshold': 'none',
      formats: 'json',
    });
    dirs.push(settings.reports.outputDir);
    outcome = await scan(settings, track);
  });

  it('gets the exact findings the real Clair gives: inside each range reported, outside not', () => {
    expect(outcome.exitCode).toBe(0);
    expect(findingLines(outcome.result.images[0])).toEqual(GOBIN_FINDINGS);
  });

  it("reports the records' own links: the temporary tags are gone", () => {
    const links = outcome.result.images[0].vulnerabilities.map((v) => `${v.id} ${v.links.join(' ')}`).sort();
    expect(links).toEqual(
      ['4001', '4002', '4003', '4006'].map((n) => `CVE-2099-${n} https://fixtures.clair-scan.invalid/GO-2099-${n}`),
    );
  });
});

describe("the rows in Clair's database (own PostgreSQL + Clair, importBundle)", () => {
  const env = loadTestEnv();
  const run = newRunId();
  let docker: DockerClient;
  let pg: Postgres;
  let clair: ClairContainer;
  let goBundle: string;

  beforeAll(async () => {
    docker = new DockerClient();
    pg = await startPostgres(docker, { image: env.postgresImage, runId: run, timeoutMs: 120_000 });
    clair = await startClair(docker, {
      image: env.clairImage,
      runId: run,
      connString: pg.connString,
      listenHost: '127.0.0.1',
      airgap: true,
      timeoutMs: 120_000,
      requestTimeoutMs: 300_000,
    });
    goBundle = writeBundle({ only: ['fixture-go'] }, dirs);
  });

  afterAll(async () => {
    await clair?.client.close();
    await cleanupRun({ runId: run, tempDirs: [] });
    expect(leftoverContainers(run)).toEqual([]);
  });

  const rows = (): Promise<string[][]> =>
    query(
      docker,
      pg,
      "SELECT name, links, coalesce(version_kind, '<null>'), vulnerable_range::text, fixed_in_version FROM vuln WHERE updater = 'fixture-go' ORDER BY name",
    );

  // PostgreSQL's text form of VersionRange('{lower}', '{upper}', '[)'), the bounds as claircore's rangefmt writes them.
  const EXPECTED_ROWS = [
    [
      'CVE-2099-4001',
      'https://fixtures.clair-scan.invalid/GO-2099-4001',
      'semver',
      '["{0,0,0,0,0,0,0,0,0,0}","{0,0,3,8,0,0,0,0,0,0}")',
      '0.3.8',
    ],
    [
      'CVE-2099-4002',
      'https://fixtures.clair-scan.invalid/GO-2099-4002',
      'semver',
      '["{0,1,0,0,0,0,0,0,0,0}","{0,1,1,1,0,0,0,0,0,0}")',
      '1.1.1',
    ],
    [
      'CVE-2099-4003',
      'https://fixtures.clair-scan.invalid/GO-2099-4003',
      'semver',
      '["{0,1,26,0,0,0,0,0,0,0}","{0,1,26,9,0,0,0,0,0,0}")',
      '1.26.9',
    ],
    [
      'CVE-2099-4004',
      'https://fixtures.clair-scan.invalid/GO-2099-4004',
      'semver',
      '["{0,0,0,0,0,0,0,0,0,0}","{0,1,25,3,0,0,0,0,0,0}")',
      '1.25.3',
    ],
    [
      'CVE-2099-4005',
      'https://fixtures.clair-scan.invalid/GO-2099-4005',
      'semver',
      '["{0,0,4,0,0,0,0,0,0,0}","{0,0,5,1,0,0,0,0,0,0}")',
      '',
    ],
    [
      'CVE-2099-4006',
      'https://fixtures.clair-scan.invalid/GO-2099-4006',
      'semver',
      '["{0,0,0,0,0,0,0,0,0,0}","{65535,0,0,0,0,0,0,0,0,0}")',
      '',
    ],
  ];

  it('without our PostgreSQL at hand, a bundle with ranges is refused with what to do, nothing imported', async () => {
    const err = await expectScanError(importBundle(docker, clair.container, goBundle, 120_000));
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(/holds 6 records with version ranges .* which this clairctl cannot import/);
    expect(await rows()).toEqual([]);
  });

  it('imports every Go record with its range, version kind and links as claircore writes them', async () => {
    await importBundle(docker, clair.container, goBundle, 120_000, { pg });
    expect(await rows()).toEqual(EXPECTED_ROWS);
    // clairctl's bookkeeping: one update operation, every row associated with it.
    expect(
      await query(
        docker,
        pg,
        "SELECT count(*) FROM uo_vuln JOIN update_operation uo ON uo.id = uo_vuln.uo WHERE uo.updater = 'fixture-go'",
      ),
    ).toEqual([['6']]);
    // No tagged row is left anywhere.
    expect(await query(docker, pg, "SELECT count(*) FROM vuln WHERE links LIKE '%clair-scan-range:%'")).toEqual([
      ['0'],
    ]);
  });

  it('a second import of the same data (clairctl skips the updater run it has) changes nothing', async () => {
    await importBundle(docker, clair.container, goBundle, 120_000, { pg });
    expect(await rows()).toEqual(EXPECTED_ROWS);
    expect(await query(docker, pg, "SELECT count(*) FROM update_operation WHERE updater = 'fixture-go'")).toEqual([
      ['1'],
    ]);
  });

  it("hostile links (SQL, psql meta-commands, COPY's end marker) are stored as they are; nothing else changes", async () => {
    const hostile = [
      "https://x.invalid/a'); DROP TABLE vuln; --",
      'https://x.invalid/b\n\\.\nDROP TABLE vuln;\n',
      'https://x.invalid/c\t\\N\t\\\\\r\n$$; DROP TABLE vuln; $$',
      "https://x.invalid/d :'ON_ERROR_STOP' \\! touch /tmp/pwned \\gexec",
    ];
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cs-e2e-go-')), 'hostile.json');
    dirs.push(path.dirname(file));
    const lines = hostile.map((links, i) =>
      JSON.stringify({
        Updater: 'osv/hostile',
        Fingerprint: 'etag',
        Date: '2098-01-01T00:00:00Z',
        Ref: '1b7a9c3e-0d4f-4e2a-9b8c-7d6e5f4a3b2c',
        Kind: 'vulnerability',
        Vuln: {
          updater: 'osv/hostile',
          name: `GO-'); DROP TABLE vuln; -- ${i}`,
          links,
          package: { name: 'example.com/none', kind: 'binary' },
          repository: { name: 'go', uri: 'https://pkg.go.dev/' },
          range: { '[': 'semver:0.0.0.0.0.0.0.0.0.0', ')': `semver:0.0.${i + 1}.0.0.0.0.0.0.0` },
        },
      }),
    );
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    await importBundle(docker, clair.container, file, 120_000, { pg });
    // Hex, so that newlines and tabs in the values cannot confuse psql's output.
    const got = await query(
      docker,
      pg,
      "SELECT encode(convert_to(links, 'UTF8'), 'hex'), vulnerable_range::text FROM vuln WHERE updater = 'osv/hostile' ORDER BY name",
    );
    expect(got.map(([h, r]) => [Buffer.from(h, 'hex').toString('utf8'), r])).toEqual(
      hostile.map((l, i) => [l, `["{0,0,0,0,0,0,0,0,0,0}","{0,0,${i + 1},0,0,0,0,0,0,0}")`]),
    );
    expect(await rows()).toEqual(EXPECTED_ROWS);
    expect(await query(docker, pg, 'SELECT count(*) FROM vuln')).toEqual([['10']]);
    const pwned = await docker.exec(pg.container, ['ls', '/tmp/pwned'], { timeoutMs: 10_000 });
    expect(pwned.exitCode).not.toBe(0);
  });
});
