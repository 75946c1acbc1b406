/**
 * Byte identity of every written report on large, deterministic models (issue 13, item 4): the sha256 of each file
 * writeReports (and writeSarifReport with cut limits) writes is compared with the hashes the writers gave before
 * the reporters were optimized (golden/report-bytes.json, made with UPDATE_GOLDEN=1 at commit 3dc5efe). A
 * speed-up that changes a single byte of any report fails here; a deliberate format change regenerates the file
 * (and says why in its commit).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeReports } from '../../../src/report';
import { writeSarifReport } from '../../../src/report/sarif';
import { applyBaseline } from '../../../src/findings/delta';
import type { ReportFormat } from '../../../src/inputs/settings';
import type { ScanResult, Severity } from '../../../src/findings/model';
import { compliance, HOSTILE_DESCRIPTION, image, sampleResult, syntheticResult } from '../../helpers/model';
import { updatingGolden } from './golden';

const GOLDEN = path.join(__dirname, 'golden', 'report-bytes.json');
/** The formats the goldens were made with; a format added later (junit) has its own tests, not a regenerated golden. */
const GOLDEN_FORMATS: ReportFormat[] = ['sarif', 'gitlab', 'markdown', 'html', 'json', 'cyclonedx', 'openvex'];

/**
 * The bench model varied so that every branch of the reporters is taken: GHSA/DSA/other ids, aliases, allowlisted
 * findings, hostile and Markdown-special text, links that are not http(s), shared ids across images, two tags of
 * one image name, more than 20 image names (the SARIF "other-images" run), compliance findings, notes, an image
 * with nothing to match, a baseline delta (new / unchanged / updated / fixed).
 */
function richResult(): ScanResult {
  const r = syntheticResult(6000, 24);
  let n = 0;
  for (const img of r.images) {
    for (const f of img.vulnerabilities) {
      n++;
      if (n % 11 === 0) f.id = `GHSA-${'2345'.charAt(n % 4)}x4h-${'cfgh'.charAt(n % 4)}jmp-qrvw`;
      if (n % 13 === 0) f.id = `DSA-${5000 + (n % 97)}-1`;
      if (n % 17 === 0) f.id = `OTHER_${n}`;
      if (n % 5 === 0) f.aliases = [`DSA-${n}-1`, `GHSA-xxxx-${n}`];
      if (n % 9 === 0)
        f.allowlisted = {
          source: `.clair-scan/allowlist.yaml:${n}`,
          reason: `accepted <b>${n}</b> | risk`,
          ...(n % 2 ? { expires: '2099-01-01' } : {}),
        };
      if (n % 19 === 0) f.description = HOSTILE_DESCRIPTION;
      if (n % 23 === 0)
        f.description = `  1. starts like a list *and* has _markdown_ [x](y) @someone\n\twith  spaces  `;
      if (n % 29 === 0) f.description = '';
      if (n % 31 === 0) f.links = ['javascript:alert(1)', 'https://example.org/a?(b)|c d', ...f.links];
      if (n % 37 === 0) f.cvss = { score: 7.25, vector: 'CVSS:2.0/AV:N', version: '2.0' };
      if (n % 41 === 0) f.cvss = { score: 9.1, vector: 'CVSS:4.0/AV:N/AC:L' };
      if (n % 43 === 0) f.package = { ...f.package, source: { name: `src-${n}`, version: '1.0' }, purl: '' };
      if (n % 47 === 0) f.package = { ...f.package, name: `odd|pkg<${n}>\u2028`, version: '1`2|3' };
    }
  }
  // Two tags of one image name (one SARIF run, duplicate keys), and a nothing-to-match image with notes.
  const again = r.images[1];
  r.images.push({
    ...again,
    image: {
      ...image('bench/app1:v2', 'bench/app1', 'v2', 'b1v2'),
      repoDigests: [`bench/app1@sha256:${'c'.repeat(64)}`],
    },
  });
  r.images.push({
    image: image('scratch/static:1', 'scratch/static', '1', 'st'),
    distributions: [],
    packages: [],
    vulnerabilities: [],
    compliance: [],
    notes: ['an informational note'],
  });
  r.images[0].compliance.push(
    compliance('non-root', 'High', {
      image: r.images[0].image.name,
      title: 'Image runs as root',
      message: 'Config.User is empty.',
    }),
    compliance('secret/aws-access-key', 'Critical', {
      image: r.images[0].image.name,
      title: 'AWS key',
      message: 'found',
      path: 'app/.env',
      layer: 'sha256:' + 'b'.repeat(64),
      allowlisted: { source: 'a.yaml:1', reason: 'test key' },
    }),
  );
  r.images[2].notes.push('a note with <html> & | pipes');
  // A baseline: the same result with some findings gone, some changed, and one that is only in the baseline.
  const base: ScanResult = JSON.parse(JSON.stringify(r));
  for (const img of base.images) {
    img.vulnerabilities = img.vulnerabilities.filter((_, i) => i % 4 !== 0);
    img.vulnerabilities.forEach((f, i) => {
      if (i % 6 === 0) f.package.version = `${f.package.version}~old`;
    });
  }
  base.images[0].vulnerabilities.push({
    ...base.images[0].vulnerabilities[0],
    key: 'bench/app0|gone|CVE-1999-0001',
    id: 'CVE-1999-0001',
  });
  applyBaseline(r, { source: 'file baseline.json', result: base });
  return r;
}

async function hashes(
  dir: string,
  result: ScanResult,
  reports: { severities?: Severity[]; ignoreUnfixed?: boolean } = {},
): Promise<Record<string, string>> {
  const written = await writeReports(result, {
    outputDir: dir,
    formats: GOLDEN_FORMATS,
    dockerfile: './docker/Dockerfile',
    ...reports,
  });
  const out: Record<string, string> = {};
  for (const format of GOLDEN_FORMATS)
    out[format] = createHash('sha256').update(fs.readFileSync(written[format]!)).digest('hex');
  return out;
}

function sha(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

describe('written reports are byte for byte those of the writers before the optimization', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clair-scan-bytes-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('every format, on the bench model, a rich model (filtered and not) and the sample', async () => {
    const actual: Record<string, unknown> = {};
    actual.bench10k = await hashes(dir, syntheticResult(10_000, 3));
    const rich = richResult();
    actual.rich = await hashes(dir, rich);
    actual.richFiltered = await hashes(dir, rich, { severities: ['Critical', 'High', 'Unknown'], ignoreUnfixed: true });
    actual.sample = await hashes(dir, sampleResult());
    // SARIF limits: results per run, and the gzip budget (a compact log cut, and a pretty one cut).
    actual.sarifCut = {
      perRun: sha(await writeSarifReport(dir, 'a.sarif', rich, { dockerfile: 'Dockerfile', maxResultsPerRun: 150 })),
      gzipCompact: sha(
        await writeSarifReport(dir, 'b.sarif', syntheticResult(10_000, 3), {
          dockerfile: 'Dockerfile',
          maxGzipBytes: 200_000,
        }),
      ),
      gzipPretty: sha(
        await writeSarifReport(dir, 'c.sarif', syntheticResult(1500, 2), {
          dockerfile: 'Dockerfile',
          maxGzipBytes: 40_000,
        }),
      ),
    };
    if (updatingGolden()) fs.writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(fs.readFileSync(GOLDEN, 'utf8')));
  }, 120_000);
});
