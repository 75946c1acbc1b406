/**
 * Snapshots (src/data/snapshot.ts) on real files: bundles written as clairctl writes them (JSON lines, plain,
 * gzip via zlib, zstd via the zstd program), scanned, described by a manifest and verified — and every way a
 * snapshot can be damaged ends in a ClairScanError, never in "no data".
 */
import { expectScanError } from '../../helpers/errors';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import {
  manifestPathFor,
  openSnapshot,
  parseManifest,
  parseMaxAge,
  scanBundle,
  snapshotAgeMs,
  verifySnapshot,
  writeSnapshot,
} from '../../../src/data/snapshot';
import { formatDuration, startProgress } from '../../../src/util/progress';
import { captureLogger } from '../../helpers/logger';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-unit-snapshot-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function record(updater: string, ref: string, n: number, fingerprint = 'fp-1'): string {
  return JSON.stringify({
    Updater: updater,
    Fingerprint: fingerprint,
    Date: '2098-01-01T00:00:00Z',
    Ref: ref,
    Kind: 'vulnerability',
    Vuln: {
      updater,
      name: `CVE-2099-${String(n).padStart(4, '0')}`,
      normalized_severity: 'High',
      package: { name: `pkg${n}`, kind: 'source' },
    },
  });
}

/** 3 debian records, 2 osv/pypi records: what export-updaters writes for two updaters. */
function bundleText(): string {
  const lines = [
    record('debian/updater', '5b0f8c3e-1d2a-4e6b-9c7d-8e9f0a1b2c3d', 1),
    record('debian/updater', '5b0f8c3e-1d2a-4e6b-9c7d-8e9f0a1b2c3d', 2),
    record('debian/updater', '5b0f8c3e-1d2a-4e6b-9c7d-8e9f0a1b2c3d', 3),
    record('osv/pypi', 'c4a1e2f3-6b7d-4c8e-8f9a-0b1c2d3e4f5a', 4, 'etag-9'),
    record('osv/pypi', 'c4a1e2f3-6b7d-4c8e-8f9a-0b1c2d3e4f5a', 5, 'etag-9'),
  ];
  return `${lines.join('\n')}\n`;
}

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  const raw = Buffer.from(text);
  if (name.endsWith('.gz')) fs.writeFileSync(file, zlib.gzipSync(raw));
  else if (name.endsWith('.zst')) fs.writeFileSync(file, execFileSync('zstd', ['-q', '-c'], { input: raw }));
  else fs.writeFileSync(file, raw);
  return file;
}

const sha = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('scanBundle: one streaming pass hashes, decompresses and counts', () => {
  it.each([
    ['clair-data.json', 'none'],
    ['clair-data.json.gz', 'gzip'],
    ['clair-data.json.zst', 'zstd'],
  ])('%s (%s)', async (name, compression) => {
    const file = write(name, bundleText());
    const scan = await scanBundle(file);
    expect(scan).toEqual({
      sha256: sha(file),
      size: fs.statSync(file).size,
      compression,
      records: 5,
      rangeRecords: 0,
      updaters: [
        { name: 'debian/updater', fingerprint: 'fp-1', date: '2098-01-01T00:00:00Z', records: 3 },
        { name: 'osv/pypi', fingerprint: 'etag-9', date: '2098-01-01T00:00:00Z', records: 2 },
      ],
    });
  });

  it('the content decides the compression, not the name; a last line without newline counts', async () => {
    const file = write('named-plain.json', bundleText().trimEnd());
    fs.renameSync(file, path.join(dir, 'x.json.gz'));
    const scan = await scanBundle(path.join(dir, 'x.json.gz'));
    expect(scan.compression).toBe('none');
    expect(scan.records).toBe(5);
  });

  it('lines split across read chunks and multi-byte characters at chunk edges are parsed whole', async () => {
    const big = Array.from({ length: 3000 }, (_, i) =>
      record('debian/updater', 'r', i).replace('"High"', '"Hïgh — ✓"'),
    ).join('\n');
    const file = write('big.json', big);
    const scan = await scanBundle(file);
    expect(scan.records).toBe(3000);
  });

  it('a truncated gzip bundle is corrupt', async () => {
    const file = write('t.json.gz', bundleText().repeat(50));
    const buf = fs.readFileSync(file);
    fs.writeFileSync(file, buf.subarray(0, Math.floor(buf.length / 2)));
    const err = await expectScanError(scanBundle(file));
    expect(err.message).toMatch(
      /^vulnerability data ".*t\.json\.gz" is corrupt: its gzip data is damaged or truncated \(unexpected end of file\)$/,
    );
    expect(err.exitCode).toBe(2);
    expect(err.hint).toMatch(/pull|export it again/);
  });

  it('a truncated zstd bundle is corrupt (zstd says why)', async () => {
    const file = write('t.json.zst', bundleText().repeat(50));
    const buf = fs.readFileSync(file);
    fs.writeFileSync(file, buf.subarray(0, Math.floor(buf.length / 2)));
    const err = await expectScanError(scanBundle(file));
    expect(err.message).toMatch(/is corrupt: its zstd data is damaged or truncated \(.+\)$/);
  });

  it('garbage after a gzip header is corrupt', async () => {
    const file = path.join(dir, 'g.json.gz');
    fs.writeFileSync(
      file,
      Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), Buffer.from('not deflate data at all')]),
    );
    const err = await expectScanError(scanBundle(file));
    expect(err.message).toMatch(/its gzip data is damaged or truncated/);
  });

  it('a line that is not JSON names its line number', async () => {
    const lines = bundleText().split('\n');
    lines.splice(2, 0, '{"Updater":"debian/updater","Ref":"x"');
    const file = write('bad.json.gz', lines.join('\n'));
    const err = await expectScanError(scanBundle(file));
    expect(err.message).toMatch(/is corrupt: line 3 is not JSON/);
    expect(err.details).toBe('{"Updater":"debian/updater","Ref":"x"');
  });

  it('JSON that is not a bundle record is corrupt', async () => {
    const file = write('other.json', '{"hello":"world"}\n');
    const err = await expectScanError(scanBundle(file));
    expect(err.message).toMatch(/line 1 is not a record of clairctl export-updaters/);
  });

  it('an empty bundle (clairctl would crash on it) is an error, even compressed', async () => {
    const err = await expectScanError(scanBundle(write('empty.json.zst', '')));
    expect(err.message).toMatch(/holds no records$/);
    const err2 = await expectScanError(scanBundle(write('blank.json', '\n\n')));
    expect(err2.message).toMatch(/holds no records$/);
  });

  it('a missing file', async () => {
    const err = await expectScanError(scanBundle(path.join(dir, 'nope.json')));
    expect(err.message).toMatch(/does not exist/);
  });
});

describe('writeSnapshot / verifySnapshot', () => {
  it('writes the bundle and a manifest beside it that describes it exactly; verification passes', async () => {
    const src = write('src.json.zst', bundleText());
    const out = path.join(dir, 'out', 'clair-data.json.zst');
    const createdAt = new Date('2026-03-04T05:06:07Z');
    const m = await writeSnapshot(fs.createReadStream(src), out, {
      clairVersion: '4.9.0',
      updaterSets: ['osv', 'debian'],
      createdAt,
    });
    expect(fs.readFileSync(out)).toEqual(fs.readFileSync(src));
    const onDisk = JSON.parse(fs.readFileSync(manifestPathFor(out), 'utf8'));
    expect(onDisk).toEqual(m);
    expect(m).toEqual({
      format: 'clair-scan-snapshot',
      formatVersion: 1,
      tool: expect.stringMatching(/^clair-scan \d/),
      createdAt: '2026-03-04T05:06:07.000Z',
      clairVersion: '4.9.0',
      updaterSets: ['debian', 'osv'],
      updaters: [
        { name: 'debian/updater', fingerprint: 'fp-1', date: '2098-01-01T00:00:00Z', records: 3 },
        { name: 'osv/pypi', fingerprint: 'etag-9', date: '2098-01-01T00:00:00Z', records: 2 },
      ],
      records: 5,
      bundle: { file: 'clair-data.json.zst', compression: 'zstd', sha256: sha(out), size: fs.statSync(out).size },
    });
    const snap = await openSnapshot(out);
    expect(snap.manifest).toEqual(m);
    await expect(verifySnapshot(snap)).resolves.toMatchObject({ sha256: m.bundle.sha256, records: 5 });
    // No temp files are left beside it.
    expect(fs.readdirSync(path.dirname(out)).sort()).toEqual([
      'clair-data.json.zst',
      'clair-data.json.zst.manifest.json',
    ]);
  });

  it('a bundle changed after its manifest was written (same size, one byte) fails verification by sha256', async () => {
    const out = path.join(dir, 'clair-data.json');
    await writeSnapshot(Readable.from([Buffer.from(bundleText())]), out, { updaterSets: ['debian'] });
    const text = fs.readFileSync(out, 'utf8').replace('CVE-2099-0001', 'CVE-2099-0009');
    fs.writeFileSync(out, text);
    const err = await expectScanError(verifySnapshot(await openSnapshot(out)));
    expect(err.message).toMatch(
      /is corrupt: its sha256\/size does not match the manifest \(file: sha256:[0-9a-f]{64}, \d+ bytes; manifest: sha256:[0-9a-f]{64}, \d+ bytes\)/,
    );
  });

  it('a stream whose compression does not match the output name is refused and nothing is left', async () => {
    const out = path.join(dir, 'clair-data.json.zst');
    const err = await expectScanError(
      writeSnapshot(Readable.from([zlib.gzipSync(bundleText())]), out, { updaterSets: [] }),
    );
    expect(err.message).toMatch(/the exported bundle is gzip but its name .* says zstd/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a corrupt stream is refused and leaves neither the bundle nor a temp file', async () => {
    const out = path.join(dir, 'clair-data.json.gz');
    const gz = zlib.gzipSync(bundleText());
    const err = await expectScanError(
      writeSnapshot(Readable.from([gz.subarray(0, gz.length - 10)]), out, { updaterSets: [] }),
    );
    expect(err.message).toMatch(/is corrupt/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('manifests and ages', () => {
  const good = {
    format: 'clair-scan-snapshot',
    formatVersion: 1,
    tool: 'clair-scan 0.1.0',
    createdAt: '2026-01-01T00:00:00Z',
    updaterSets: ['debian'],
    updaters: [],
    records: 1,
    bundle: { file: 'a.json', compression: 'none', sha256: 'a'.repeat(64), size: 3 },
  };
  it('accepts a good manifest; rejects foreign, newer and incomplete ones with what is wrong', () => {
    expect(parseManifest(JSON.stringify(good), 'm').records).toBe(1);
    expect(() => parseManifest('{', 'm')).toThrow(/snapshot manifest m is not JSON/);
    expect(() => parseManifest(JSON.stringify({ ...good, format: 'x' }), 'm')).toThrow(
      /invalid: "format" is not "clair-scan-snapshot"/,
    );
    expect(() => parseManifest(JSON.stringify({ ...good, formatVersion: 2 }), 'm')).toThrow(
      /has format version 2; this clair-scan .* reads up to 1/,
    );
    expect(() => parseManifest(JSON.stringify({ ...good, bundle: { file: 'a' } }), 'm')).toThrow(
      /"bundle" lacks file, sha256 or size/,
    );
    expect(() => parseManifest(JSON.stringify({ ...good, createdAt: 'yesterday' }), 'm')).toThrow(
      /"createdAt" is not a date/,
    );
  });

  it('refuses a createdAt in the future (beyond 5 minutes of clock skew): it would look fresh forever', async () => {
    const now = new Date('2026-06-01T12:00:00Z');
    expect(parseManifest(JSON.stringify({ ...good, createdAt: '2026-06-01T12:04:00Z' }), 'm', now).createdAt).toBe(
      '2026-06-01T12:04:00Z',
    );
    const err = await expectScanError(
      Promise.resolve().then(() =>
        parseManifest(JSON.stringify({ ...good, createdAt: '2026-06-01T12:06:00Z' }), 'm', now),
      ),
    );
    expect(err.message).toBe(
      'snapshot manifest m says it was created at 2026-06-01T12:06:00Z, in the future (now 2026-06-01T12:00:00.000Z)',
    );
    expect(err.hint).toMatch(/check the clock/);
    // Every reader goes through it: a file's manifest too (default now: the real clock).
    const bundle = write('future.json', bundleText());
    fs.writeFileSync(
      manifestPathFor(bundle),
      JSON.stringify({ ...good, createdAt: new Date(Date.now() + 3600_000).toISOString() }),
    );
    expect((await expectScanError(openSnapshot(bundle))).message).toMatch(/in the future/);
  });

  it('age from createdAt; durations', () => {
    const m = parseManifest(JSON.stringify(good), 'm');
    expect(snapshotAgeMs(m, new Date('2026-01-02T06:00:00Z'))).toBe(30 * 3600_000);
    expect(parseMaxAge('')).toBeUndefined();
    expect(parseMaxAge('24h')).toBe(24 * 3600_000);
    expect(parseMaxAge('1d12h')).toBe(36 * 3600_000);
    expect(parseMaxAge('90m')).toBe(90 * 60_000);
    expect(parseMaxAge('2w')).toBe(14 * 86400_000);
    expect(parseMaxAge('12')).toBe(12 * 3600_000);
    expect(() => parseMaxAge('soon')).toThrow(/vuln-data-max-age.*invalid value "soon"/);
    expect(() => parseMaxAge('24hours')).toThrow(/invalid value/);
    expect(() => parseMaxAge('0h')).toThrow(/invalid value/);
    expect(formatDuration(30 * 3600_000)).toBe('30 h');
    expect(formatDuration(50 * 3600_000)).toBe('2 d 2 h');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });
});

describe('heartbeat', () => {
  const { lines } = captureLogger({ scope: 'each', format: (_level, m) => m });

  it('reports phase, bytes, records and elapsed time on every beat until stopped', async () => {
    const p = startProgress('Pulling snapshot', { totalBytes: 4 * 1024 * 1024, intervalMs: 20 });
    p.bytes = 1024 * 1024;
    p.records = 1234;
    await new Promise((r) => setTimeout(r, 70));
    p.stop();
    const n = lines.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(lines.length).toBe(n);
    expect(n).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toMatch(/^Pulling snapshot: 1\.0 MiB of 4\.0 MiB, 1,234 records, \d+ s elapsed …$/);
  });
});
