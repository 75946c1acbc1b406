import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { ClairScanError } from '../../../src/util/errors';
import { loadEol, MAX_EOL_BYTES, readEol, readEolBytes } from '../../../src/data/eol';

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

describe('loadEol: eol-data as a file or a URL (a mirror)', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/eol.json') return void res.end(doc({ debian: DEBIAN }));
      if (req.url === '/moved') return void res.writeHead(302, { location: '/eol.json' }).end();
      if (req.url === '/huge') return void res.end(Buffer.alloc(MAX_EOL_BYTES + 10, 0x20));
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('downloads and parses the table, following a redirect; the label is the URL', async () => {
    const t = await loadEol(`${base}/moved`);
    expect(t.products.get('debian')?.map((c) => c.cycle)).toEqual(['13', '12', '11']);
  });

  it('a file path is read as a file', async () => {
    const file = path.join(dir, 'eol.json');
    fs.writeFileSync(file, doc({ ubuntu: UBUNTU }));
    expect([...(await loadEol(file)).products.keys()]).toEqual(['ubuntu']);
  });

  it('refuses plain http off loopback, an HTTP error and an oversized answer, naming eol-data', async () => {
    await expect(loadEol('http://eol.example.invalid/eol.json')).rejects.toThrow(
      'eol-data: http://eol.example.invalid/eol.json is not an https URL',
    );
    await expect(loadEol(`${base}/gone`)).rejects.toMatchObject({
      message: `eol-data: downloading ${base}/gone failed: HTTP 404`,
      hint: 'check the URL of the end-of-life table mirror.',
    });
    await expect(loadEol(`${base}/huge`)).rejects.toThrow(`eol-data: ${base}/huge is larger than 16 MiB`);
  });
});

describe('the fixture table (scripts/fixtures/make-eol-data.js)', () => {
  const X = require('../../../scripts/fixtures/make-eol-data.js') as {
    PRODUCTS: Record<string, { cycle: string; eol: string | boolean }[]>;
    TABLE_DATE: string;
    SOURCE: string;
    writeEolData(out: string): void;
  };

  it('is a table readEolBytes accepts, with every product and cycle as written', async () => {
    X.writeEolData(dir);
    const t = await readEol(path.join(dir, 'eol.json'));
    expect(t.date).toBe(X.TABLE_DATE);
    expect(t.source).toBe(X.SOURCE);
    expect([...t.products.keys()]).toEqual(Object.keys(X.PRODUCTS));
    for (const [name, cycles] of Object.entries(X.PRODUCTS))
      expect(t.products.get(name)!.map((c) => [c.cycle, c.eol])).toEqual(cycles.map((c) => [c.cycle, c.eol]));
  });
});
