import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPORT_FILE_NAMES, writeReports } from '../../../src/report';
import { REPORT_FORMATS } from '../../../src/inputs/settings';
import { ClairScanError } from '../../../src/util/errors';
import { writeChunksAtomic, writeFileAtomic } from '../../../src/report/common';
import { renderCycloneDx } from '../../../src/report/cyclonedx';
import { renderGitlab } from '../../../src/report/gitlab';
import { renderJson } from '../../../src/report/json';
import { renderSarif, writeSarifReport } from '../../../src/report/sarif';
import { reportView } from '../../../src/report/view';
import { sampleResult, syntheticResult } from '../../helpers/model';
import { validateGitlab, validateSarifOasis } from './schemas';

describe('writeReports', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clair-scan-report-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('writes every format under its name into a created directory, nothing else', async () => {
    const out = path.join(dir, 'nested', 'reports');
    const written = await writeReports(sampleResult(), {
      outputDir: out,
      formats: REPORT_FORMATS,
      dockerfile: 'Dockerfile',
    });
    expect(Object.keys(written).sort()).toEqual([...REPORT_FORMATS].sort());
    expect(fs.readdirSync(out).sort()).toEqual(Object.values(REPORT_FILE_NAMES).sort());
    expect(written.gitlab).toBe(path.join(out, 'gl-container-scanning-report.json'));
    expect(validateSarifOasis(JSON.parse(fs.readFileSync(written.sarif!, 'utf8')))).toBeNull();
    expect(validateGitlab(JSON.parse(fs.readFileSync(written.gitlab!, 'utf8')))).toBeNull();
  });

  test('only the requested formats', async () => {
    const written = await writeReports(sampleResult(), {
      outputDir: dir,
      formats: ['markdown'],
      dockerfile: 'Dockerfile',
    });
    expect(Object.keys(written)).toEqual(['markdown']);
    expect(fs.readdirSync(dir)).toEqual(['clair-scan-summary.md']);
  });

  test('an unwritable output dir gives a ClairScanError and leaves no temp file', async () => {
    const file = path.join(dir, 'not-a-dir');
    fs.writeFileSync(file, 'x');
    await expect(
      writeReports(sampleResult(), { outputDir: file, formats: ['json'], dockerfile: 'Dockerfile' }),
    ).rejects.toThrow(ClairScanError);
    // A target that is a directory: rename fails after the temp file was written; the temp file is removed.
    fs.mkdirSync(path.join(dir, 'clair-scan-result.json'));
    await expect(
      writeReports(sampleResult(), { outputDir: dir, formats: ['json'], dockerfile: 'Dockerfile' }),
    ).rejects.toThrow(/could not write the report/);
    expect(fs.readdirSync(dir).sort()).toEqual(['clair-scan-result.json', 'not-a-dir']);
  });

  test('the streamed formats are byte for byte what their render functions give (pretty and compact SARIF)', async () => {
    for (const result of [sampleResult(), syntheticResult(3000, 2)]) {
      const written = await writeReports(result, {
        outputDir: dir,
        formats: ['json', 'gitlab', 'cyclonedx', 'sarif'],
        dockerfile: 'Dockerfile',
      });
      const view = reportView(result, {});
      expect(fs.readFileSync(written.json!, 'utf8')).toBe(renderJson(result));
      expect(fs.readFileSync(written.gitlab!, 'utf8')).toBe(renderGitlab(view));
      expect(fs.readFileSync(written.cyclonedx!, 'utf8')).toBe(renderCycloneDx(result));
      expect(fs.readFileSync(written.sarif!, 'utf8')).toBe(renderSarif(view, { dockerfile: 'Dockerfile' }));
    }
  });

  test("a compact streamed SARIF with text beyond Latin-1 (written in pieces) is byte for byte renderSarif's", async () => {
    const result = syntheticResult(2500, 1);
    const odd = [
      'emoji 🐛 here',
      'lone \ud800 high and \udc00 low',
      'sep \u2028 \u2029 — … done',
      '\u00e9t\u00e9 Latin-1 only',
      '🐛',
      '\ud83d',
    ];
    result.images[0].vulnerabilities.forEach((f, i) => {
      f.description = odd[i % odd.length];
      if (i % 7 === 0) f.package = { ...f.package, name: `pkg-${odd[i % odd.length]}` };
    });
    const file = await writeSarifReport(dir, 'odd.sarif', result, { dockerfile: 'Dockerfile' });
    expect(fs.readFileSync(file, 'utf8')).toBe(renderSarif(result, { dockerfile: 'Dockerfile' }));
  });

  test('writeChunksAtomic: chunks of every size (one larger than a batch buffer, multi-byte text) in order, each buffer observed once in order', async () => {
    const chunks = [
      '{"a":"',
      'é€🐛'.repeat(10),
      'x'.repeat(3_000_000),
      '"',
      ...Array.from({ length: 20_000 }, (_, i) => `,"k${i}":"${'v'.repeat(i % 97)}—"`),
      '}',
    ];
    const seen: Buffer[] = [];
    const file = await writeChunksAtomic(dir, 'big.json', chunks, {
      observe: async (buf) => void seen.push(Buffer.from(buf)),
    });
    const text = chunks.join('');
    expect(fs.readFileSync(file!, 'utf8')).toBe(text);
    expect(Buffer.concat(seen).equals(Buffer.from(text))).toBe(true);
    expect(seen.length).toBeGreaterThan(4);
  });

  test('writeChunksAtomic: a failing observer or producer mid-way leaves no temp file and no report', async () => {
    const many = Array.from({ length: 50_000 }, (_, i) => `"${'x'.repeat(40)}${i}",`);
    let n = 0;
    await expect(
      writeChunksAtomic(dir, 'a.json', many, {
        observe: async () => {
          if (++n === 3) throw new Error('observer broke');
        },
      }),
    ).rejects.toThrow(ClairScanError);
    function* broken(): Generator<string> {
      yield* many;
      throw new Error('producer broke');
    }
    await expect(writeChunksAtomic(dir, 'b.json', broken())).rejects.toThrow(/producer broke/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('the reports are written without a round trip through the thread pool (issue 21: the writer waited idle on each)', async () => {
    // A setImmediate queued first runs at the event loop's next turn: an asynchronous file operation (mkdir, open,
    // write, close, rename on the thread pool) would let it run before the write completes.
    const turns = (): { passed: () => boolean } => {
      let passed = false;
      setImmediate(() => (passed = true));
      return { passed: () => passed };
    };
    let t = turns();
    const many = Array.from({ length: 50_000 }, (_, i) => `"${'x'.repeat(40)}${i}",`);
    await writeChunksAtomic(path.join(dir, 'a'), 'a.json', many);
    expect(t.passed()).toBe(false);
    t = turns();
    await writeFileAtomic(path.join(dir, 'b'), 'b.md', 'text');
    expect(t.passed()).toBe(false);
    // Every format but SARIF, whose gzip size count runs on the thread pool beside the writer.
    t = turns();
    const written = await writeReports(syntheticResult(3000, 2), {
      outputDir: path.join(dir, 'c'),
      formats: REPORT_FORMATS.filter((f) => f !== 'sarif'),
      dockerfile: 'Dockerfile',
    });
    expect(t.passed()).toBe(false);
    expect(Object.keys(written).length).toBe(REPORT_FORMATS.length - 1);
    expect(fs.readFileSync(path.join(dir, 'a', 'a.json'), 'utf8')).toBe(many.join(''));
    expect(fs.readdirSync(path.join(dir, 'a'))).toEqual(['a.json']);
  });

  test('a streamed SARIF over the gzip budget is cut as renderSarif cuts it, and no temp file is left', async () => {
    const big = syntheticResult(6000, 1);
    const opts = { dockerfile: 'Dockerfile', maxGzipBytes: 60_000 };
    const file = await writeSarifReport(dir, 'cut.sarif', big, opts);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toBe(renderSarif(big, opts));
    expect(JSON.parse(text).runs[0].properties.truncation.reasons.join(' ')).toMatch(/gzipped/);
    expect(fs.readdirSync(dir)).toEqual(['cut.sarif']);
  });
});
