/**
 * The range-import workaround for clairctl 4.9.0 (src/environment/range-import.ts) on real files: bundles written
 * as clairctl export-updaters writes them (plain, gzip, zstd), rewritten in one streaming pass into the bundle
 * clairctl imports and the SQL script that restores the ranges — claircore.Version text read exactly as
 * claircore's UnmarshalText reads it, and bounds written as its rangefmt writes them.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import {
  copyText,
  countRangeRecords,
  countRangeRecordsInFile,
  parseVersionText,
  RESTORE_SQL_HEAD,
  restoreSqlTail,
  rewriteRangeBundle,
} from '../../../src/environment/range-import';
import { scanBundle } from '../../../src/data/snapshot';
import { ClairScanError } from '../../../src/util/errors';
import { removeTestTempDirs, testTempDir } from '../../helpers/tmp';

afterAll(removeTestTempDirs);

const REF = '8f5e1036-7a82-5bbf-a833-4349f08f5076';
const ZERO = 'semver:0.0.0.0.0.0.0.0.0.0';

function goRecord(
  name: string,
  range: unknown,
  extra: Record<string, unknown> = {},
  updater = 'osv/go',
  fingerprint = 'etag-1',
): Record<string, unknown> {
  return {
    Updater: updater,
    Fingerprint: fingerprint,
    Date: '2098-01-01T00:00:00Z',
    Ref: REF,
    Kind: 'vulnerability',
    Vuln: {
      updater,
      name,
      description: `FAKE ${name}`,
      issued: '2098-01-01T00:00:00Z',
      links: `https://osv.dev/${name}`,
      severity: 'HIGH',
      normalized_severity: 'High',
      package: { name: 'golang.org/x/text', kind: 'binary', normalized_version: '' },
      repository: { name: 'go', uri: 'https://pkg.go.dev/' },
      fixed_in_version: '0.3.8',
      ...(range === undefined ? {} : { range }),
      ...extra,
    },
  };
}

const debianLine =
  '{"Updater":"debian/updater","Fingerprint":"fp","Date":"2098-01-01T00:00:00Z","Ref":"5b0f8c3e-1d2a-4e6b-9c7d-8e9f0a1b2c3d","Kind":"vulnerability","Vuln":{"name":"CVE-2099-1","links":"x \\u003c y","package":{"name":"openssl","kind":"source"}}}';
const enrichmentLine =
  '{"Updater":"clair.cvss","Fingerprint":"e","Date":"2098-01-01T00:00:00Z","Ref":"c4a1e2f3-6b7d-4c8e-8f9a-0b1c2d3e4f5a","Kind":"enrichment","Enrichment":{"tags":["CVE-1"],"enrichment":{"range":1}}}';

/** A bundle: two untouched lines (kept byte for byte), range records, a record whose range is null. */
function bundleLines(): string[] {
  return [
    debianLine,
    JSON.stringify(goRecord('GO-2099-0001', { '[': ZERO, ')': 'semver:0.0.3.8.0.0.0.0.0.0' })),
    JSON.stringify(goRecord('GO-2099-0001', { '[': 'semver:0.0.4.0.0.0.0.0.0.0', ')': 'semver:0.0.5.1.0.0.0.0.0.0' })),
    JSON.stringify(goRecord('GO-2099-0002', { '[': ZERO, ')': 'semver:65535.0.0.0.0.0.0.0.0.0' }, { links: '' })),
    JSON.stringify(goRecord('GO-2099-0003', null)),
    enrichmentLine,
    // ECOSYSTEM ranges of other ecosystems: both bounds of kind "" (claircore's OSV updater), version_kind ''.
    JSON.stringify(goRecord('GHSA-0004', { '[': '', ')': '' }, {}, 'osv/crates.io')),
    // Bounds of different kinds: version_kind NULL (rangefmt), the range still written.
    JSON.stringify(goRecord('GO-2099-0005', { '[': 'semver:0.1', ')': 'other:0.2' }, {}, 'osv/go', 'etag-old')),
  ];
}

function write(dir: string, name: string, lines: string[]): string {
  const raw = Buffer.from(`${lines.join('\n')}\n`);
  const file = path.join(dir, name);
  if (name.endsWith('.gz')) fs.writeFileSync(file, zlib.gzipSync(raw));
  else if (name.endsWith('.zst')) fs.writeFileSync(file, execFileSync('zstd', ['-q', '-c'], { input: raw }));
  else fs.writeFileSync(file, raw);
  return file;
}

/** Parses the COPY text-format data of a restore script back into fields (the inverse of copyText). */
function copyRows(sql: string): (string | null)[][] {
  const data = sql.slice(RESTORE_SQL_HEAD.length, sql.indexOf('\n\\.\n') + 1);
  return data
    .split('\n')
    .filter((l) => l !== '')
    .map((l) =>
      l
        .split('\t')
        .map((f) =>
          f === '\\N'
            ? null
            : f.replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', r: '\r', t: '\t', '\\': '\\' })[c] ?? `\\${c}`),
        ),
    );
}

describe('parseVersionText: claircore.Version UnmarshalText', () => {
  it.each([
    ['semver:0.1.2.3.0.0.0.0.0.0', 'semver', [0, 1, 2, 3, 0, 0, 0, 0, 0, 0]],
    ['semver:65535.0.0.0.0.0.0.0.0.0', 'semver', [65535, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['pep440:1.2', 'pep440', [1, 2, 0, 0, 0, 0, 0, 0, 0, 0]], // missing slots are 0
    ['x:+5.-3.007.-0', 'x', [5, -3, 7, 0, 0, 0, 0, 0, 0, 0]], // strconv.ParseInt accepts signs and leading zeros
    ['', '', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]], // no colon: the zero Version
    ['semver', '', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    [null, '', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['a:b:1', 'a', null], // "b:1" is no integer
  ])('%j', (text, kind, v) => {
    if (v === null) expect(() => parseVersionText(text)).toThrow(/not a 32-bit integer/);
    else expect(parseVersionText(text)).toEqual({ kind, v });
  });

  it('rejects what clairctl rejects or crashes on', () => {
    expect(() => parseVersionText('semver:1.2.')).toThrow(/"" , not a 32-bit integer|has "", not a 32-bit integer/);
    expect(() => parseVersionText('semver:2147483648')).toThrow(/not a 32-bit integer/);
    expect(parseVersionText('semver:-2147483648').v[0]).toBe(-2147483648);
    expect(() => parseVersionText('semver:1.2.3.4.5.6.7.8.9.10.11')).toThrow(
      /has 11 numbers; a claircore version has 10/,
    );
    expect(() => parseVersionText(5)).toThrow(/not a version string/);
  });
});

describe('rewriteRangeBundle: one streaming pass → the bundle for clairctl and the restore script', () => {
  it.each(['bundle.json', 'bundle.json.gz', 'bundle.json.zst'])('%s', async (name) => {
    const dir = testTempDir('cs-unit-range-');
    const file = write(dir, name, bundleLines());
    const out = testTempDir('cs-unit-range-out-');
    // The update operation osv/go etag-old is in the database already: clairctl skips its records.
    const rw = await rewriteRangeBundle(file, out, { skip: new Set(['osv/go\0etag-old']) });
    expect(rw).toEqual({
      bundle: path.join(out, 'bundle.json.gz'),
      sql: path.join(out, 'restore.sql'),
      rangeRecords: 5,
      restored: 4,
    });

    const lines = zlib.gunzipSync(fs.readFileSync(rw.bundle)).toString('utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(8);
    // Records without a range: byte for byte (Go's \u003c escape kept).
    expect(lines[0]).toBe(debianLine);
    expect(lines[4]).toBe(bundleLines()[4]);
    expect(lines[5]).toBe(enrichmentLine);
    // Range records: no range, links tagged uniquely, everything else as it was.
    const recs = lines.map((l) => JSON.parse(l) as { Vuln?: Record<string, unknown> });
    const tagged = [1, 2, 3, 6, 7].map((i) => recs[i].Vuln as Record<string, unknown>);
    for (const v of tagged) expect(v).not.toHaveProperty('range');
    const tags = tagged.map((v) => String(v.links));
    expect(tags[0]).toMatch(/^https:\/\/osv\.dev\/GO-2099-0001 clair-scan-range:[0-9a-f]{24}:1$/);
    expect(tags[2]).toMatch(/^clair-scan-range:[0-9a-f]{24}:3$/); // empty links: the tag alone
    expect(new Set(tags).size).toBe(5);
    const original = bundleLines().map((l) => JSON.parse(l) as { Vuln: Record<string, unknown> });
    const { range: _r, links: _l, ...rest } = original[1].Vuln;
    const { links: _l2, ...restNew } = tagged[0];
    expect(restNew).toEqual(rest);

    const sql = fs.readFileSync(rw.sql, 'utf8');
    expect(sql.startsWith(RESTORE_SQL_HEAD)).toBe(true);
    expect(sql.endsWith(restoreSqlTail(4))).toBe(true);
    expect(copyRows(sql)).toEqual([
      [tags[0], 'https://osv.dev/GO-2099-0001', 'semver', '{0,0,0,0,0,0,0,0,0,0}', '{0,0,3,8,0,0,0,0,0,0}'],
      [tags[1], 'https://osv.dev/GO-2099-0001', 'semver', '{0,0,4,0,0,0,0,0,0,0}', '{0,0,5,1,0,0,0,0,0,0}'],
      [tags[2], '', 'semver', '{0,0,0,0,0,0,0,0,0,0}', '{65535,0,0,0,0,0,0,0,0,0}'],
      [tags[3], 'https://osv.dev/GHSA-0004', '', '{0,0,0,0,0,0,0,0,0,0}', '{0,0,0,0,0,0,0,0,0,0}'],
      // GO-2099-0005 (etag-old) is skipped by clairctl: nothing to restore for it.
    ]);
  });

  it('different kinds: version_kind NULL, the bounds still written (as claircore does)', async () => {
    const dir = testTempDir('cs-unit-range-');
    const file = write(dir, 'b.json', [
      JSON.stringify(goRecord('GO-2099-0005', { '[': 'semver:0.1', ')': 'other:0.2' })),
    ]);
    const rw = await rewriteRangeBundle(file, testTempDir('cs-unit-range-out-'));
    expect(copyRows(fs.readFileSync(rw.sql, 'utf8'))[0].slice(1)).toEqual([
      'https://osv.dev/GO-2099-0005',
      null,
      '{0,1,0,0,0,0,0,0,0,0}',
      '{0,2,0,0,0,0,0,0,0,0}',
    ]);
  });

  it('the restore script fails unless exactly the expected number of rows was updated, in one transaction', () => {
    const tail = restoreSqlTail(4);
    expect(tail).toContain('IF n <> 4 THEN RAISE EXCEPTION');
    expect(tail).toContain("vulnerable_range = VersionRange(r.lower, r.upper, '[)')");
    expect(tail.trimEnd().endsWith('COMMIT;')).toBe(true);
    expect(RESTORE_SQL_HEAD).toMatch(/^\\set ON_ERROR_STOP on\nBEGIN;\n/);
    expect(() => restoreSqlTail(-1)).toThrow();
    expect(() => restoreSqlTail(1.5)).toThrow();
  });

  it.each([
    ['a bound that is no version string', { '[': 5, ')': ZERO }, /line 1: .*a range bound is 5, not a version string/],
    ['a bound with 11 numbers', { '[': ZERO, ')': 'semver:1.2.3.4.5.6.7.8.9.10.11' }, /has 11 numbers/],
    ['a range that is no object', 'semver:1', /its range is "semver:1", not an object/],
  ])('%s: exit 2 naming the line, nothing half-written', async (_what, range, message) => {
    const dir = testTempDir('cs-unit-range-');
    const file = write(dir, 'bad.json', [JSON.stringify(goRecord('GO-1', range))]);
    const err = await rewriteRangeBundle(file, testTempDir('cs-unit-range-out-')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClairScanError);
    expect((err as ClairScanError).exitCode).toBe(2);
    expect((err as ClairScanError).message).toMatch(message);
  });

  it('two spellings of the range key are ambiguous (Go keeps the last in the text): refused', async () => {
    const dir = testTempDir('cs-unit-range-');
    const line = JSON.stringify(goRecord('GO-1', { '[': ZERO, ')': ZERO })).replace(
      '"range":',
      '"Range":{"[":"",")":""},"range":',
    );
    const file = write(dir, 'amb.json', [line]);
    await expect(rewriteRangeBundle(file, testTempDir('cs-unit-range-out-'))).rejects.toThrow(
      /the keys "Range" and "range" both set range/,
    );
  });

  it('a damaged gzip bundle is an error, not a short rewrite', async () => {
    const dir = testTempDir('cs-unit-range-');
    const file = write(dir, 'b.json.gz', bundleLines());
    fs.truncateSync(file, fs.statSync(file).size - 20);
    await expect(rewriteRangeBundle(file, testTempDir('cs-unit-range-out-'))).rejects.toThrow(
      /could not be rewritten for its version ranges/,
    );
  });
});

describe('counting range records', () => {
  it.each(['c.json', 'c.json.gz', 'c.json.zst'])(
    'the detection pass and the verification pass agree (%s)',
    async (name) => {
      const file = write(testTempDir('cs-unit-range-'), name, bundleLines());
      expect(await countRangeRecordsInFile(file)).toBe(5);
      expect((await scanBundle(file)).rangeRecords).toBe(5);
    },
  );

  it('a key spelled in another case counts (Go matches keys without regard to case)', async () => {
    const line = JSON.stringify(goRecord('GO-1', { '[': ZERO, ')': ZERO })).replace('"range":', '"RANGE":');
    expect(await countRangeRecords(Readable.from([Buffer.from(line)]), 'none')).toBe(1);
    expect(await countRangeRecords(Readable.from([Buffer.from(debianLine)]), 'none')).toBe(0);
  });
});

describe('copyText: COPY text format', () => {
  it('escapes backslash, newline, carriage return and tab; NULL is \\N; NUL is refused', () => {
    expect(copyText('a\\b\nc\rd\te')).toBe('a\\\\b\\nc\\rd\\te');
    expect(copyText('\\.')).toBe('\\\\.');
    expect(copyText(null)).toBe('\\N');
    expect(copyText('\\N')).toBe('\\\\N');
    expect(() => copyText('a\0b')).toThrow(/NUL/);
  });
});
