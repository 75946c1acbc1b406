/**
 * The GitLab template's vulnerability-data cache (issue 20): the scan job's before_script, as written in
 * templates/clair-scan.gitlab-ci.yml and the CI/CD component, run in bash with `set -eo pipefail` against a cache
 * directory of real snapshots, with `clair-scan` the CLI from the sources (its `data export` fails, as without
 * internet). The snapshot used is the newest by its manifest's createdAt, never by file name; an entry dated in
 * the future or written by another ref is passed over with a notice; the cache key is per ref and protection.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { parseAllDocuments } from 'yaml';
import { pickCachedSnapshot } from '../../../src/data/cache';
import { writeSnapshot } from '../../../src/data/snapshot';
import { expectScanError } from '../../helpers/errors';
import { REPO_ROOT } from '../../helpers/testenv';
import { removeTestTempDirs, testTempDir } from '../../helpers/tmp';

const PREFIX = 'clair-scan-vulndata-v4.9.0-debian-';
const record = (n: number): string =>
  JSON.stringify({
    Updater: 'debian/updater',
    Fingerprint: 'f',
    Ref: '5b0f8c3e-1d2a-4e6b-9c7d-8e9f0a1b2c3d',
    Kind: 'vulnerability',
    Vuln: { name: `CVE-2099-${1000 + n}` },
  });

afterAll(removeTestTempDirs);

/** A snapshot entry as `data export` writes it (zstd bundle + manifest), created at `createdAt` for `ref`. */
async function entry(dir: string, name: string, createdAt: Date, ref?: string): Promise<void> {
  const zst = execFileSync('zstd', ['-q', '-c'], { input: `${record(name.length)}\n` });
  await writeSnapshot(Readable.from([zst]), path.join(dir, name), { updaterSets: ['debian'], createdAt, ref });
}

interface Job {
  cache: { key: string; paths: string[] };
  before_script: string[];
}
function scanJob(file: string): Job {
  const docs = parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJS() as Record<string, unknown>);
  const job = docs.map((d) => d?.['clair-scan'] as Job | undefined).find(Boolean);
  if (!job) throw new Error(`${file} has no clair-scan job`);
  return job;
}

const TEMPLATES = [
  path.join(REPO_ROOT, 'templates', 'clair-scan.gitlab-ci.yml'),
  path.join(REPO_ROOT, 'templates', 'clair-scan', 'template.yml'),
];

describe.each(TEMPLATES)('%s', (file) => {
  const job = scanJob(file);

  it('keys the cache per ref and per protection', () => {
    expect(job.cache.key).toBe(
      'clair-scan-vulndata-$CI_JOB_NAME-$CI_COMMIT_REF_SLUG-protected-$CI_COMMIT_REF_PROTECTED',
    );
    expect(job.cache.paths).toEqual(['.clair-scan-cache/']);
  });

  it("uses the newest snapshot by createdAt; passes over future dates and other refs' entries", async () => {
    const project = testTempDir('cs-unit-glcache-');
    const cache = path.join(project, '.clair-scan-cache');
    const now = Date.now();
    // File names that sort the other way round from the manifests' dates.
    await entry(cache, `${PREFIX}20991231.json.zst`, new Date(now - 3 * 86400_000), 'main');
    await entry(cache, `${PREFIX}20260101.json.zst`, new Date(now - 3600_000), 'main');
    await entry(cache, `${PREFIX}20991230.json.zst`, new Date(now + 2 * 86400_000), 'main');
    await entry(cache, `${PREFIX}20260102.json.zst`, new Date(now - 600_000), 'feature/x');
    const bin = testTempDir('cs-unit-glcache-bin-');
    const tsx = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    fs.writeFileSync(
      path.join(bin, 'clair-scan'),
      `#!/bin/sh\nif [ "$1 $2" = "data export" ]; then echo "export: no network" >&2; exit 1; fi\nexec "${process.execPath}" "${tsx}" "${path.join(REPO_ROOT, 'src', 'cli-entry.ts')}" "$@"\n`,
      { mode: 0o755 },
    );
    const script = `set -eo pipefail\n${job.before_script.join('\n')}\necho "VULN_DATA=$CLAIR_SCAN_VULN_DATA"\necho "MAX_AGE=$CLAIR_SCAN_VULN_DATA_MAX_AGE"\n`;
    const r = spawnSync('bash', ['-c', script], {
      cwd: project,
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        PATH: `${bin}:${process.env.PATH}`,
        HOME: project,
        TMPDIR: project,
        CLAIR_SCAN_VULN_DATA: 'online',
        CLAIR_SCAN_UPDATERS: 'debian',
        CI_COMMIT_REF_NAME: 'main',
      },
    });
    expect({ status: r.status, error: r.error?.message }).toEqual({ status: 0, error: undefined });
    expect(r.stdout).toContain(`VULN_DATA=.clair-scan-cache/${PREFIX}20260101.json.zst\n`);
    expect(r.stdout).toContain('MAX_AGE=24h\n');
    expect(r.stderr).toMatch(
      new RegExp(
        `cache entry passed over: ${PREFIX}20991230\\.json\\.zst: snapshot manifest .* says it was created at .*, in the future`,
      ),
    );
    expect(r.stderr).toContain(
      `cache entry passed over: ${PREFIX}20260102.json.zst: it was written by the ref "feature/x", not "main"`,
    );
    // Only the chosen entry stays in the cache.
    expect(fs.readdirSync(cache).sort()).toEqual([
      `${PREFIX}20260101.json.zst`,
      `${PREFIX}20260101.json.zst.manifest.json`,
    ]);
  });
});

describe('pickCachedSnapshot', () => {
  it('passes over entries without a manifest or with a damaged one; an empty or missing directory gives nothing', async () => {
    const dir = testTempDir('cs-unit-glcache-pick-');
    expect(await pickCachedSnapshot(path.join(dir, 'missing'), PREFIX)).toEqual({ skipped: [] });
    fs.writeFileSync(path.join(dir, 'a-file'), '');
    const err = await expectScanError(pickCachedSnapshot(path.join(dir, 'a-file'), PREFIX));
    expect(err.message).toMatch(/^the cache directory ".*a-file" cannot be read: ENOTDIR/);
    fs.writeFileSync(path.join(dir, `${PREFIX}20991231.json.zst`), 'x');
    await entry(dir, `${PREFIX}20991230.json.zst`, new Date(Date.now() - 60_000));
    fs.writeFileSync(path.join(dir, `${PREFIX}20991230.json.zst.manifest.json`), '{');
    await entry(dir, `${PREFIX}20200101.json.zst`, new Date(Date.now() - 86400_000));
    await entry(dir, `other-${PREFIX}20991229.json.zst`, new Date(Date.now() - 1000));
    const r = await pickCachedSnapshot(dir, PREFIX, { ref: 'main' });
    // An entry that records no ref is accepted for any ref (entries written before refs were recorded).
    expect(r.bundlePath).toBe(path.join(dir, `${PREFIX}20200101.json.zst`));
    expect(r.skipped).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${PREFIX}20991230\\.json\\.zst: snapshot manifest .*20991230\\.json\\.zst\\.manifest\\.json is not JSON \\(`,
        ),
      ),
      `${PREFIX}20991231.json.zst: it has no snapshot manifest, so its age is unknown`,
    ]);
  });
});
