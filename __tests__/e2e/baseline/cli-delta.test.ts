/**
 * The baseline comparison end to end with the CLI (`--baseline FILE`) and real Clair: the base branch's image
 * (fixture `base:1`) and the pull request's image (`derived:1` = base + one layer adding CVE-2099-3001 Medium on
 * requests) under one image name. Delta counts, SARIF `baselineState` (both SARIF schemas), the JSON delta, the
 * Markdown summary leading with the delta, `fail-on-new` on a new finding and on an old backlog, `new.medium>0`,
 * the reverse direction (a fixed finding), and the HTML report's `#delta` section in headless Chromium (screenshot).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { loadTestEnv } from '../../helpers/testenv';
import { testTempDir } from '../../helpers/tmp';
import { validateSarifGithub, validateSarifOasis } from '../../unit/report/schemas';
import {
  cli,
  counts,
  keepResult,
  SEVERITY_ZERO,
  stateLines,
  tagTestImages,
  type CliRun,
  type TestImages,
} from './helpers';

let img: TestImages;
/** The base branch's result (scan of `:base`), and the PR's result against it. */
let baseRun: CliRun;
let baseFile: string;
let prRun: CliRun;
let prFile: string;

beforeAll(() => {
  img = tagTestImages('delta');
});
afterAll(() => img?.remove());

const NEW_FINDING = 'CVE-2099-3001 Medium requests new';
const UNCHANGED = ['CVE-2099-1002 High zlib1g unchanged', 'CVE-2099-1003 Medium zlib1g unchanged'];

test('the base branch: no baseline, fail-on-new passes (nothing is new) and the result becomes the baseline', async () => {
  baseRun = await cli(['--fail-on-new', '--severity-threshold', 'medium', img.base]);
  expect({ code: baseRun.code, stderr: baseRun.code === 0 ? '' : baseRun.stderr }).toEqual({ code: 0, stderr: '' });
  const r = baseRun.json();
  expect(stateLines(r)).toEqual(['CVE-2099-1002 High zlib1g -', 'CVE-2099-1003 Medium zlib1g -']);
  expect(r.delta).toBeUndefined();
  expect(r.baselineNotes).toBeUndefined();
  expect(r.verdict).toMatchObject({
    status: 'pass',
    reasons: [],
    rules: ['severity-threshold: medium (new findings only: fail-on-new); no baseline was compared, so nothing is new'],
  });
  baseFile = keepResult(baseRun, 'main');
});

test('the pull request against the base branch: exactly 1 new (CVE-2099-3001), 2 unchanged, 0 fixed; fail-on-new fails (exit 1)', async () => {
  prRun = await cli(['--baseline', baseFile, '--fail-on-new', '--severity-threshold', 'medium', img.pr]);
  expect({ code: prRun.code, stderr: prRun.code === 1 ? '' : prRun.stderr }).toEqual({ code: 1, stderr: '' });
  const r = prRun.json();
  const base = baseRun.json();
  expect(r.schemaVersion).toBe('1.2.0');
  expect(stateLines(r)).toEqual([...UNCHANGED, NEW_FINDING]);
  expect(r.images[0].vulnerabilities.find((v: { baselineState: string }) => v.baselineState === 'new').key).toBe(
    img.keys.requests,
  );
  // The JSON delta, exactly.
  expect(r.delta).toEqual({
    baseline: {
      source: `file ${baseFile}`,
      schemaVersion: '1.2.0',
      toolVersion: base.tool.version,
      finishedAt: base.finishedAt,
      images: [img.name],
    },
    counts: {
      new: counts({ Medium: 1 }),
      updated: SEVERITY_ZERO,
      unchanged: counts({ High: 1, Medium: 1 }),
      fixed: SEVERITY_ZERO,
    },
    fixed: [],
  });
  expect(r.baselineNotes).toBeUndefined();
  // The gate counted only the new finding.
  expect(r.verdict).toMatchObject({
    status: 'fail',
    enforced: true,
    reasons: [
      '1 new finding at or above Medium (severity-threshold: medium (new findings only: fail-on-new)): 1 Medium',
    ],
    rules: ['severity-threshold: medium (new findings only: fail-on-new)'],
  });
  // The log says what changed.
  expect(prRun.stderr).toContain(
    `baseline: compared with file ${baseFile}: 1 new (1 Medium), 0 fixed, 2 unchanged (allowlisted not counted)`,
  );

  // SARIF: every result carries its baselineState; valid against the OASIS schema and GitHub's copy.
  const sarif = JSON.parse(prRun.file('clair-scan.sarif'));
  expect(validateSarifOasis(sarif)).toBeNull();
  expect(validateSarifGithub(sarif)).toBeNull();
  expect(sarif.runs).toHaveLength(1);
  const states = sarif.runs[0].results
    .map(
      (x: { ruleId: string; baselineState: string; properties: { package: string } }) =>
        `${x.ruleId} ${x.properties.package} ${x.baselineState}`,
    )
    .sort();
  expect(states).toEqual([
    'CVE-2099-1002 zlib1g unchanged',
    'CVE-2099-1003 zlib1g unchanged',
    'CVE-2099-3001 requests new',
  ]);
  expect(sarif.runs[0].properties.baseline).toEqual({ source: `file ${baseFile}`, absent: [] });

  // Markdown: the verdict, then the delta before anything else; the new finding listed first.
  const mdText = prRun.file('clair-scan-summary.md');
  const lines = mdText.split('\n');
  expect(lines[0]).toBe('## ❌ clair-scan: policy failed — 1 image');
  const head = lines.indexOf('### Changes since the baseline: 1 new (1 Medium), 0 fixed, 2 unchanged');
  expect(head).toBeGreaterThan(0);
  expect(lines.slice(1, head).filter((l) => l !== '' && !l.startsWith('- ') && !l.startsWith('Rules: '))).toEqual([]); // only the verdict's lines (if any) before the delta
  expect(lines.slice(head + 4, head + 10)).toEqual([
    '| Change | Critical | High | Medium | Low | Negligible | Unknown | Total |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    '| 🆕 New | 0 | 0 | 1 | 0 | 0 | 0 | **1** |',
    '| ✅ Fixed | 0 | 0 | 0 | 0 | 0 | 0 | **0** |',
    '| Unchanged | 0 | 1 | 1 | 0 | 0 | 0 | **2** |',
    '',
  ]);
  expect(lines[head + 10]).toBe('#### New findings (1)');
  const firstCve = lines.findIndex((l) => /CVE-2099-\d+/.test(l) && l.startsWith('|'));
  expect(lines[firstCve]).toContain('CVE-2099-3001');
  expect(firstCve).toBeGreaterThan(head);
  // Everything else (the counts table, the per-image lists) comes after the delta.
  expect(lines.findIndex((l) => l.startsWith('| Image |'))).toBeGreaterThan(firstCve);
  prFile = keepResult(prRun, 'pr');
});

test("an old backlog: the PR's own result as the baseline → 0 new, fail-on-new passes (exit 0) although 3 findings are at or above Medium", async () => {
  const r = await cli(['--baseline', prFile, '--fail-on-new', '--severity-threshold', 'medium', img.pr]);
  expect({ code: r.code, stderr: r.code === 0 ? '' : r.stderr }).toEqual({ code: 0, stderr: '' });
  const j = r.json();
  expect(stateLines(j)).toEqual([
    'CVE-2099-1002 High zlib1g unchanged',
    'CVE-2099-1003 Medium zlib1g unchanged',
    'CVE-2099-3001 Medium requests unchanged',
  ]);
  expect(j.delta.counts).toEqual({
    new: SEVERITY_ZERO,
    updated: SEVERITY_ZERO,
    unchanged: counts({ High: 1, Medium: 2 }),
    fixed: SEVERITY_ZERO,
  });
  expect(j.verdict).toMatchObject({ status: 'pass', reasons: [], counted: counts({ High: 1, Medium: 2 }) });
  expect(r.file('clair-scan-summary.md')).toContain('### Changes since the baseline: 0 new, 0 fixed, 3 unchanged\n');
  expect(r.file('clair-scan-summary.md')).toContain('No new vulnerabilities since the baseline.');
});

test('a count rule on new findings: fail-on "new.medium>0" fails against the base branch, passes against the backlog', async () => {
  const fails = await cli(['--baseline', baseFile, '--fail-on', 'new.medium>0', img.pr]);
  expect(fails.code).toBe(1);
  expect(fails.json().verdict).toMatchObject({
    status: 'fail',
    reasons: ['fail-on rule "new.medium>0" is true: new.medium=1'],
    rules: ['fail-on: new.medium>0'],
  });
  const passes = await cli(['--baseline', prFile, '--fail-on', 'new.medium>0', img.pr]);
  expect({ code: passes.code, stderr: passes.code === 0 ? '' : passes.stderr }).toEqual({ code: 0, stderr: '' });
  expect(passes.json().verdict).toMatchObject({ status: 'pass', reasons: [] });
});

test("the reverse direction: the base image against the PR's result → 1 fixed (CVE-2099-3001), 2 unchanged, 0 new; SARIF lists it as absent", async () => {
  const r = await cli(['--baseline', prFile, '--severity-threshold', 'none', img.base]);
  expect({ code: r.code, stderr: r.code === 0 ? '' : r.stderr }).toEqual({ code: 0, stderr: '' });
  const j = r.json();
  expect(stateLines(j)).toEqual(UNCHANGED);
  expect(j.delta.counts).toEqual({
    new: SEVERITY_ZERO,
    updated: SEVERITY_ZERO,
    unchanged: counts({ High: 1, Medium: 1 }),
    fixed: counts({ Medium: 1 }),
  });
  expect(j.delta.fixed).toEqual([
    {
      key: img.keys.requests,
      kind: 'vulnerability',
      id: 'CVE-2099-3001',
      severity: 'Medium',
      image: img.name,
      package: { name: 'requests', version: '2.31.0' },
      fixedIn: '2.32.0',
    },
  ]);
  const sarif = JSON.parse(r.file('clair-scan.sarif'));
  expect(validateSarifOasis(sarif)).toBeNull();
  expect(validateSarifGithub(sarif)).toBeNull();
  expect(sarif.runs[0].results.map((x: { baselineState: string }) => x.baselineState)).toEqual([
    'unchanged',
    'unchanged',
  ]);
  expect(sarif.runs[0].properties.baseline.absent).toEqual([
    {
      baselineState: 'absent',
      id: 'CVE-2099-3001',
      key: img.keys.requests,
      severity: 'Medium',
      package: 'requests',
      installedVersion: '2.31.0',
    },
  ]);
  const md = r.file('clair-scan-summary.md');
  expect(md).toContain('### Changes since the baseline: 0 new, 1 fixed (1 Medium), 2 unchanged\n');
  expect(md).toContain('<summary>Fixed since the baseline (1)</summary>');
  expect(md).toContain(`| Medium | CVE-2099-3001 | requests | 2\\.31.0 | ${img.name} |`);
});

describe('the HTML report of the PR against the base branch in headless Chromium', () => {
  let browser: Browser | undefined;
  afterAll(async () => browser?.close());

  test('the #delta section is visible under the verdict with the right counts; screenshot', async () => {
    expect(prRun).toBeDefined();
    const chromiumPath = loadTestEnv().chromium;
    if (!chromiumPath) throw new Error('the test environment has no chromium (.testenv/env.json "chromium")');
    const html = path.join(prRun.outDir, 'clair-scan-report.html');
    const fileUrl = `file://${html}`;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const offsite: string[] = [];
    await context.route('**/*', (route) =>
      route.request().url() === fileUrl ? route.continue() : (offsite.push(route.request().url()), route.abort()),
    );
    const page = await context.newPage();
    await page.goto(fileUrl);
    await page.waitForSelector('html[data-ready="1"]');

    const delta = page.locator('#delta');
    expect(await delta.isVisible()).toBe(true);
    expect(await page.locator('#delta h2').textContent()).toBe(
      'Changes since the baseline: 1 new (1 Medium), 0 fixed, 2 unchanged',
    );
    const row = async (id: string): Promise<string[]> => page.locator(`#delta-counts-${id} td`).allTextContents();
    expect(await row('new')).toEqual(['0', '0', '1', '0', '0', '0', '1']);
    expect(await row('fixed')).toEqual(['0', '0', '0', '0', '0', '0', '0']);
    expect(await row('unchanged')).toEqual(['0', '1', '1', '0', '0', '0', '2']);
    expect(await page.locator('#delta-counts-updated').count()).toBe(0);
    // Every id in the page is unique (the count rows and the finding tables once shared `delta-new` / `delta-fixed`).
    const ids = await page.$$eval('[id]', (els) => els.map((e) => (e as unknown as { id: string }).id));
    expect(ids.filter((x, i) => ids.indexOf(x) !== i)).toEqual([]);
    expect(await page.locator('#delta-new tbody tr td').allTextContents()).toEqual([
      'Medium',
      'CVE-2099-3001',
      'requests',
      '2.31.0',
      '2.32.0',
    ]);
    // Right under the verdict, above the findings table; inside the first screen.
    const box = await delta.boundingBox();
    const verdict = await page.locator('#verdict').boundingBox();
    const findings = await page.locator('#findings').boundingBox();
    expect(box && verdict && findings).toBeTruthy();
    expect(box!.y).toBeGreaterThan(verdict!.y);
    expect(box!.y + box!.height).toBeLessThan(findings!.y);
    expect(box!.y + box!.height).toBeLessThan(900);

    // "only new" filters the findings table to the new one.
    expect(await page.locator('#findings tbody tr').count()).toBe(3);
    await page.check('#f-new');
    expect(
      (await page.locator('#findings tbody tr').allTextContents()).map((t) => t.includes('CVE-2099-3001')),
    ).toEqual([true]);
    await page.uncheck('#f-new');

    const png = path.join(testTempDir('cs-e2e-baseline-shot-'), 'delta.png');
    await page.screenshot({ path: png, fullPage: false });
    const buf = fs.readFileSync(png);
    expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect([buf.readUInt32BE(16), buf.readUInt32BE(20)]).toEqual([1280, 900]);
    // The screenshot of the delta section alone (to look at when reviewing).
    await delta.screenshot({ path: path.join(path.dirname(png), 'delta-section.png') });
    if (process.env.CLAIR_SCAN_KEEP_SCREENSHOTS)
      for (const f of ['delta.png', 'delta-section.png'])
        fs.copyFileSync(path.join(path.dirname(png), f), path.join(process.env.CLAIR_SCAN_KEEP_SCREENSHOTS, f));
    expect(offsite).toEqual([]);
  });
});
