/**
 * Gates fail closed (issue 20): a baseline that was asked for but not compared with an image never makes that image's
 * findings "not new". Each trigger — a baseline of another image, damaged JSON, another major format version, an image
 * missing from the baseline, a baseline that cannot be fetched — counts every finding of the image as new for
 * `fail-on-new` and `new.*` rules, and the notes (log, JSON, Markdown) say why. No baseline asked for: nothing is new.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBaseline, parseBaseline, useBaseline, type BaselineLoad } from '../../../src/findings/delta';
import { RESULT_SCHEMA_VERSION, type ScanResult } from '../../../src/findings/model';
import { evaluatePolicy } from '../../../src/policy';
import { renderMarkdownSummary } from '../../../src/report/markdown';
import { renderJson } from '../../../src/report/json';
import { buildSarif } from '../../../src/report/sarif';
import { imageInfo, imageResult, policy, scanResult, vuln } from '../../helpers/model';

/** Two images of this change: app (1 High, 1 Medium) and worker (1 Critical). */
function current(): ScanResult {
  return scanResult([
    imageResult(imageInfo({ ref: 'registry.local/myorg/app:pr-1', name: 'myorg/app' }), [
      vuln('CVE-2099-0001', 'High', { pkg: 'zlib1g' }),
      vuln('CVE-2099-0002', 'Medium', { pkg: 'bash' }),
    ]),
    imageResult(imageInfo({ ref: 'registry.local/myorg/worker:pr-1', name: 'myorg/worker' }), [
      vuln('CVE-2099-0009', 'Critical', { pkg: 'openssl', image: 'myorg/worker' }),
    ]),
  ]);
}

/** The base branch's result: the same findings, so against it nothing is new. */
function baselineText(names = ['myorg/app', 'myorg/worker'], version: string = RESULT_SCHEMA_VERSION): string {
  const r = current();
  r.images = r.images.filter((i) => names.includes(i.image.name));
  return JSON.stringify({ ...JSON.parse(renderJson(r)), schemaVersion: version });
}

const failOnNew = policy({ severityThreshold: 'High', failOnNew: true });
const newRule = policy({ failOn: 'new.total>0' });

async function gate(load: BaselineLoad | undefined): Promise<{
  r: ScanResult;
  notices: string[];
  onNew: Awaited<ReturnType<typeof evaluatePolicy>>;
  onRule: Awaited<ReturnType<typeof evaluatePolicy>>;
}> {
  const r = current();
  const { notices } = useBaseline(r, load);
  const onNew = await evaluatePolicy(r, failOnNew);
  const onRule = await evaluatePolicy(r, newRule);
  return { r, notices, onNew, onRule };
}

const BOTH =
  'no baseline was compared for myorg/app, myorg/worker: all 3 findings of them count as new (the safe reading: fail-on-new and new.* rules count them as introduced by this change).';

describe('a baseline asked for but not compared: every finding counts as new', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cs-delta-strict-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('control: a baseline that compares makes nothing new, and both gates pass', async () => {
    const { r, notices, onNew, onRule } = await gate(parseBaseline(baselineText(), 'file main.json'));
    expect(notices).toEqual([]);
    expect(r.baselineUncompared).toBeUndefined();
    expect(onNew.status).toBe('pass');
    expect(onRule.status).toBe('pass');
  });

  it('control: no baseline asked for (none, or no pull request): nothing is new, the gates pass and say so', async () => {
    const { r, notices, onNew, onRule } = await gate(await loadBaseline('none'));
    expect(notices).toEqual([]);
    expect(r.images.flatMap((i) => i.vulnerabilities).filter((f) => f.baselineState)).toEqual([]);
    expect(onNew).toMatchObject({
      status: 'pass',
      rules: ['severity-threshold: high (new findings only: fail-on-new); no baseline was compared, so nothing is new'],
    });
    expect(onRule).toMatchObject({
      status: 'pass',
      rules: ['fail-on: new.total>0; no baseline was compared, so nothing is new'],
    });
  });

  const triggers: [string, () => Promise<BaselineLoad | undefined>, RegExp][] = [
    [
      'a baseline of another image',
      async () => parseBaseline(baselineText(['myorg/app']).replace(/myorg\/app/g, 'myorg/other'), 'file main.json'),
      /^the baseline \(file main\.json\) is of another image \(myorg\/other\)/,
    ],
    [
      'damaged JSON',
      async () => parseBaseline(baselineText().slice(0, 200), 'file main.json'),
      /^the baseline \(file main\.json\) is not readable JSON/,
    ],
    [
      'another major format version',
      async () => parseBaseline(baselineText(undefined, '2.0.0'), 'file main.json'),
      /^the baseline \(file main\.json\) has result format version 2\.0\.0/,
    ],
    ['a baseline file that is missing', async () => loadBaseline(join(dir, 'gone.json')), /cannot be read \(ENOENT\)/],
    [
      'a baseline that cannot be fetched (the fetcher throws)',
      async () =>
        loadBaseline('', async () => {
          throw new Error('HTTP 403 Forbidden');
        }),
      /^the baseline could not be fetched \(HTTP 403 Forbidden\)/,
    ],
    [
      "a baseline the platform refused (a notice from the fetcher, e.g. the job token's 403)",
      async () =>
        loadBaseline('', async () => ({
          notice: 'reading the baseline from GitLab was refused (HTTP 403): set CLAIR_SCAN_GITLAB_TOKEN.',
        })),
      /refused \(HTTP 403\)/,
    ],
  ];

  it.each(triggers)(
    '%s: fail-on-new and new.* fail on every finding, and the notes say why',
    async (_name, make, why) => {
      const { r, notices, onNew, onRule } = await gate(await make());
      expect(notices).toEqual([expect.stringMatching(why), BOTH]);
      expect(r.baselineNotes).toEqual(notices);
      expect(r.baselineUncompared).toEqual(['myorg/app', 'myorg/worker']);
      expect(r.images.flatMap((i) => i.vulnerabilities.map((f) => `${f.id} ${f.baselineState}`))).toEqual([
        'CVE-2099-0001 new',
        'CVE-2099-0002 new',
        'CVE-2099-0009 new',
      ]);
      expect(onNew).toMatchObject({
        status: 'fail',
        reasons: [
          '2 new findings at or above High (severity-threshold: high (new findings only: fail-on-new)): 1 Critical, 1 High',
        ],
        rules: [
          'severity-threshold: high (new findings only: fail-on-new); no baseline was compared for myorg/app, myorg/worker, so every finding of it counts as new',
        ],
      });
      expect(onRule).toMatchObject({ status: 'fail', reasons: ['fail-on rule "new.total>0" is true: new.total=3'] });
      // The reports say why: JSON notes, the Markdown summary (comment, note, job summary), SARIF's baselineState.
      const json = JSON.parse(renderJson({ ...r, verdict: onNew }));
      expect(json.baselineNotes).toEqual(notices);
      expect(json.baselineUncompared).toEqual(['myorg/app', 'myorg/worker']);
      const md = renderMarkdownSummary({ ...r, verdict: onNew });
      expect(md).toContain(
        '> ℹ️ Baseline: no baseline was compared for myorg/app, myorg/worker: all 3 findings of them count as new',
      );
      const sarif = buildSarif({ ...r, verdict: onNew }, { dockerfile: 'Dockerfile' });
      expect(sarif.runs.flatMap((run) => (run.results ?? []).map((x) => x.baselineState))).toEqual([
        'new',
        'new',
        'new',
      ]);
    },
  );

  it('an image missing from the baseline: its findings count as new, the compared image is compared', async () => {
    const { r, notices, onNew, onRule } = await gate(parseBaseline(baselineText(['myorg/app']), 'file main.json'));
    expect(notices).toEqual([
      'the baseline (file main.json) has no result for myorg/worker: those findings are not compared.',
      'no baseline was compared for myorg/worker: its 1 finding counts as new (the safe reading: fail-on-new and new.* rules count them as introduced by this change).',
    ]);
    expect(r.delta?.baseline.images).toEqual(['myorg/app']);
    expect(r.baselineUncompared).toEqual(['myorg/worker']);
    expect(r.images.flatMap((i) => i.vulnerabilities.map((f) => `${f.id} ${f.baselineState}`))).toEqual([
      'CVE-2099-0001 unchanged',
      'CVE-2099-0002 unchanged',
      'CVE-2099-0009 new',
    ]);
    expect(r.delta?.counts.new.Critical).toBe(1);
    expect(onNew).toMatchObject({
      status: 'fail',
      reasons: [
        '1 new finding at or above High (severity-threshold: high (new findings only: fail-on-new)): 1 Critical',
      ],
    });
    expect(onRule).toMatchObject({ status: 'fail', reasons: ['fail-on rule "new.total>0" is true: new.total=1'] });
  });
});
