import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ClairScanError } from '../../../src/util/errors';
import {
  findEolRelease,
  isEndOfLife,
  matchCycle,
  MAX_EOL_BYTES,
  readEol,
  readEolBytes,
  type EolTable,
} from '../../../src/data/eol';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-unit-eol-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

// Entries as endoflife.date's v0 API publishes them (https://endoflife.date/api/debian.json etc.).
const DEBIAN = [
  {
    cycle: '13',
    codename: 'Trixie',
    releaseDate: '2025-08-09',
    eol: '2028-08-09',
    extendedSupport: '2030-06-30',
    link: 'https://www.debian.org/News/2025/20250809',
    latest: '13.6',
    latestReleaseDate: '2026-07-11',
    lts: false,
  },
  { cycle: '12', codename: 'Bookworm', releaseDate: '2023-06-10', eol: '2026-06-10', latest: '12.15', lts: false },
  { cycle: '11', codename: 'Bullseye', releaseDate: '2021-08-14', eol: '2024-08-14', latest: '11.11', lts: false },
];
const UBUNTU = [
  {
    cycle: '24.04',
    codename: 'Noble Numbat',
    lts: true,
    releaseDate: '2024-04-25',
    support: '2029-05-31',
    eol: '2029-05-31',
    latest: '24.04.3',
  },
  {
    cycle: '22.04',
    codename: 'Jammy Jellyfish',
    lts: true,
    releaseDate: '2022-04-21',
    support: '2024-09-30',
    eol: '2027-06-01',
    latest: '22.04.5',
  },
];
const ALPINE = [
  { cycle: '3.2', releaseDate: '2015-05-26', eol: '2017-05-01', latest: '3.2.3', lts: false },
  { cycle: '3.19', releaseDate: '2023-12-07', eol: '2025-11-01', latest: '3.19.9', lts: false },
  { cycle: '3.1', releaseDate: '2014-12-10', eol: '2016-11-01', latest: '3.1.4', lts: false },
];
const RHEL = [
  {
    cycle: '10',
    releaseDate: '2025-05-20',
    support: '2030-05-31',
    eol: '2035-05-31',
    lts: '2035-05-31',
    latest: '10.2',
  },
  { cycle: '9', releaseDate: '2022-05-18', support: '2027-05-31', eol: '2032-05-31', lts: '2032-05-31', latest: '9.8' },
];
const PHOTON = [
  { cycle: '5.0', eol: false, releaseDate: '2023-05-03', latest: '5.0' },
  { cycle: '3.0', eol: true },
];

function doc(products: Record<string, unknown>, extra: Record<string, unknown> = {}): Buffer {
  return Buffer.from(JSON.stringify({ source: 'https://endoflife.date/api/', date: '2026-12-01', products, ...extra }));
}

function fails(bytes: Buffer): ClairScanError {
  try {
    readEolBytes(bytes, 'eol.json');
  } catch (err) {
    expect(err).toBeInstanceOf(ClairScanError);
    const e = err as ClairScanError;
    expect(e.message).toMatch(/^EOL data "eol\.json": ./);
    expect(e.hint).toMatch(/endoflife\.date/);
    return e;
  }
  throw new Error('expected the table to be refused');
}

describe('readEolBytes: the endoflife.date v0 arrays in one document', () => {
  it('reads the source, the date and every product with its cycles in order', () => {
    const t = readEolBytes(doc({ debian: DEBIAN, ubuntu: UBUNTU, 'alpine-linux': ALPINE, rhel: RHEL }), 'eol.json');
    expect(t.source).toBe('https://endoflife.date/api/');
    expect(t.date).toBe('2026-12-01');
    expect([...t.products.keys()]).toEqual(['debian', 'ubuntu', 'alpine-linux', 'rhel']);
    expect(t.products.get('debian')).toEqual([
      { cycle: '13', eol: '2028-08-09', codename: 'Trixie', releaseDate: '2025-08-09', latest: '13.6' },
      { cycle: '12', eol: '2026-06-10', codename: 'Bookworm', releaseDate: '2023-06-10', latest: '12.15' },
      { cycle: '11', eol: '2024-08-14', codename: 'Bullseye', releaseDate: '2021-08-14', latest: '11.11' },
    ]);
  });

  it('takes eol true/false, integer cycles printed as numbers, and null optional fields', () => {
    const t = readEolBytes(
      doc({ photon: PHOTON, 'amazon-linux': [{ cycle: 2023, eol: '2029-06-30', codename: null, latest: 2023.6 }] }),
      'x',
    );
    expect(t.products.get('photon')!.map((c) => c.eol)).toEqual([false, true]);
    expect(t.products.get('amazon-linux')).toEqual([{ cycle: '2023', eol: '2029-06-30', latest: '2023.6' }]);
  });

  it('refuses a bad entry naming the product and the cycle, never skipping it', () => {
    const bad = [...DEBIAN.slice(0, 1), { ...DEBIAN[1], eol: '2026-13-40' }];
    expect(fails(doc({ debian: bad })).message).toContain(
      'debian 12: "eol" is neither a YYYY-MM-DD date nor true/false: "2026-13-40"',
    );
    expect(fails(doc({ debian: [{ ...DEBIAN[1], eol: 'soon' }] })).message).toContain('debian 12: "eol"');
    expect(fails(doc({ debian: [{ ...DEBIAN[1], eol: null }] })).message).toContain('debian 12: "eol"');
    expect(fails(doc({ debian: [{ cycle: '12' }] })).message).toContain('debian 12: "eol"');
    expect(fails(doc({ debian: [{ ...DEBIAN[1], releaseDate: 20230610 }] })).message).toContain(
      'debian 12: "releaseDate" is not a YYYY-MM-DD date',
    );
    expect(fails(doc({ debian: [{ ...DEBIAN[1], codename: { x: 1 } }] })).message).toContain('debian 12: "codename"');
    expect(fails(doc({ debian: [DEBIAN[1], DEBIAN[1]] })).message).toContain('debian 12 is listed twice');
  });

  it('refuses wrong types: cycle, arrays, products, the document itself', () => {
    expect(fails(doc({ debian: [{ eol: '2026-06-10' }] })).message).toContain(
      'products.debian[0].cycle is not a release cycle name',
    );
    expect(fails(doc({ 'alpine-linux': [{ cycle: 3.1, eol: true }] })).message).toMatch(
      /products\.alpine-linux\[0\]\.cycle.*ambiguous/,
    );
    expect(fails(doc({ debian: [{ cycle: '../12', eol: true }] })).message).toContain(
      '.cycle is not a release cycle name',
    );
    expect(fails(doc({ debian: [{ cycle: ['12'], eol: true }] })).message).toContain(
      '.cycle is not a release cycle name',
    );
    expect(fails(doc({ debian: ['12'] })).message).toContain('products.debian[0] is not an object');
    expect(fails(doc({ debian: { cycle: '12', eol: true } })).message).toContain('products.debian is not an array');
    expect(fails(doc({})).message).toContain('"products" is empty');
    expect(fails(Buffer.from(JSON.stringify({ source: 's', date: '2026-12-01', products: [] }))).message).toContain(
      'no "products" object',
    );
    expect(fails(Buffer.from(JSON.stringify(DEBIAN))).message).toContain('not a JSON object');
    expect(fails(Buffer.from('{"source":')).message).toContain('not JSON');
    expect(fails(doc({ debian: DEBIAN }, { date: '2026-12-01T00:00:00Z' })).message).toContain(
      '"date" (when the table was taken)',
    );
    expect(fails(doc({ debian: DEBIAN }, { date: undefined })).message).toContain('"date"');
    expect(fails(doc({ debian: DEBIAN }, { source: 7 })).message).toContain('"source"');
  });

  it('refuses prototype keys as product names and never lets them reach a prototype', () => {
    const text = `{"source":"s","date":"2026-12-01","products":{"__proto__":[{"cycle":"12","eol":true}]}}`;
    expect(fails(Buffer.from(text)).message).toContain('product "__proto__" is not an endoflife.date product name');
    // A name that is a prototype member of plain objects is just a key of the Map.
    const c = readEolBytes(doc({ constructor: [{ cycle: '1', eol: true }] }), 'x');
    expect(c.products.get('constructor')).toEqual([{ cycle: '1', eol: true }]);
    expect(findEolRelease(c, { did: 'constructor', versionId: '1' })).toBeUndefined();
    // A __proto__ key inside an entry is an own property JSON.parse makes; it is ignored, the entry still checked.
    const t = readEolBytes(
      Buffer.from(
        `{"source":"s","date":"2026-12-01","products":{"debian":[{"cycle":"12","eol":"2026-06-10","__proto__":{"eol":true}}]}}`,
      ),
      'x',
    );
    expect(t.products.get('debian')).toEqual([{ cycle: '12', eol: '2026-06-10' }]);
    expect(({} as Record<string, unknown>).eol).toBeUndefined();
  });

  it('refuses a table over the size cap before parsing it, from bytes and from a file', async () => {
    const huge = Buffer.alloc(MAX_EOL_BYTES + 1, 0x20);
    expect(fails(huge).message).toContain(`${MAX_EOL_BYTES + 1} bytes, more than the 16 MiB clair-scan reads`);
    const file = path.join(dir, 'huge.json');
    fs.writeFileSync(file, huge);
    await expect(readEol(file)).rejects.toThrow(/more than the 16 MiB/);
  });

  it('reads a file; a missing one or a directory is an actionable error', async () => {
    const file = path.join(dir, 'eol.json');
    fs.writeFileSync(file, doc({ debian: DEBIAN }));
    expect((await readEol(file)).products.get('debian')).toHaveLength(3);
    await expect(readEol(path.join(dir, 'nope.json'))).rejects.toMatchObject({
      hint: expect.stringContaining('eol-data path'),
    });
    await expect(readEol(dir)).rejects.toThrow(/not a regular file/);
  });
});

describe('findEolRelease: os-release ID and VERSION_ID to a product and cycle', () => {
  const table: EolTable = readEolBytes(
    doc({
      debian: DEBIAN,
      ubuntu: UBUNTU,
      'alpine-linux': ALPINE,
      rhel: RHEL,
      photon: PHOTON,
      'amazon-linux': [
        { cycle: '2023', eol: '2029-06-30' },
        { cycle: '2', eol: '2026-06-30' },
        { cycle: '2018.03', eol: '2023-12-31' },
      ],
      'oracle-linux': [{ cycle: '9', eol: '2032-06-30' }],
      sles: [
        { cycle: '15.2', eol: '2021-12-31' },
        { cycle: '15.7', eol: '2031-07-31' },
      ],
      'centos-stream': [{ cycle: '9', eol: '2027-05-31' }],
      centos: [{ cycle: '7', eol: '2024-06-30' }],
    }),
    'x',
  );
  const find = (did: string, versionId: string, more: Record<string, string> = {}): string | undefined => {
    const m = findEolRelease(table, { did, versionId, ...more });
    return m && `${m.product} ${m.release.cycle}`;
  };

  it('maps each distribution to its endoflife.date product', () => {
    expect(find('debian', '12')).toBe('debian 12');
    expect(find('ubuntu', '22.04')).toBe('ubuntu 22.04');
    expect(find('alpine', '3.19.1')).toBe('alpine-linux 3.19');
    expect(find('rhel', '9.4')).toBe('rhel 9');
    expect(find('amzn', '2023')).toBe('amazon-linux 2023');
    expect(find('amzn', '2')).toBe('amazon-linux 2');
    expect(find('amzn', '2018.03')).toBe('amazon-linux 2018.03');
    expect(find('ol', '9.3')).toBe('oracle-linux 9');
    expect(find('photon', '3.0')).toBe('photon 3.0');
    expect(find('centos', '7')).toBe('centos 7');
    expect(find('centos', '9', { name: 'CentOS Stream' })).toBe('centos-stream 9');
  });

  it('takes the longest cycle that prefixes VERSION_ID at a dot boundary', () => {
    // 3.1 and 3.19 both start "3.1": only 3.19 ends at a dot boundary of 3.19.1.
    expect(find('alpine', '3.19.1')).toBe('alpine-linux 3.19');
    expect(find('alpine', '3.1.4')).toBe('alpine-linux 3.1');
    expect(find('alpine', '3.10.2')).toBeUndefined();
    expect(find('debian', '1')).toBeUndefined();
    expect(find('debian', '120')).toBeUndefined();
    expect(
      matchCycle(
        [
          { cycle: '15', eol: true },
          { cycle: '15.2', eol: false },
        ],
        '15.2.1',
      )?.cycle,
    ).toBe('15.2');
  });

  it("reads SLES's service pack when VERSION_ID is only the major release", () => {
    expect(find('sles', '15.2')).toBe('sles 15.2');
    expect(find('sles', '15', { prettyName: 'SUSE Linux Enterprise Server 15 SP2' })).toBe('sles 15.2');
    expect(find('sles', '15', { version: '15-SP7' })).toBe('sles 15.7');
    expect(find('sles', '15')).toBeUndefined();
  });

  it('an older product name the site still answers to is found too', () => {
    const old = readEolBytes(doc({ alpine: ALPINE }), 'x');
    expect(findEolRelease(old, { did: 'alpine', versionId: '3.19.1' })?.product).toBe('alpine');
  });

  it('an OS or release not in the table is undefined (a note, not a finding)', () => {
    expect(find('wolfi', '20230201')).toBeUndefined();
    expect(find('fedora', '40')).toBeUndefined();
    expect(find('ubuntu', '20.04')).toBeUndefined();
    expect(find('__proto__', '1')).toBeUndefined();
    expect(find('debian', '')).toBeUndefined();
  });

  it('isEndOfLife: on or after the eol date, or eol true; never for eol false', () => {
    const deb12 = table.products.get('debian')![1];
    expect(isEndOfLife(deb12, '2026-06-09')).toBe(false);
    expect(isEndOfLife(deb12, '2026-06-10')).toBe(true);
    expect(isEndOfLife(deb12, '2026-12-06')).toBe(true);
    expect(isEndOfLife({ cycle: '3.0', eol: true }, '2000-01-01')).toBe(true);
    expect(isEndOfLife({ cycle: '5.0', eol: false }, '2999-01-01')).toBe(false);
  });
});
