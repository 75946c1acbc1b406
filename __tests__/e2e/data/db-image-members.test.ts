/**
 * A database image that carries the exploit data (issue 22): `data image build` from a snapshot carrying the KEV
 * fixture, with `--epss-data` given beside it, puts both into the image's layer and their sha256, size and own date
 * into its members label (`data info` shows them); a scan with `vuln-data: db-image:<ref>` and kev-data / epss-data
 * empty reads them back from the running container, checked against the label, and marks debian-vuln exactly as
 * e2e/policy/exploit-data.test.ts derives it.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { runCli } from '../../../src/cli';
import { scan } from '../../../src/scan';
import { writeSnapshot } from '../../../src/data/snapshot';
import { describeMembers } from '../../../src/data/members';
import type { ScanResult } from '../../../src/findings/model';
import { setLogger } from '../../../src/util/log';
import { DB_IMAGE_PASSWORD } from '../../../src/data/db-image';
import { loadTestEnv } from '../../helpers/testenv';
import { trackRuns } from '../../helpers/runs';
import { makeKeyPair } from '../../helpers/cosign';
import { testTempDir } from '../../helpers/tmp';
import { BUNDLE, DEBIAN_VULN_FINDINGS, docker, findingLines, fixture, REPO, settingsFor } from '../scan/helpers';

const X = require('../../../scripts/fixtures/make-exploit-data.js') as {
  KEV_ENTRIES: { cveID: string; dateAdded: string; dueDate: string; knownRansomwareCampaignUse: string }[];
  KEV_VERSION: string;
  KEV_DATE: string;
  EPSS_ROWS: [string, string, string][];
  EPSS_MODEL: string;
  EPSS_DATE: string;
};
const KEV = path.join(REPO, '.testenv/fixtures/kev.json');
const EPSS = path.join(REPO, '.testenv/fixtures/epss.csv.gz');

const env = loadTestEnv();
const tag = `localhost/clair-scan-test/db-members-${randomBytes(4).toString('hex')}:1`;
const track = trackRuns({ after: 'manual' });
let logs: string[] = [];

function capture(): void {
  logs = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (logs.push(String(s)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (logs.push(String(s)), true));
  setLogger({
    info: (m) => {
      logs.push(`${m}\n`);
      const id = /^Run ([a-z0-9-]+) \(/.exec(m)?.[1];
      if (id) track.add(id);
    },
    warn: (m) => logs.push(`warning: ${m}\n`),
    debug: () => undefined,
    mask: () => undefined,
  });
}

beforeAll(async () => {
  const dir = testTempDir('cs-e2e-db-members-');
  const bundle = path.join(dir, 'clair-data.json.gz');
  await writeSnapshot(Readable.from([zlib.gzipSync(fs.readFileSync(BUNDLE))]), bundle, {
    updaterSets: ['debian'],
    members: await describeMembers({ kev: KEV }),
  });
  capture();
  const code = await runCli([
    'data',
    'image',
    'build',
    '--from',
    bundle,
    '--epss-data',
    EPSS,
    '--tag',
    tag,
    '--clair-image',
    env.clairImage,
    '--postgres-image',
    env.postgresImage,
    '--pull',
    'never',
  ]);
  const text = logs.join('');
  jest.restoreAllMocks();
  expect({ code, text: code ? text : '' }).toEqual({ code: 0, text: '' });
}, 600_000);

afterAll(() => {
  jest.restoreAllMocks();
  try {
    docker('rmi', '-f', tag);
  } catch {
    // already gone
  }
  track.expectClean();
});

const sha = (f: string): string => require('node:crypto').createHash('sha256').update(fs.readFileSync(f)).digest('hex');

/** psql in the database-image container `name` (listening on `port`), as its postgres user. */
const psqlIn = (name: string, port: number, sql: string): string =>
  docker(
    'exec',
    '-u',
    'postgres',
    name,
    'psql',
    '-X',
    '-q',
    '-At',
    '-p',
    String(port),
    '-U',
    'clair',
    '-d',
    'clair',
    '-c',
    sql,
  );

/** Until the container's PostgreSQL answers (bounded: 60 tries, 500 ms apart). */
async function waitForPsql(name: string, port: number): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      psqlIn(name, port, 'SELECT 1');
      return;
    } catch (err) {
      if (i >= 60) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

test('the image carries the members: label with each sha256, size and own date; data info shows them', async () => {
  capture();
  const code = await runCli(['data', 'info', `db-image:${tag}`, '--json']);
  const text = logs.join('');
  jest.restoreAllMocks();
  expect(code).toBe(0);
  const info = JSON.parse(text) as { members?: Record<string, unknown> };
  expect(info.members).toEqual({
    kev: { file: 'kev.json', sha256: sha(KEV), size: fs.statSync(KEV).size, date: X.KEV_DATE, version: X.KEV_VERSION },
    epss: {
      file: 'epss.csv.gz',
      sha256: sha(EPSS),
      size: fs.statSync(EPSS).size,
      date: X.EPSS_DATE,
      version: X.EPSS_MODEL,
    },
  });
  // The files are in the image itself, outside the data directory.
  const listed = docker('run', '--rm', '--entrypoint', 'ls', tag, '/var/lib/postgresql/clair-scan-members');
  expect(listed.split('\n').filter(Boolean).sort()).toEqual(['epss.csv.gz', 'kev.json']);
});

test('a scan of debian-vuln with vuln-data db-image and the inputs empty: the exact marks, the note naming the image', async () => {
  capture();
  const settings = settingsFor([fixture('debian-vuln')], {
    'vuln-data': `db-image:${tag}`,
    'kev-data': '',
    'epss-data': '',
    'severity-threshold': 'none',
    'fail-on': 'kev>0 || epss>=0.9',
    formats: 'json',
  });
  const o = await scan(settings, track);
  jest.restoreAllMocks();
  fs.rmSync(settings.reports.outputDir, { recursive: true, force: true });
  expect(findingLines(o.result.images[0])).toEqual(DEBIAN_VULN_FINDINGS);
  const ids = DEBIAN_VULN_FINDINGS.map((l) => l.split(' ')[0]);
  const expected = ids
    .map((id) => {
      const k = X.KEV_ENTRIES.find((e) => e.cveID === id);
      const e = X.EPSS_ROWS.find((r) => r[0] === id);
      return `${id} kev:${k ? `${k.dateAdded}/${k.dueDate}/${k.knownRansomwareCampaignUse === 'Known'}` : '-'} epss:${e ? `${Number(e[1])}/${Number(e[2])}/${X.EPSS_DATE}` : '-'}`;
    })
    .sort();
  const marks = (r: ScanResult): string[] =>
    r.images[0].vulnerabilities
      .map(
        (f) =>
          `${f.id} kev:${f.kev ? `${f.kev.dateAdded}/${f.kev.dueDate}/${f.kev.ransomware}` : '-'} epss:${f.epss ? `${f.epss.score}/${f.epss.percentile}/${f.epss.date}` : '-'}`,
      )
      .sort();
  expect(marks(o.result)).toEqual(expected);
  expect(marks(o.result).filter((l) => !l.includes('kev:-'))).toEqual([
    'CVE-2099-1003 kev:2026-10-01/2026-10-22/true epss:0.91234/0.99871/2099-01-15',
    'CVE-2099-1005 kev:2026-11-12/2026-12-03/false epss:-',
  ]);
  expect(o.result.images[0].notes).toEqual(
    expect.arrayContaining([
      `Exploit data: the CISA KEV catalogue ${X.KEV_VERSION} (released ${X.KEV_DATE}) carried by the vulnerability data db-image:${tag}.`,
      `Exploit data: the EPSS scores of ${X.EPSS_DATE} (model ${X.EPSS_MODEL}) carried by the vulnerability data db-image:${tag}.`,
    ]),
  );
  expect(o.exitCode).toBe(1);
  expect(o.result.verdict?.reasons).toEqual(['fail-on rule "kev>0 || epss>=0.9" is true: kev=2, epss=0.91234']);
});

test('a member changed after the build (a derived image with another kev.json, same labels) is exit 2, not used', async () => {
  const ctx = testTempDir('cs-e2e-db-members-tamper-');
  const doc = JSON.parse(fs.readFileSync(KEV, 'utf8')) as { vulnerabilities: { cveID: string }[] };
  doc.vulnerabilities[0].cveID = 'CVE-2099-1001'; // would mark the Critical libssl3 finding as known exploited
  fs.writeFileSync(path.join(ctx, 'kev.json'), JSON.stringify(doc));
  fs.writeFileSync(
    path.join(ctx, 'Dockerfile'),
    `FROM ${tag}\nCOPY kev.json /var/lib/postgresql/clair-scan-members/kev.json\n`,
  );
  const altered = `${tag.replace(/:1$/, '')}-altered:1`;
  docker('build', '-q', '-t', altered, ctx);
  try {
    capture();
    const settings = settingsFor([fixture('debian-vuln')], {
      'vuln-data': `db-image:${altered}`,
      'kev-data': '',
      'epss-data': '',
    });
    const err = await scan(settings, track).then(
      () => undefined,
      (e: unknown) => e as { exitCode?: number; message?: string },
    );
    jest.restoreAllMocks();
    fs.rmSync(settings.reports.outputDir, { recursive: true, force: true });
    expect(err?.exitCode).toBe(2);
    expect(err?.message).toMatch(
      new RegExp(
        `^the kev member of the database image ${altered.replace(/[./]/g, (c) => `\\${c}`)} does not match its label \\(sha256:[0-9a-f]{64}, \\d+ bytes; label: sha256:${sha(KEV)}, ${fs.statSync(KEV).size} bytes\\)$`,
      ),
    );
  } finally {
    docker('rmi', '-f', altered);
  }
});

test('clair-mode process against the image run as a service: the members come from its database, the same marks', async () => {
  const net = await import('node:net');
  const port = await new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (srv.address() as { port: number }).port;
      srv.close(() => resolve(p));
    });
  });
  const name = `cs-e2e-db-members-svc-${randomBytes(4).toString('hex')}`;
  docker(
    'run',
    '-d',
    '--name',
    name,
    '--network',
    'host',
    tag,
    'postgres',
    '-c',
    'listen_addresses=127.0.0.1',
    '-p',
    String(port),
  );
  const savedPath = process.env.PATH;
  try {
    await waitForPsql(name, port);
    expect(psqlIn(name, port, 'SELECT name, file, sha256, size FROM clair_scan.data_member ORDER BY name')).toBe(
      `epss|epss.csv.gz|${sha(EPSS)}|${fs.statSync(EPSS).size}\nkev|kev.json|${sha(KEV)}|${fs.statSync(KEV).size}`,
    );
    process.env.PATH = `${env.clairBin}:${savedPath}`;
    capture();
    const settings = settingsFor([fixture('debian-vuln')], {
      'clair-mode': 'process',
      'postgres-url': `postgres://clair:${DB_IMAGE_PASSWORD}@127.0.0.1:${port}/clair?sslmode=disable`,
      'vuln-data': `db-image:${tag}`,
      'kev-data': '',
      'epss-data': '',
      'severity-threshold': 'none',
      formats: 'json',
    });
    const o = await scan(settings, track);
    jest.restoreAllMocks();
    fs.rmSync(settings.reports.outputDir, { recursive: true, force: true });
    expect(findingLines(o.result.images[0])).toEqual(DEBIAN_VULN_FINDINGS);
    expect(
      o.result.images[0].vulnerabilities
        .filter((f) => f.kev)
        .map((f) => `${f.id} ${f.kev!.dateAdded} ${f.epss?.score ?? '-'}`)
        .sort(),
    ).toEqual(['CVE-2099-1003 2026-10-01 0.91234', 'CVE-2099-1005 2026-11-12 -']);
    expect(o.result.enrichment).toEqual({
      kev: { version: X.KEV_VERSION, date: X.KEV_DATE },
      epss: { modelVersion: X.EPSS_MODEL, date: X.EPSS_DATE },
    });
    expect(o.result.images[0].notes).toContain(
      `Exploit data: the CISA KEV catalogue ${X.KEV_VERSION} (released ${X.KEV_DATE}) carried by the vulnerability data db-image:${tag}.`,
    );

    // A member changed in the database after the build: exit 2, not used.
    docker(
      'exec',
      '-u',
      'postgres',
      name,
      'psql',
      '-X',
      '-q',
      '-p',
      String(port),
      '-U',
      'clair',
      '-d',
      'clair',
      '-c',
      "UPDATE clair_scan.data_member SET content = convert_to('{}', 'UTF8') WHERE name = 'kev'",
    );
    capture();
    const err = await scan({ ...settings }, track).then(
      () => undefined,
      (e: unknown) => e as { exitCode?: number; message?: string },
    );
    jest.restoreAllMocks();
    expect(err?.exitCode).toBe(2);
    expect(err?.message).toBe(
      "the database's kev member does not match its recorded sha256 and size (it was changed after the build)",
    );
  } finally {
    process.env.PATH = savedPath;
    jest.restoreAllMocks();
    docker('rm', '-f', '-v', name);
  }
});

test('clair-mode process with vuln-data-public-key: the signed image label binds the members; a consistently changed row is exit 2', async () => {
  const reg = env.registry;
  const signedTag = `${reg.address}/clair-scan-test/db-members-signed-${randomBytes(4).toString('hex')}:1`;
  const kp = makeKeyPair('ec');
  const dir = testTempDir('cs-e2e-db-members-signed-');
  fs.writeFileSync(path.join(dir, 'data.key'), kp.privatePem);
  const credEnv = {
    ...process.env,
    CLAIR_SCAN_REGISTRY_USERNAME: reg.username,
    CLAIR_SCAN_REGISTRY_PASSWORD: reg.password,
  };
  capture();
  const built = await runCli(
    [
      'data',
      'image',
      'build',
      '--from',
      BUNDLE,
      '--kev-data',
      KEV,
      '--tag',
      signedTag,
      '--push',
      '--sign-key',
      path.join(dir, 'data.key'),
      '--clair-image',
      env.clairImage,
      '--postgres-image',
      env.postgresImage,
      '--pull',
      'never',
    ],
    credEnv,
  );
  const buildLog = logs.join('');
  jest.restoreAllMocks();
  expect({ built, log: built ? buildLog : '' }).toEqual({ built: 0, log: '' });
  const net = await import('node:net');
  const port = await new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (srv.address() as { port: number }).port;
      srv.close(() => resolve(p));
    });
  });
  const name = `cs-e2e-db-members-signed-${randomBytes(4).toString('hex')}`;
  docker(
    'run',
    '-d',
    '--name',
    name,
    '--network',
    'host',
    signedTag,
    'postgres',
    '-c',
    'listen_addresses=127.0.0.1',
    '-p',
    String(port),
  );
  const psql = (sql: string): string => psqlIn(name, port, sql);
  const savedPath = process.env.PATH;
  try {
    await waitForPsql(name, port);
    process.env.PATH = `${env.clairBin}:${savedPath}`;
    const settings = settingsFor([fixture('debian-vuln')], {
      'clair-mode': 'process',
      'postgres-url': `postgres://clair:${DB_IMAGE_PASSWORD}@127.0.0.1:${port}/clair?sslmode=disable`,
      'vuln-data': `db-image:${signedTag}`,
      'vuln-data-public-key': kp.publicPem,
      'registry-username': reg.username,
      'registry-password': reg.password,
      'registry-host': reg.address,
      'kev-data': '',
      'severity-threshold': 'none',
      formats: 'json',
    });
    capture();
    const o = await scan(settings, track);
    jest.restoreAllMocks();
    fs.rmSync(settings.reports.outputDir, { recursive: true, force: true });
    expect(
      o.result.images[0].vulnerabilities
        .filter((f) => f.kev)
        .map((f) => f.id)
        .sort(),
    ).toEqual(['CVE-2099-1003', 'CVE-2099-1005']);

    // Changed so the row checks itself (its sha256 and size follow the content): only the signed label can tell.
    psql(
      "UPDATE clair_scan.data_member SET content = convert_to('{}', 'UTF8'), sha256 = encode(sha256(convert_to('{}', 'UTF8')), 'hex'), size = 2 WHERE name = 'kev'",
    );
    capture();
    const err = await scan({ ...settings }, track).then(
      () => undefined,
      (e: unknown) => e as { exitCode?: number; message?: string },
    );
    jest.restoreAllMocks();
    expect(err?.exitCode).toBe(2);
    expect(err?.message).toMatch(
      new RegExp(
        `^the database at .* carries a kev member that the signed database image .* does not \\(sha256:${createHash('sha256').update('{}').digest('hex')}, label: sha256:${sha(KEV)}\\)$`,
      ),
    );

    // Removed: the signed label names a kev member the database lacks, which must not read as "no KEV data".
    psql("DELETE FROM clair_scan.data_member WHERE name = 'kev'");
    capture();
    const gone = await scan({ ...settings }, track).then(
      () => undefined,
      (e: unknown) => e as { exitCode?: number; message?: string },
    );
    jest.restoreAllMocks();
    expect(gone?.exitCode).toBe(2);
    expect(gone?.message).toMatch(
      new RegExp(
        `^the signed database image .* carries a kev member \\(sha256:${sha(KEV)}\\) that the database at .* lacks$`,
      ),
    );
  } finally {
    process.env.PATH = savedPath;
    jest.restoreAllMocks();
    docker('rm', '-f', '-v', name);
    try {
      docker('rmi', '-f', signedTag);
    } catch {
      // already gone
    }
  }
});
