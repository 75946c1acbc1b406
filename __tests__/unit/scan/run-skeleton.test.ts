/**
 * The run skeleton's parts that need no Docker or Clair: the one missing-reports error of a scan and a batch
 * (src/scan.ts requireReports; a batch passes the image's own report directory), and runScan's order of phases
 * for a run that starts no Clair (a resumed batch with nothing left to scan). With Clair: the scan and batch e2e tests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { requireReports, runScan } from '../../../src/scan';
import { parseSettings, type Settings } from '../../../src/inputs/settings';
import { ClairScanError } from '../../../src/util/errors';
import { removeTestTempDirs, testTempDir } from '../../helpers/tmp';

afterAll(() => removeTestTempDirs());

/** A report file that exists. */
function written(dir: string, name: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, name), '{}');
  return path.join(dir, name);
}

function thrown(f: () => void): ClairScanError {
  try {
    f();
  } catch (err) {
    if (err instanceof ClairScanError) return err;
    throw err;
  }
  throw new Error('requireReports accepted missing reports');
}

describe('requireReports (fail closed: every requested report exists)', () => {
  it('passes when every requested format has its file', () => {
    const o = testTempDir('cs-unit-skeleton-');
    expect(() =>
      requireReports(['sarif', 'json'], { sarif: written(o, 'a.sarif'), json: written(o, 'a.json') }, o),
    ).not.toThrow();
    expect(() => requireReports([], {}, o)).not.toThrow();
  });

  it('one message for a scan and a batch: the missing formats, and the directory to check', () => {
    const o = testTempDir('cs-unit-skeleton-');
    // A path handed back whose file is gone counts as missing, like one never written.
    const one = thrown(() =>
      requireReports(['sarif', 'json'], { sarif: path.join(o, 'gone.sarif'), json: written(o, 'r.json') }, o),
    );
    expect([one.message, one.hint]).toEqual([
      'the sarif report was not written',
      `check that output-dir (${o}) is writable and has free space.`,
    ]);
    const image = path.join(o, 'images', 'app');
    const two = thrown(() => requireReports(['sarif', 'gitlab', 'json'], { json: written(image, 'r.json') }, image));
    expect([two.message, two.hint]).toEqual([
      'the sarif, gitlab reports were not written',
      `check that output-dir (${image}) is writable and has free space.`,
    ]);
  });
});

describe('runScan, the one skeleton (a run that needs no Clair: nothing to start, no daemon asked)', () => {
  // Process mode never uses Docker, so the run's cleanup asks no daemon (environment/cleanup.ts noDocker).
  const settings = (extra: Record<string, string> = {}): Settings =>
    parseSettings(
      (n) =>
        ({
          image: 'a:1',
          'clair-mode': 'process',
          'postgres-url': 'postgres://u:p@127.0.0.1:1/db',
          'output-dir': testTempDir('cs-unit-skeleton-'),
          ...extra,
        })[n],
    );

  it("common preflight, then the mode's, then its body; ended runs after the cleanup", async () => {
    const calls: string[] = [];
    const out = await runScan(settings(), (s) => calls.push(`state ${s.runId === undefined ? '?' : 'id'}`), {
      banner: () => 'banner',
      needsClair: false,
      preflight: async () => void calls.push('preflight'),
      body: async (run, opened) => {
        calls.push(`body ${opened === undefined ? 'without Clair' : 'with Clair'}`);
        return run.timings;
      },
      ended: (run) => void calls.push(`ended cleanup=${run.timings.cleanup !== undefined}`),
    });
    expect(calls).toEqual(['state id', 'preflight', 'body without Clair', 'ended cleanup=true']);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['preflight', 'cleanup']));
  });

  it('whileClairStarts begins before Clair starts and is discarded when Clair does not come up; an existing Clair (clair-url) gets none', async () => {
    const calls: string[] = [];
    const plan = {
      banner: () => 'banner',
      whileClairStarts: () => {
        calls.push('early');
        return { discard: async () => void calls.push('discard') };
      },
      body: async () => void calls.push('body'),
      ended: () => void calls.push('ended'),
    };
    // Process mode against a PostgreSQL that is not there: Clair never comes up.
    await expect(runScan(settings(), undefined, plan)).rejects.toThrow();
    expect(calls).toEqual(['early', 'discard', 'ended']);
    calls.length = 0;
    const external = parseSettings(
      (n) => ({ image: 'a:1', 'clair-url': 'http://127.0.0.1:1', 'output-dir': testTempDir('cs-unit-skeleton-') })[n],
    );
    await runScan(external, undefined, plan);
    expect(calls).toEqual(['body', 'ended']);
  }, 60_000);

  it("a bad policy file fails the common preflight before the mode's checks; the run still ends", async () => {
    const calls: string[] = [];
    const err = await runScan(settings({ allowlist: '/nonexistent/allowlist.yaml' }), undefined, {
      banner: () => 'banner',
      needsClair: false,
      preflight: async () => void calls.push('preflight'),
      body: async () => void calls.push('body'),
      ended: () => void calls.push('ended'),
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ClairScanError);
    expect((err as ClairScanError).message).toMatch(/allowlist/);
    expect(calls).toEqual(['ended']);
  });

  it('a body that throws: its error, after the cleanup', async () => {
    const calls: string[] = [];
    await expect(
      runScan(settings(), undefined, {
        banner: () => 'banner',
        needsClair: false,
        body: async () => {
          throw new ClairScanError('the body failed', { hint: 'h' });
        },
        ended: (run) => void calls.push(`ended cleanup=${run.timings.cleanup !== undefined}`),
      }),
    ).rejects.toThrow('the body failed');
    expect(calls).toEqual(['ended cleanup=true']);
  });
});
