/**
 * Real-scale end-to-end scans, run as users run them: the bundled CLI (dist/cli/index.js, `npm run bundle`) in a
 * child process, so the exit code is the one a pipeline sees.
 *
 * Fixtures (scripts/fixtures/scale.sh, see FIXTURES.md "Real-scale fixtures"): the bookworm image (a real
 * debootstrap minbase rootfs, 88 dpkg packages, + urllib3/requests wheels), a 250,000-record bundle (~220 MB of
 * JSON lines, as .zst and .gz) and a ~2 GB six-layer docker-save archive of the same packages. The expected
 * findings were derived by the generator from the rootfs' own dpkg database (dpkg --compare-versions), not
 * from Clair: every test asserts that exact list.
 *
 * No timed assertions: speed is measured by bench/data-load.ts and bench/scan.ts.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import type { ImageResult, ScanResult } from '../../../src/findings/model';
import { loadTestEnv } from '../../helpers/testenv';
import { validateGitlab, validateSarifGithub, validateSarifOasis } from '../../unit/report/schemas';
import { REPO, findingLines, leftoverContainers, leftoverTempDirs } from '../scan/helpers';

const CLI = path.join(REPO, 'dist/cli/index.js');
const SCALE_JSON = path.join(REPO, '.testenv/fixtures/scale/scale.json');
const FORMATS = ['json', 'sarif', 'gitlab', 'cyclonedx'];
const FILES = [
  'clair-scan-result.json',
  'clair-scan.sarif',
  'gl-container-scanning-report.json',
  'clair-scan.cdx.json',
];

interface ScaleFixtures {
  image: string;
  bundleGz: string;
  bundleZst: string;
  expected: string;
  bundleStats: string;
  largeArchive: string | null;
  largeTag: string;
}

function loadScale(): ScaleFixtures {
  if (!fs.existsSync(SCALE_JSON))
    throw new Error(
      `${SCALE_JSON} is absent: run \`bash scripts/fixtures/build.sh\` (it calls scripts/fixtures/scale.sh)`,
    );
  const s = JSON.parse(fs.readFileSync(SCALE_JSON, 'utf8')) as ScaleFixtures;
  for (const f of [s.bundleGz, s.bundleZst, s.expected, s.bundleStats]) {
    if (!fs.existsSync(f)) throw new Error(`${f} is absent: run \`bash scripts/fixtures/scale.sh bundle\``);
  }
  return s;
}

const scale = loadScale();
const expected = JSON.parse(fs.readFileSync(scale.expected, 'utf8')) as string[];
const stats = JSON.parse(fs.readFileSync(scale.bundleStats, 'utf8')) as { records: number; bytes: number };

interface CliRun {
  code: number | null;
  output: string;
  runId: string;
  outDir: string;
}

const outDirs: string[] = [];

/** Runs the bundled CLI against the test environment's Clair/PostgreSQL images; never pulls. */
function runCli(args: string[]): Promise<CliRun> {
  const env = loadTestEnv();
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-e2e-scale-'));
  outDirs.push(outDir);
  // The user's CLAIR_SCAN_* settings must not leak into the test's run.
  const childEnv = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !k.startsWith('CLAIR_SCAN_') && k !== 'GITLAB_CI' && k !== 'GITHUB_ACTIONS',
    ),
  );
  const child = spawn(
    process.execPath,
    [
      CLI,
      '--clair-image',
      env.clairImage,
      '--postgres-image',
      env.postgresImage,
      '--pull',
      'never',
      '--formats',
      FORMATS.join(','),
      '--output-dir',
      outDir,
      ...args,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: childEnv },
  );
  let output = '';
  const keep = (c: Buffer): void => {
    output += c.toString('utf8');
    if (output.length > 4 << 20) output = output.slice(-(2 << 20));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const runId = /Run ([a-z0-9]+-[0-9a-f]+) /.exec(output)?.[1] ?? '';
      resolve({ code, output, runId, outDir });
    });
  });
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** The exact findings, every machine report valid against its official schema and listing all of them. */
async function checkReports(run: CliRun, imageName: string): Promise<ImageResult> {
  expect(fs.readdirSync(run.outDir).sort()).toEqual([...FILES].sort());
  const result = readJson<ScanResult>(path.join(run.outDir, 'clair-scan-result.json'));
  expect(result.images).toHaveLength(1);
  const img = result.images[0];
  expect(img.image.name).toBe(imageName);
  expect(findingLines(img)).toEqual(expected);
  // 88 dpkg + 2 PyPI packages: nothing else in any layer was taken for a package.
  expect(
    img.packages
      .filter((p) => p.ecosystem === 'pypi')
      .map((p) => `${p.name} ${p.version}`)
      .sort(),
  ).toEqual(['requests 2.25.0', 'urllib3 1.26.4']);
  expect(new Set(img.packages.map((p) => p.ecosystem))).toEqual(new Set(['deb', 'pypi']));

  const sarif = readJson<{ runs: { results: { ruleId: string }[] }[] }>(path.join(run.outDir, 'clair-scan.sarif'));
  expect(validateSarifOasis(sarif)).toBeNull();
  expect(validateSarifGithub(sarif)).toBeNull();
  expect(sarif.runs.flatMap((r) => r.results).filter((r) => !r.ruleId.startsWith('compliance/'))).toHaveLength(
    expected.length,
  );

  const gl = readJson<{ vulnerabilities: unknown[] }>(path.join(run.outDir, 'gl-container-scanning-report.json'));
  expect(validateGitlab(gl)).toBeNull();
  expect(gl.vulnerabilities).toHaveLength(expected.length);

  const cdx = fs.readFileSync(path.join(run.outDir, 'clair-scan.cdx.json'), 'utf8');
  expect(await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(cdx)).toBeNull();
  return img;
}

/** No container of the run, no temp dir of the run, no half-written report. */
function checkNothingLeft(run: CliRun): void {
  expect(run.runId).not.toBe('');
  expect(leftoverContainers(run.runId)).toEqual([]);
  expect(leftoverTempDirs(run.runId)).toEqual([]);
  expect(fs.readdirSync(run.outDir).filter((n) => /\.tmp/.test(n))).toEqual([]);
}

function explain(run: CliRun): string {
  return `exit ${run.code}; CLI output (tail):\n${run.output.split('\n').slice(-40).join('\n')}`;
}

afterAll(() => {
  for (const d of outDirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('real-scale scans (bookworm rootfs, 250,000-record bundle)', () => {
  it('the fixtures are real-scale', () => {
    expect(stats.records).toBeGreaterThanOrEqual(250_000);
    expect(stats.bytes).toBeGreaterThan(200e6);
    expect(expected.length).toBeGreaterThan(100);
    // Both gate outcomes are exercised: High/Critical findings exist.
    expect(expected.some((l) => / (High|Critical) /.test(l))).toBe(true);
  });

  it('.zst bundle, default threshold: exactly the expected findings, exit 1 (policy failed), valid reports, nothing left', async () => {
    const run = await runCli(['--vuln-data', scale.bundleZst, scale.image]);
    expect({ code: run.code, why: run.code === 1 ? '' : explain(run) }).toEqual({ code: 1, why: '' });
    expect(run.output).toMatch(/Vulnerability data loaded/);
    const img = await checkReports(run, 'localhost/clair-scan-fixture/bookworm');
    expect(img.image.layers).toHaveLength(2);
    const result = readJson<ScanResult>(path.join(run.outDir, 'clair-scan-result.json'));
    expect(result.verdict?.status).toBe('fail');
    checkNothingLeft(run);
  });

  it('.gz bundle, --fail=false (report-only): the same findings, exit 0, nothing left', async () => {
    const run = await runCli(['--vuln-data', scale.bundleGz, '--fail=false', scale.image]);
    expect({ code: run.code, why: run.code === 0 ? '' : explain(run) }).toEqual({ code: 0, why: '' });
    await checkReports(run, 'localhost/clair-scan-fixture/bookworm');
    const result = readJson<ScanResult>(path.join(run.outDir, 'clair-scan-result.json'));
    expect(result.verdict).toMatchObject({ status: 'fail', enforced: false });
    checkNothingLeft(run);
  });

  it('~2 GB six-layer docker-save archive: the same findings, exit 1, nothing left', async () => {
    // Absent only when the fixtures were built with FIXTURES_SKIP_LARGE=1: then this test fails, it is not skipped.
    if (!scale.largeArchive || !fs.existsSync(scale.largeArchive)) {
      throw new Error(
        `the 2 GB archive fixture is absent (${scale.largeArchive ?? 'not built'}): run \`bash scripts/fixtures/scale.sh archive\` (without FIXTURES_SKIP_LARGE=1)`,
      );
    }
    const archive = scale.largeArchive;
    expect(fs.statSync(archive).size).toBeGreaterThan(1.9e9);
    const run = await runCli(['--vuln-data', scale.bundleZst, `archive:${archive}`]);
    expect({ code: run.code, why: run.code === 1 ? '' : explain(run) }).toEqual({ code: 1, why: '' });
    const img = await checkReports(run, 'localhost/clair-scan-fixture/bookworm-2g');
    expect(img.image.layers).toHaveLength(6);
    checkNothingLeft(run);
  });
});
