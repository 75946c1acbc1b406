/**
 * Database images (src/data/db-image.ts): the labels written and read back, every label checked for its shape
 * (labels are untrusted text), the refusals on the labels (future createdAt, older than vuln-data-max-age, another
 * Clair version) and on the database (no Clair schema, no or another clair_scan.data_image row), and
 * `vuln-data: db-image:<ref>` in the settings.
 */
import {
  checkDbImageAge,
  checkDbImageClair,
  checkDbImageDatabase,
  DB_IMAGE_LABELS,
  daemonCredentials,
  dbImageLabels,
  DbImageInfo,
  describeDbImage,
  readDbImageLabels,
  sameClairVersion,
} from '../../../src/data/db-image';
import { dbImageRef, parseSettings } from '../../../src/inputs/settings';
import { ClairScanError } from '../../../src/util/errors';

const INFO: DbImageInfo = {
  createdAt: '2026-01-02T03:04:05.678Z',
  formatVersion: 1,
  clairVersion: 'v4.9.0',
  updaterSets: ['debian', 'osv'],
  updaters: [
    { name: 'debian/updater', date: '2026-01-02T00:00:00Z', records: 40 },
    { name: 'osv/pypi', records: 2 },
  ],
  records: 42,
  sourceSha256: 'a'.repeat(64),
  buildId: '83e144a0-af01-48e5-bf6f-cb09fbced7f8',
  postgresMajor: '15',
};
const REF = 'ghcr.io/org/clair-db:v4.9.0';

function thrown(f: () => unknown): ClairScanError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(ClairScanError);
    return err as ClairScanError;
  }
  throw new Error('expected an error');
}

describe('database image labels', () => {
  it('are written with the names of the design and read back to the same info', () => {
    const labels = dbImageLabels(INFO);
    expect(labels).toEqual({
      'org.opencontainers.image.created': '2026-01-02T03:04:05.678Z',
      'io.clair-scan.data.format-version': '1',
      'io.clair-scan.data.clair-version': 'v4.9.0',
      'io.clair-scan.data.updater-sets': 'debian,osv',
      'io.clair-scan.data.updaters':
        '[{"name":"debian/updater","date":"2026-01-02T00:00:00Z","records":40},{"name":"osv/pypi","records":2}]',
      'io.clair-scan.data.records': '42',
      'io.clair-scan.data.source-sha256': 'a'.repeat(64),
      'io.clair-scan.data.build-id': INFO.buildId,
      'io.clair-scan.data.postgres-major': '15',
    });
    expect(readDbImageLabels({ ...labels, 'some.other': 'x' }, REF)).toEqual(INFO);
  });

  it('an image without them (a plain PostgreSQL image) is "not a clair-scan database image"', () => {
    for (const labels of [undefined, null, {}, { 'org.opencontainers.image.created': INFO.createdAt }] as (
      Record<string, string> | null | undefined
    )[]) {
      const err = thrown(() => readDbImageLabels(labels, 'postgres:15'));
      expect(err.message).toBe(
        'postgres:15 is not a clair-scan database image: it carries no io.clair-scan.data.* labels',
      );
      expect(err.hint).toMatch(/clair-scan data image build/);
    }
  });

  it.each([
    [
      DB_IMAGE_LABELS.created,
      '2026-01-02 03:04:05',
      /label org\.opencontainers\.image\.created is not an ISO 8601 UTC time/,
    ],
    [DB_IMAGE_LABELS.created, '', /label org\.opencontainers\.image\.created is missing/],
    [DB_IMAGE_LABELS.clairVersion, 'latest', /clair-version is not a Clair version/],
    [DB_IMAGE_LABELS.records, '-1', /records is not a record count/],
    [DB_IMAGE_LABELS.sourceSha256, 'A'.repeat(64), /source-sha256 is not a sha256/],
    [DB_IMAGE_LABELS.buildId, 'x', /build-id is not a UUID/],
    [DB_IMAGE_LABELS.postgresMajor, 'fifteen', /postgres-major is not a PostgreSQL major version/],
    [DB_IMAGE_LABELS.updaterSets, 'debian,../x', /updater-sets is not a comma-separated list/],
    [DB_IMAGE_LABELS.updaters, '{"name":"x"}', /updaters is not a JSON array/],
    [DB_IMAGE_LABELS.updaters, '[{"name":"x","records":"1"}]', /updaters is not a JSON array .*no record count for x/],
    [DB_IMAGE_LABELS.updaters, 'not json', /updaters is not a JSON array/],
  ])('a bad label %s = %j is refused, naming it', (key, value, message) => {
    const err = thrown(() => readDbImageLabels({ ...dbImageLabels(INFO), [key]: value }, REF));
    expect(err.message).toMatch(/^ghcr\.io\/org\/clair-db:v4\.9\.0 is not a clair-scan database image: /);
    expect(err.message).toMatch(message);
  });

  it('another format version names both versions', () => {
    const err = thrown(() => readDbImageLabels({ ...dbImageLabels(INFO), [DB_IMAGE_LABELS.formatVersion]: '2' }, REF));
    expect(err.message).toBe(`${REF} is a database image of format version 2; this clair-scan reads version 1`);
  });

  it('describe says what it holds and how old it is', () => {
    const text = describeDbImage(
      { ...INFO, where: 'registry', digest: 'sha256:abc' },
      REF,
      new Date('2026-01-03T03:04:05.678Z'),
    );
    expect(text).toContain('ghcr.io/org/clair-db:v4.9.0 (registry sha256:abc): a clair-scan database image');
    expect(text).toContain('created 2026-01-02T03:04:05.678Z (24 h ago) with Clair v4.9.0, PostgreSQL 15');
    expect(text).toContain('    debian/updater: 40 (updater ran 2026-01-02T00:00:00Z)');
    expect(text).toContain('  42 records');
  });
});

describe('refusals on the labels', () => {
  const now = new Date('2026-01-03T03:04:05.678Z'); // one day after createdAt

  it('older than vuln-data-max-age: refused, naming its age, its creation time and the limit', () => {
    const err = thrown(() => checkDbImageAge(INFO, REF, 12 * 3600_000, now));
    expect(err.message).toBe(
      `the database image ${REF} is 24 h old (created 2026-01-02T03:04:05.678Z), older than vuln-data-max-age (12 h)`,
    );
    expect(err.hint).toMatch(/pull a newer database image/);
    expect(() => checkDbImageAge(INFO, REF, 25 * 3600_000, now)).not.toThrow();
    expect(() => checkDbImageAge(INFO, REF, undefined, now)).not.toThrow();
  });

  it('createdAt in the future (beyond 5 minutes of clock skew): refused', () => {
    const before = new Date(Date.parse(INFO.createdAt) - 3600_000);
    const err = thrown(() => checkDbImageAge(INFO, REF, undefined, before));
    expect(err.message).toBe(
      `the database image ${REF} says it was created at ${INFO.createdAt}, 1 h in the future (now ${before.toISOString()})`,
    );
    expect(() => checkDbImageAge(INFO, REF, undefined, new Date(Date.parse(INFO.createdAt) - 60_000))).not.toThrow();
  });

  it('another Clair version: refused, naming both', () => {
    const err = thrown(() => checkDbImageClair(INFO, REF, 'v4.8.0', 'quay.io/projectquay/clair:4.8.0'));
    expect(err.message).toBe(
      `the database image ${REF} was built with Clair v4.9.0, but clair-image (quay.io/projectquay/clair:4.8.0) is Clair v4.8.0`,
    );
    expect(err.hint).toMatch(/Clair v4\.8\.0/);
    expect(thrown(() => checkDbImageClair(INFO, REF, undefined, 'x')).message).toMatch(/is Clair \(version unknown\)$/);
    expect(() => checkDbImageClair(INFO, REF, '4.9.0', 'x')).not.toThrow();
    expect(sameClairVersion('v4.9.0', '4.9.0')).toBe(true);
    expect(sameClairVersion('v4.9.0', 'v4.9.1')).toBe(false);
  });
});

describe('refusals on the database', () => {
  const row = JSON.stringify({
    build_id: INFO.buildId,
    created_at: '2026-01-02T03:04:05.678+00:00',
    clair_version: 'v4.9.0',
    records: 42,
  });

  it("the image's own database passes (timestamptz as PostgreSQL writes it)", () => {
    expect(() =>
      checkDbImageDatabase(INFO, REF, { clairSchema: true, dataImageTable: true, rows: [row] }),
    ).not.toThrow();
  });

  it('no Clair schema, no table, no row or two rows: not a clair-scan database image', () => {
    expect(
      thrown(() => checkDbImageDatabase(INFO, REF, { clairSchema: false, dataImageTable: false, rows: [] })).message,
    ).toBe(
      `${REF} is not a clair-scan database image: its database has no Clair schema (tables vuln and update_operation)`,
    );
    expect(
      thrown(() => checkDbImageDatabase(INFO, REF, { clairSchema: true, dataImageTable: false, rows: [] })).message,
    ).toMatch(/has no clair_scan\.data_image table$/);
    expect(
      thrown(() => checkDbImageDatabase(INFO, REF, { clairSchema: true, dataImageTable: true, rows: [] })).message,
    ).toMatch(/holds 0 rows, not one$/);
    expect(
      thrown(() => checkDbImageDatabase(INFO, REF, { clairSchema: true, dataImageTable: true, rows: [row, row] }))
        .message,
    ).toMatch(/holds 2 rows, not one$/);
  });

  it('a row that differs from the labels (relabelled image): refused, naming what differs', () => {
    const other = JSON.stringify({
      build_id: '00000000-0000-4000-8000-000000000000',
      created_at: INFO.createdAt,
      clair_version: 'v4.8.0',
      records: 42,
    });
    const err = thrown(() =>
      checkDbImageDatabase(INFO, REF, { clairSchema: true, dataImageTable: true, rows: [other] }),
    );
    expect(err.message).toBe(
      `the database inside ${REF} does not match the image's labels (build id 00000000-0000-4000-8000-000000000000 ≠ label ${INFO.buildId}; Clair v4.8.0 ≠ label v4.9.0)`,
    );
  });
});

describe('vuln-data: db-image:<ref>', () => {
  const settings = (inputs: Record<string, string>) => parseSettings((n) => ({ image: 'myapp:ci', ...inputs })[n]);

  it('is parsed into vulnDbImage; its registry is the one the credentials are bound to', () => {
    const s = settings({ 'vuln-data': 'db-image:ghcr.io/org/clair-db:v4.9.0' });
    expect(s.vulnDbImage).toBe('ghcr.io/org/clair-db:v4.9.0');
    expect(s.vulnData).toBe('db-image:ghcr.io/org/clair-db:v4.9.0');
    expect(s.registry.hosts).toEqual(['ghcr.io']);
    expect(settings({ 'vuln-data': 'DB-IMAGE:127.0.0.1:5000/db@sha256:' + 'b'.repeat(64) }).vulnDbImage).toBe(
      `127.0.0.1:5000/db@sha256:${'b'.repeat(64)}`,
    );
    // A daemon image of no named registry binds nothing.
    expect(settings({ 'vuln-data': 'db-image:clair-db:1' }).registry.hosts).toEqual([]);
    expect(settings({ 'vuln-data': 'online' }).vulnDbImage).toBeUndefined();
  });

  it('with clair-url nothing is started: no database image', () => {
    expect(
      settings({ 'vuln-data': 'db-image:ghcr.io/org/clair-db:1', 'clair-url': 'http://clair:6060' }).vulnDbImage,
    ).toBeUndefined();
  });

  it.each(['db-image:', 'db-image:  ', 'db-image:https://x/y', 'db-image:a b', 'db-image:Bad/Name:1'])(
    '%j is refused with the form to write',
    (v) => {
      const err = thrown(() => dbImageRef(v));
      expect(err.message).toBe(`vuln-data "${v}" does not name a database image`);
      expect(err.hint).toMatch(/db-image:REGISTRY\/REPOSITORY:TAG/);
    },
  );

  it('the daemon gets credentials only for the registry they are bound to', async () => {
    const auth = { username: 'u', password: 'p', insecure: false, hosts: ['ghcr.io'] };
    await expect(daemonCredentials('ghcr.io/org/clair-db:1', auth)).resolves.toEqual({
      username: 'u',
      password: 'p',
      serveraddress: 'ghcr.io',
    });
    await expect(daemonCredentials('quay.io/org/clair-db:1', { ...auth })).resolves.toBeUndefined();
    await expect(daemonCredentials('clair-db:1', auth)).resolves.toBeUndefined();
  });
});
