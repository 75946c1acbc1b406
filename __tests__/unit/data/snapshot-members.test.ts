/**
 * Exploit data that travels with the vulnerability data (issue 22): a snapshot's members (KEV, EPSS, EOL) with
 * their own dates in the manifest, checked by sha256 like the bundle (so the manifest's signature covers them), read
 * back by a scan when its input is empty; vuln-data-max-age by each one's date; online mode's fetch of the
 * published files, through a loopback proxy that maps their hosts to a local https server (never the internet).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import {
  manifestPathFor,
  openSnapshot,
  parseManifest,
  verifySnapshot,
  writeSnapshot,
  type SnapshotManifest,
} from '../../../src/data/snapshot';
import { describeMember, describeMembers } from '../../../src/data/members';
import { addMemberData, completeExploitData, loadExploitData, PUBLISHED_URL } from '../../../src/data/exploit';
import { loadDataPublicKey, loadSigningKey, openSignedSnapshot, signManifestFile } from '../../../src/data/signing';
import { loadCaBundle } from '../../../src/util/ca';
import { ClairScanError } from '../../../src/util/errors';
import { setLogger } from '../../../src/util/log';
import { makeKeyPair } from '../../helpers/cosign';
import { makeTestCa, startHttpsServer } from '../../helpers/test-ca';
import { startTestProxy } from '../../helpers/test-proxy';
import { removeTestTempDirs, testTempDir } from '../../helpers/tmp';

const X = require('../../../scripts/fixtures/make-exploit-data.js') as {
  main(out: string): void;
  KEV_VERSION: string;
  KEV_DATE: string;
  EPSS_MODEL: string;
  EPSS_DATE: string;
};

const dir = testTempDir('cs-unit-members-');
X.main(dir);
const KEV = path.join(dir, 'kev.json');
const EPSS = path.join(dir, 'epss.csv.gz');
const EOL = path.join(dir, 'eol.json');
fs.writeFileSync(
  EOL,
  JSON.stringify({
    source: 'https://endoflife.date/api/',
    date: '2099-01-14',
    products: { debian: [{ cycle: '12', eol: '2028-06-10', codename: 'Bookworm' }] },
  }),
);
const RECORD = `${JSON.stringify({ Updater: 'debian/updater', Fingerprint: 'f', Ref: 'r', Kind: 'vulnerability', Vuln: { name: 'CVE-2099-1' } })}\n`;

const warnings: string[] = [];
beforeAll(() =>
  setLogger({
    info: () => undefined,
    warn: (m) => void warnings.push(m),
    debug: () => undefined,
    mask: () => undefined,
  }),
);
afterAll(() => removeTestTempDirs());

let n = 0;
async function snapshotWithMembers(): Promise<{ bundle: string; manifest: SnapshotManifest }> {
  const out = testTempDir('cs-unit-members-snap-');
  const bundle = path.join(out, `clair-data-${n++}.json.gz`);
  const manifest = await writeSnapshot(Readable.from([zlib.gzipSync(RECORD)]), bundle, {
    updaterSets: ['debian'],
    members: await describeMembers({ kev: KEV, epss: EPSS, eol: EOL }),
  });
  return { bundle, manifest };
}

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<ClairScanError> {
  const err = await (typeof p === 'function' ? Promise.resolve().then(p) : p).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ClairScanError);
  expect((err as ClairScanError).exitCode).toBe(2);
  expect((err as ClairScanError).hint).toBeTruthy();
  return err as ClairScanError;
}

describe('members in the snapshot manifest', () => {
  it('each member is read for its own date (KEV dateReleased, EPSS score_date, EOL table date)', async () => {
    expect(await describeMember('kev', KEV)).toEqual({ path: KEV, date: X.KEV_DATE, version: X.KEV_VERSION });
    expect(await describeMember('epss', EPSS)).toEqual({ path: EPSS, date: X.EPSS_DATE, version: X.EPSS_MODEL });
    expect(await describeMember('eol', EOL)).toEqual({ path: EOL, date: '2099-01-14' });
    // A bad file fails the build that would carry it, naming it.
    const bad = path.join(dir, 'bad-kev.json');
    fs.writeFileSync(bad, '{"title": "not the catalogue"}');
    expect((await refusal(describeMember('kev', bad))).message).toMatch(
      /^KEV data ".*bad-kev\.json": no "catalogVersion"/,
    );
  });

  it('writeSnapshot copies them beside the bundle and binds each by sha256, size and date; verify passes', async () => {
    const { bundle, manifest } = await snapshotWithMembers();
    const base = path.basename(bundle);
    const sha = (f: string): string =>
      require('node:crypto').createHash('sha256').update(fs.readFileSync(f)).digest('hex') as string;
    expect(manifest.members).toEqual({
      kev: {
        file: `${base}.kev.json`,
        sha256: sha(KEV),
        size: fs.statSync(KEV).size,
        date: X.KEV_DATE,
        version: X.KEV_VERSION,
      },
      epss: {
        file: `${base}.epss.csv.gz`,
        sha256: sha(EPSS),
        size: fs.statSync(EPSS).size,
        date: X.EPSS_DATE,
        version: X.EPSS_MODEL,
      },
      eol: { file: `${base}.eol.json`, sha256: sha(EOL), size: fs.statSync(EOL).size, date: '2099-01-14' },
    });
    expect(fs.readFileSync(path.join(path.dirname(bundle), `${base}.kev.json`))).toEqual(fs.readFileSync(KEV));
    const snap = await openSnapshot(bundle);
    expect(snap.manifest?.members).toEqual(manifest.members);
    await expect(verifySnapshot(snap)).resolves.toMatchObject({ records: 1 });
  });

  it('a changed or missing member is corrupt data (exit 2), like a changed bundle', async () => {
    const { bundle } = await snapshotWithMembers();
    const kev = `${bundle}.kev.json`;
    const text = fs.readFileSync(kev, 'utf8');
    fs.writeFileSync(kev, text.replace('CVE-2099-1003', 'CVE-2099-1004'));
    expect((await refusal(verifySnapshot(await openSnapshot(bundle)))).message).toMatch(
      new RegExp(`is corrupt: its kev member ${path.basename(kev).replace(/\./g, '\\.')} does not match the manifest`),
    );
    fs.rmSync(kev);
    expect((await refusal(verifySnapshot(await openSnapshot(bundle)))).message).toMatch(
      /is corrupt: its kev member .* cannot be read/,
    );
  });

  it('the manifest refuses a member that is not a plain file name, an unknown member, a bad sha256 or date', () => {
    const m = (members: unknown): string =>
      JSON.stringify({
        format: 'clair-scan-snapshot',
        formatVersion: 1,
        createdAt: '2026-01-01T00:00:00Z',
        updaters: [],
        records: 1,
        bundle: { file: 'b.json', sha256: 'a'.repeat(64), size: 1, compression: 'none' },
        members,
      });
    const good = { file: 'b.json.kev.json', sha256: 'b'.repeat(64), size: 10, date: '2026-01-01' };
    expect(parseManifest(m({ kev: good }), 'm').members).toEqual({ kev: good });
    const cases: [unknown, RegExp][] = [
      [{ kev: { ...good, file: '../../etc/passwd' } }, /member kev has no plain file name/],
      [{ kev: { ...good, file: '/etc/passwd' } }, /member kev has no plain file name/],
      [{ kev: { ...good, file: '.hidden' } }, /member kev has no plain file name/],
      [{ exploits: good }, /"members" names "exploits", not one of kev, epss, eol/],
      [{ epss: { ...good, sha256: 'x' } }, /member epss has no sha256/],
      [{ eol: { ...good, date: 'soon' } }, /member eol has no date/],
      [{ kev: { ...good, size: -1 } }, /member kev has no valid size/],
      [[good], /"members" is not an object/],
    ];
    for (const [members, re] of cases) expect(() => parseManifest(m(members), 'm')).toThrow(re);
  });

  it("the manifest's signature covers the members: a changed member fails after a valid signature", async () => {
    const { bundle } = await snapshotWithMembers();
    const kp = makeKeyPair('ec');
    const keyFile = path.join(dir, `key-${n++}.pem`);
    fs.writeFileSync(keyFile, kp.privatePem);
    await signManifestFile(manifestPathFor(bundle), loadSigningKey(keyFile));
    const pub = loadDataPublicKey(kp.publicPem);
    await expect(verifySnapshot(await openSignedSnapshot(bundle, pub, 'snap'))).resolves.toMatchObject({ records: 1 });
    // The member changed: the signature still verifies the manifest, whose sha256 then refuses the member.
    const epss = `${bundle}.epss.csv.gz`;
    fs.writeFileSync(
      epss,
      zlib.gzipSync(
        '#model_version:v2025.03.14,score_date:2099-01-15T00:00:00+0000\ncve,epss,percentile\nCVE-2099-1004,0.99,0.99\n',
      ),
    );
    expect((await refusal(verifySnapshot(await openSignedSnapshot(bundle, pub, 'snap')))).message).toMatch(
      /its epss member .* does not match the manifest/,
    );
    // The manifest changed to match the new member: the signature fails.
    const mf = manifestPathFor(bundle);
    const doc = JSON.parse(fs.readFileSync(mf, 'utf8')) as SnapshotManifest;
    doc.members!.epss!.sha256 = require('node:crypto').createHash('sha256').update(fs.readFileSync(epss)).digest('hex');
    doc.members!.epss!.size = fs.statSync(epss).size;
    fs.writeFileSync(mf, `${JSON.stringify(doc, null, 2)}\n`);
    expect((await refusal(openSignedSnapshot(bundle, pub, 'snap'))).message).toMatch(
      /does not verify with vuln-data-public-key/,
    );
  });
});

describe('which exploit data a run uses', () => {
  it('the members fill empty inputs; an explicit input wins; none keeps it off; the notes say which', async () => {
    const { bundle, manifest } = await snapshotWithMembers();
    const carried = { snapshot: { bundlePath: bundle, members: manifest.members!, label: 'snap.json.gz' } };
    const fromMembers = await completeExploitData({ notes: [] }, carried, {});
    expect(fromMembers.kev?.version).toBe(X.KEV_VERSION);
    expect(fromMembers.epss?.date).toBe(X.EPSS_DATE);
    expect(fromMembers.eol?.date).toBe('2099-01-14');
    expect(fromMembers.notes).toEqual([
      'End-of-life data: the table of 2099-01-14 carried by the vulnerability data snap.json.gz.',
      `Exploit data: the CISA KEV catalogue ${X.KEV_VERSION} (released ${X.KEV_DATE}) carried by the vulnerability data snap.json.gz.`,
      `Exploit data: the EPSS scores of ${X.EPSS_DATE} (model ${X.EPSS_MODEL}) carried by the vulnerability data snap.json.gz.`,
    ]);
    // An explicit kev-data (another catalogue) wins over the member; epss-data none keeps EPSS off.
    const own = path.join(dir, 'own-kev.json');
    fs.writeFileSync(own, fs.readFileSync(KEV, 'utf8').replace(`"${X.KEV_VERSION}"`, '"2099.01.16"'));
    const policy = { kevData: own, epssData: 'none', eolData: 'none' };
    const mixed = await completeExploitData(await loadExploitData(policy), carried, policy);
    expect(mixed.kev?.version).toBe('2099.01.16');
    expect(mixed.epss).toBeUndefined();
    expect(mixed.eol).toBeUndefined();
    expect(mixed.notes).toEqual([
      `Exploit data: the CISA KEV catalogue 2099.01.16 (released ${X.KEV_DATE}) from kev-data ${own}.`,
    ]);
  });

  it('fail-on that needs data nobody gave is exit 2 after the data load, before any image', async () => {
    expect(
      (await refusal(() => addMemberData({ notes: [] }, undefined, {}, { needs: { kev: true, epss: false } }))).message,
    ).toBe(
      'fail-on uses kev, but no CISA KEV catalogue was given or carried by the vulnerability data: the rule could never fire',
    );
    expect(() => addMemberData({ notes: [] }, undefined, {}, { needs: { kev: false, epss: false } })).not.toThrow();
  });

  it('vuln-data-max-age covers each by its own date: an old KEV catalogue is refused, fresh EPSS passes', async () => {
    const old = path.join(dir, 'old-kev.json');
    fs.writeFileSync(old, fs.readFileSync(KEV, 'utf8').replace(X.KEV_DATE, '2026-11-01T10:00:00.0000Z'));
    const now = new Date('2026-12-06T10:00:00Z');
    const e = await refusal(loadExploitData({ kevData: old }, { maxAgeMs: 24 * 3600_000, now }));
    expect(e.message).toBe(
      `the CISA KEV catalogue (kev-data ${old}) is dated 2026-11-01T10:00:00.0000Z, 35 d old, older than vuln-data-max-age (24 h)`,
    );
    await expect(loadExploitData({ kevData: old }, { maxAgeMs: 40 * 86400_000, now })).resolves.toHaveProperty('kev');
    // The same for a member.
    const { bundle } = await snapshotWithMembers();
    const members = { kev: (await loadExploitData({ kevData: old })).kev, label: 'snap' };
    void bundle;
    expect(
      (await refusal(() => addMemberData({ notes: [] }, members, {}, { maxAgeMs: 24 * 3600_000, now }))).message,
    ).toMatch(/^the CISA KEV catalogue \(carried by snap\) is dated 2026-11-01T10:00:00\.0000Z, 35 d old/);
  });
});

describe('online mode: the published files, fetched (here through a loopback proxy to a local https server)', () => {
  const env = { ...process.env };
  afterEach(() => {
    process.env = { ...env };
  });

  it('empty inputs fetch the published URLs; a fetch that fails warns and says "not enriched", or is exit 2 when fail-on needs it', async () => {
    const ca = makeTestCa('clair-scan members CA', ['www.cisa.gov', 'epss.empiricalsecurity.com']);
    const served: string[] = [];
    const https = await startHttpsServer(ca, (req, res) => {
      served.push(`${req.headers.host}${req.url}`);
      if (req.url === new URL(PUBLISHED_URL.kev).pathname) return void res.end(fs.readFileSync(KEV));
      res.writeHead(404).end();
    });
    // Only the KEV host is routed; the EPSS host is refused by the proxy (502), as an unreachable internet is.
    const proxy = await startTestProxy({ 'www.cisa.gov:443': https.port });
    try {
      process.env.HTTPS_PROXY = proxy.url;
      const bundle = loadCaBundle(ca.caFile);
      warnings.length = 0;
      const got = await loadExploitData({}, { online: true, ca: bundle });
      expect(got.kev?.version).toBe(X.KEV_VERSION);
      expect(got.epss).toBeUndefined();
      expect(proxy.seen).toEqual(
        expect.arrayContaining(['CONNECT www.cisa.gov:443', 'CONNECT epss.empiricalsecurity.com:443']),
      );
      expect(served).toEqual([`www.cisa.gov${new URL(PUBLISHED_URL.kev).pathname}`]);
      expect(got.notes[0]).toBe(
        `Exploit data: the CISA KEV catalogue ${X.KEV_VERSION} (released ${X.KEV_DATE}), fetched from ${PUBLISHED_URL.kev}.`,
      );
      expect(got.notes[1]).toMatch(
        /^The EPSS scores could not be fetched from https:\/\/epss\.empiricalsecurity\.com\/epss_scores-current\.csv\.gz \(.+\): the findings are not enriched with it \(which never means "not exploited"\)/,
      );
      expect(warnings).toEqual([got.notes[1]]);
      // fail-on epss: the same failure is exit 2.
      expect(
        (await refusal(loadExploitData({}, { online: true, ca: bundle, needs: { kev: false, epss: true } }))).message,
      ).toMatch(
        /^fail-on uses epss, but the EPSS scores could not be fetched from https:\/\/epss\.empiricalsecurity\.com\//,
      );
      // none: nothing fetched at all; not online: nothing fetched.
      const before = proxy.seen.length;
      expect(await loadExploitData({ kevData: 'none', epssData: 'NONE' }, { online: true, ca: bundle })).toEqual({
        notes: [],
      });
      expect(await loadExploitData({}, { online: false, ca: bundle })).toEqual({ notes: [] });
      expect(proxy.seen.length).toBe(before);
    } finally {
      await proxy.close();
      await https.close();
    }
  });
});

describe('database image members label', () => {
  const { dbImageLabels, readDbImageLabels } =
    require('../../../src/data/db-image') as typeof import('../../../src/data/db-image');
  const INFO = {
    createdAt: '2026-01-02T03:04:05.678Z',
    formatVersion: 1,
    clairVersion: 'v4.9.0',
    updaterSets: ['debian'],
    updaters: [{ name: 'debian/updater', records: 42 }],
    records: 42,
    sourceSha256: 'a'.repeat(64),
    buildId: '83e144a0-af01-48e5-bf6f-cb09fbced7f8',
    postgresMajor: '15',
  };
  const kev = { file: 'kev.json', sha256: 'b'.repeat(64), size: 1234, date: X.KEV_DATE, version: X.KEV_VERSION };

  it('round-trips the members with their dates; an image without the label carries none', () => {
    const labels = dbImageLabels({ ...INFO, members: { kev } });
    expect(JSON.parse(labels['io.clair-scan.data.members'])).toEqual({ kev });
    expect(readDbImageLabels(labels, 'r').members).toEqual({ kev });
    expect(dbImageLabels(INFO)['io.clair-scan.data.members']).toBeUndefined();
    expect(readDbImageLabels(dbImageLabels(INFO), 'r').members).toBeUndefined();
  });

  it('a hostile members label is refused: not JSON, a path for a file name, an unknown member', async () => {
    const labels = dbImageLabels(INFO);
    const bad = async (v: string): Promise<string> =>
      (await refusal(() => readDbImageLabels({ ...labels, 'io.clair-scan.data.members': v }, 'r'))).message;
    expect(await bad('{')).toMatch(
      /^r is not a clair-scan database image: its label io\.clair-scan\.data\.members is not JSON/,
    );
    expect(await bad(JSON.stringify({ kev: { ...kev, file: '../../../etc/shadow' } }))).toBe(
      'r is not a clair-scan database image: its label io.clair-scan.data.members: member kev has no plain file name',
    );
    expect(await bad(JSON.stringify({ exploit: kev }))).toMatch(/"members" names "exploit"/);
  });
});

test('data info names the members with their dates', async () => {
  const { describe: describeSnapshot } = require('../../../src/data/cli') as typeof import('../../../src/data/cli');
  const { manifest } = await snapshotWithMembers();
  const text = describeSnapshot(manifest, 'snap');
  expect(text.split('\n').filter((l) => l.startsWith('  carries '))).toEqual([
    `  carries kev: ${manifest.members!.kev!.file}, dated ${X.KEV_DATE} (${X.KEV_VERSION}), sha256:${manifest.members!.kev!.sha256}`,
    `  carries epss: ${manifest.members!.epss!.file}, dated ${X.EPSS_DATE} (${X.EPSS_MODEL}), sha256:${manifest.members!.epss!.sha256}`,
    `  carries eol: ${manifest.members!.eol!.file}, dated 2099-01-14, sha256:${manifest.members!.eol!.sha256}`,
  ]);
});
