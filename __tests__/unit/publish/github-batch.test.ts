/** The action's batch publisher (publish/github/batch.ts): the job summary table, its cap, escaping, the step's messages and outputs. */
import type { BatchImageEntry, BatchSummary } from '../../../src/batch/outputs';
import type { BatchOutcome } from '../../../src/batch/run';
import type { Settings } from '../../../src/inputs/settings';
import { batchVerdictMessage, renderBatchSummary } from '../../../src/publish/github/batch';
import { batchOutputs } from '../../../src/publish/github/outputs';

const counts = (high: number, total: number) => ({
  Critical: 0,
  High: high,
  Medium: 0,
  Low: 0,
  Negligible: 0,
  Unknown: total - high,
  total,
  fixable: high,
});

function entry(
  image: string,
  verdict: BatchImageEntry['verdict'],
  extra: Partial<BatchImageEntry> = {},
): BatchImageEntry {
  return { image, verdict, failedRules: [], reasons: [], seconds: 1, finishedAt: '2026-11-26T00:00:00.000Z', ...extra };
}

function summary(images: BatchImageEntry[], resumed = 0): BatchSummary {
  const n = (v: string) => images.filter((e) => e.verdict === v).length;
  return {
    schemaVersion: '1.0.0',
    tool: { name: 'clair-scan', version: '0.0.0' },
    clair: { ephemeral: false, url: 'http://clair:6060' },
    startedAt: '2026-11-26T00:00:00.000Z',
    finishedAt: '2026-11-26T00:01:00.000Z',
    rules: ['fail-on: high>0 || medium>=3'],
    concurrency: 4,
    totals: { images: images.length, passed: n('pass'), failed: n('fail'), errored: n('error'), resumed },
    exitCode: n('error') ? 2 : n('fail') ? 1 : 0,
    images,
  };
}

function outcome(s: BatchSummary, fail = true): BatchOutcome {
  return {
    summary: s,
    settings: { policy: { fail }, reports: { outputDir: '/out' }, publish: {} } as unknown as Settings,
    exitCode: s.totals.errored ? 2 : s.totals.failed && fail ? 1 : 0,
    files: {
      summary: '/out/batch-summary.json',
      vulnerableList: '/out/vulnerable.list',
      state: '/out/batch-state.jsonl',
    },
    timings: {},
    stats: { layersPublished: 0, layersReused: 0, clairRetries: 0, bytesServed: 0 },
  };
}

describe('renderBatchSummary', () => {
  it('problems first (errors, then failures, then passes), each in the listed order; untrusted text escaped', () => {
    const s = summary([
      entry('registry:r/ok:1', 'pass', { counts: counts(0, 0) }),
      entry('registry:r/<img src=x>:1', 'fail', {
        counts: counts(2, 3),
        failedRules: ['fail-on: high>0 || medium>=3'],
      }),
      entry('registry:r/gone:1', 'error', {
        error: { message: 'Clair could not index the image', hint: 'h', clair: 'fetcher: @someone | broke' },
      }),
    ]);
    expect(renderBatchSummary(s, { artifactName: 'clair-scan-reports' })).toBe(
      [
        '## ⚠️ clair-scan batch: not every image was scanned — 3 images: 1 passed, 1 failed the policy, 1 errored',
        '',
        'Policy: fail-on: high&gt;0 \\|\\| medium&gt;=3.',
        '',
        '| Image | Verdict | Critical | High | Medium | Low | Other | Total | Failed rule or error |',
        '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
        '| registry:r/gone:1 | ⚠️ error |  |  |  |  |  |  | Clair could not index the image — Clair: fetcher: @\u200bsomeone \\| broke |',
        '| registry:r/&lt;img src=x&gt;:1 | ❌ fail | 0 | 2 | 0 | 0 | 1 | 3 | fail-on: high&gt;0 \\|\\| medium&gt;=3 |',
        '| registry:r/ok:1 | ✅ pass | 0 | 0 | 0 | 0 | 0 | 0 |  |',
        '',
        '`vulnerable.list` names the 1 image that failed the policy, one per line with the failed rules.',
        '',
        'No verdict for 1 image (exit code 2): see each error above and the job log.',
        '',
      ].join('\n'),
    );
  });

  it('caps the table and says how many more there are, by verdict, and where all of them are', () => {
    const images = [
      ...Array.from({ length: 5 }, (_, i) =>
        entry(`registry:r/fail${i}:1`, 'fail', { counts: counts(1, 1), failedRules: ['severity-threshold: high'] }),
      ),
      ...Array.from({ length: 300 }, (_, i) => entry(`registry:r/ok${i}:1`, 'pass', { counts: counts(0, 0) })),
    ];
    const text = renderBatchSummary(summary(images, 7), { artifactName: 'clair-scan-reports' });
    const rows = text.split('\n').filter((l) => l.startsWith('| registry:'));
    expect(rows).toHaveLength(200);
    expect(rows.slice(0, 5).every((r) => r.includes('❌ fail'))).toBe(true);
    expect(text).toContain(
      '## ❌ clair-scan batch: policy failed — 305 images: 300 passed, 5 failed the policy, 0 errored (7 done by an earlier run)',
    );
    expect(text).toContain(
      '_… and 105 more images (105 passed): every image is in `batch-summary.json` (artifact `clair-scan-reports`)._',
    );
  });

  it('all passed: a green headline, no table notes', () => {
    const text = renderBatchSummary(summary([entry('registry:r/ok:1', 'pass', { counts: counts(0, 0) })]));
    expect(text.split('\n')[0]).toBe(
      '## ✅ clair-scan batch: policy passed — 1 image: 1 passed, 0 failed the policy, 0 errored',
    );
    expect(text).not.toMatch(/vulnerable\.list|No verdict|more image/);
  });
});

describe('batchVerdictMessage and batchOutputs', () => {
  const failing = summary([
    entry('registry:r/a:1', 'fail', { counts: counts(1, 4), failedRules: ['severity-threshold: high'] }),
    entry('registry:r/b:1', 'pass', { counts: counts(0, 2) }),
  ]);

  it('a failed policy fails the step (exit 1) naming each image and its rules', () => {
    expect(batchVerdictMessage(outcome(failing))).toEqual({
      fail: 'Batch: 2 images: 1 passed, 1 failed the policy, 0 errored. Policy failed:\n- registry:r/a:1: severity-threshold: high',
    });
  });

  it('report-only (fail: false): a warning, the step succeeds; the verdict output still says fail', () => {
    const o = outcome(failing, false);
    expect(o.exitCode).toBe(0);
    expect(batchVerdictMessage(o)).toEqual({
      warn: 'Batch: 2 images: 1 passed, 1 failed the policy, 0 errored. Policy failed (report-only mode, the step succeeds):\n- registry:r/a:1: severity-threshold: high',
    });
    expect(batchOutputs(o)).toMatchObject({
      verdict: 'fail',
      'exit-code': '0',
      total: '6',
      high: '1',
      unknown: '5',
      fixable: '1',
      images: '2',
      'images-failed': '1',
      'vulnerable-list': '/out/vulnerable.list',
    });
  });

  it('an errored image: no pass verdict (empty), exit code 2, and the error named', () => {
    const o = outcome(
      summary([
        entry('registry:r/b:1', 'pass', { counts: counts(0, 0) }),
        entry('registry:r/c:1', 'error', { error: { message: 'boom', hint: 'h' } }),
      ]),
    );
    expect(batchOutputs(o)).toMatchObject({ verdict: '', 'exit-code': '2', 'images-errored': '1' });
    expect(batchVerdictMessage(o)).toEqual({
      fail: 'Batch: 2 images: 1 passed, 0 failed the policy, 1 errored. Errored:\n- registry:r/c:1: boom',
    });
  });
});
