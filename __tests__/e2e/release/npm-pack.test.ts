/**
 * The npm package as users get it (issue 14, "Releasable"): `npm pack` of this repository, installed from the
 * tarball into an empty folder with an empty npm cache and `--offline` (every dependency is bundled into
 * dist/cli, so the package needs none), then `npx clair-scan` from there: a real scan of the Debian fixture with
 * the test environment's Clair and PostgreSQL images and the fixture vulnerability bundle. The findings are the
 * fixture's exactly, the exit code is the policy's (1: Critical and High findings).
 *
 * It runs the committed bundle (dist/cli): rebuild it (`npm run bundle`) before running this test on changed
 * sources.
 */
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ScanResult } from '../../../src/findings/model';
import { loadTestEnv } from '../../helpers/testenv';
import { testTempDir } from '../../helpers/tmp';
import { BUNDLE, DEBIAN_VULN_FINDINGS, REPO, findingLines, fixture, leftoverContainers } from '../scan/helpers';

interface PackResult {
  filename: string;
  files: { path: string }[];
}

let dir: string;
let tarball: string;
let packed: PackResult;
let app: string;
let npmEnv: NodeJS.ProcessEnv;

function run(
  cmd: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env, maxBuffer: 16 << 20, timeout: 10 * 60_000 }, (err, stdout, stderr) => {
      const code = err
        ? typeof (err as { code?: unknown }).code === 'number'
          ? (err as { code: number }).code
          : -1
        : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(() => {
  // The tarball, the install and the npm cache are in this dir, which the e2e setup removes after the file.
  dir = testTempDir('cs-npm-pack-');
  // An npm cache of its own: empty, so the install below proves the package needs nothing from a registry.
  npmEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    npm_config_cache: path.join(dir, 'npm-cache'),
    npm_config_update_notifier: 'false',
  };
  packed = (
    JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: REPO, env: npmEnv, encoding: 'utf8' }),
    ) as PackResult[]
  )[0];
  tarball = path.join(dir, packed.filename);
  app = path.join(dir, 'app');
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'empty', private: true }));
});

test('the tarball holds the CLI (bin, dist/cli, templates), not the action bundles', () => {
  const files = packed.files.map((f) => f.path);
  expect(files).toEqual(
    expect.arrayContaining([
      'bin/clair-scan.js',
      'dist/cli/index.js',
      'dist/cli/licenses.txt',
      'templates/clair-scan.gitlab-ci.yml',
      'package.json',
      'README.md',
      'CHANGELOG.md',
    ]),
  );
  expect(files.filter((f) => /^dist\/(main|post)\//.test(f))).toEqual([]);
});

test('installed from the tarball into an empty folder, offline, it adds one package: no dependencies', async () => {
  const r = await run('npm', ['install', '--no-audit', '--no-fund', '--offline', tarball], app, npmEnv);
  expect([r.code, r.stderr]).toEqual([0, expect.any(String)]);
  expect(fs.readdirSync(path.join(app, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['clair-scan']);
  // Every chunk the bundle loads on first use (src/util/lazy.ts) was packed: `__nccwpck_require__.e(<id>)` loads <id>.index.js.
  const cli = path.join(app, 'node_modules', 'clair-scan', 'dist', 'cli');
  const js = fs.readdirSync(cli).filter((f) => f.endsWith('.js'));
  const loaded = new Set(
    js.flatMap((f) =>
      [
        ...fs.readFileSync(path.join(cli, f), 'utf8').matchAll(/__nccwpck_require__\.e\((?:\/\*.*?\*\/\s*)?(\d+)\)/g),
      ].map((m) => `${m[1]}.index.js`),
    ),
  );
  expect(loaded.size).toBeGreaterThan(0);
  for (const chunk of loaded) expect([chunk, js.includes(chunk)]).toEqual([chunk, true]);
  const v = await run('npx', ['--offline', 'clair-scan', '--version'], app, npmEnv);
  expect(v.stdout.trim()).toBe(
    (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version,
  );
});

test('npx clair-scan from there scans the Debian fixture: its exact findings, exit 1', async () => {
  const t = loadTestEnv();
  const out = testTempDir('cs-npm-pack-out-');
  const r = await run(
    'npx',
    [
      '--offline',
      'clair-scan',
      '--clair-image',
      t.clairImage,
      '--postgres-image',
      t.postgresImage,
      '--pull',
      'never',
      '--vuln-data',
      BUNDLE,
      '--output-dir',
      out,
      '--formats',
      'json,sarif',
      fixture('debian-vuln'),
    ],
    app,
    { ...npmEnv, DOCKER_HOST: t.dockerHost },
  );
  expect([r.code, r.stderr.slice(-3000)]).toEqual([1, expect.any(String)]);
  const result = JSON.parse(fs.readFileSync(path.join(out, 'clair-scan-result.json'), 'utf8')) as ScanResult;
  expect(result.images).toHaveLength(1);
  expect(findingLines(result.images[0])).toEqual(DEBIAN_VULN_FINDINGS);
  expect(result.verdict?.status).toBe('fail');
  expect(fs.existsSync(path.join(out, 'clair-scan.sarif'))).toBe(true);
  // Per-phase timings: in the result (the phases before the reports) and in the log line that ends the scan (all).
  for (const phase of ['preflight', 'start-clair', 'image-export', 'index', 'match', 'policy'])
    expect([phase, typeof result.timings?.[phase]]).toEqual([phase, 'number']);
  expect(r.stderr).toMatch(
    /^.*Phase times \(s\): preflight \d+\.\d\d, .*index \d+\.\d\d, .*reports \d+\.\d\d, cleanup \d+\.\d\d; wall \d+\.\d$/m,
  );
  // The table on stdout, and nothing left running.
  expect(r.stdout).toMatch(/CVE-2099-1001/);
  const runId = /\bRun ([a-z0-9-]+) \(if this process is killed/.exec(`${r.stdout}\n${r.stderr}`)?.[1];
  expect(runId).toBeDefined();
  expect(leftoverContainers(runId)).toEqual([]);
});
