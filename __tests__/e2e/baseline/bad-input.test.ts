/**
 * A baseline that cannot be used, end to end (CLI `--baseline`, real Clair): a result of another image, of an older
 * or an unknown (newer major) format version, a truncated file, a file that is not a clair-scan result, a missing
 * path, a directory. Each is a notice (log, JSON `baselineNotes`, Markdown, HTML) with a complete, non-delta report
 * — never a crash, never exit 2 — and fails closed: every finding counts as new (issue 20), so `fail-on-new` and
 * `new.*` rules cannot be passed by breaking the baseline.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { testTempDir } from '../../helpers/tmp';
import { validateSarifGithub, validateSarifOasis } from '../../unit/report/schemas';
import { fixture } from '../scan/helpers';
import { cli, keepResult, tagTestImages, type CliRun, type TestImages } from './helpers';

let img: TestImages;
let dir: string;
/** A real result of this image name (scan of `:base`), and one of another image (the fixture's own name). */
let sameImage: string;
let otherImage: string;

beforeAll(async () => {
  img = tagTestImages('badbase');
  dir = testTempDir('cs-e2e-badbase-');
  const same = await cli(['--severity-threshold', 'none', img.base]);
  expect(same.code).toBe(0);
  sameImage = keepResult(same, 'same');
  const other = await cli(['--severity-threshold', 'none', fixture('base')]);
  expect(other.code).toBe(0);
  otherImage = keepResult(other, 'other');
});
afterAll(() => img?.remove());

/** A copy of the same-image result with its `schemaVersion` changed. */
function withVersion(v: string): string {
  const file = path.join(dir, `result-${v}.json`);
  fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(sameImage, 'utf8')), schemaVersion: v }));
  return file;
}

const COMPLETE = 'no comparison is made, the report is complete.';

const cases: [string, () => string, (f: string) => string | RegExp][] = [
  [
    'a result of another image',
    () => otherImage,
    (f) =>
      `the baseline (file ${f}) is of another image (localhost/clair-scan-fixture/base), not ${img.name}: ${COMPLETE}`,
  ],
  [
    'an older format version (0.9.0)',
    () => withVersion('0.9.0'),
    (f) =>
      `the baseline (file ${f}) has result format version 0.9.0, which this clair-scan (format 1.2.0) cannot compare with; ${COMPLETE} The next baseline written by this version will compare.`,
  ],
  [
    'an unknown format version (2.0.0)',
    () => withVersion('2.0.0'),
    (f) =>
      `the baseline (file ${f}) has result format version 2.0.0, which this clair-scan (format 1.2.0) cannot compare with; ${COMPLETE} The next baseline written by this version will compare.`,
  ],
  [
    'a truncated file',
    () => {
      const file = path.join(dir, 'truncated.json');
      const text = fs.readFileSync(sameImage, 'utf8');
      fs.writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
      return file;
    },
    (f) => new RegExp(`^the baseline \\(file ${esc(f)}\\) is not readable JSON \\([^)]+\\); ${esc(COMPLETE)}$`),
  ],
  [
    'a file that is not a clair-scan result (a SARIF file)',
    () => {
      const file = path.join(dir, 'clair-scan.sarif');
      fs.writeFileSync(file, JSON.stringify({ version: '2.1.0', runs: [] }));
      return file;
    },
    (f) => `the baseline (file ${f}) is not a clair-scan result (clair-scan-result.json); ${COMPLETE}`,
  ],
  [
    'a missing file',
    () => path.join(dir, 'no-such-result.json'),
    (f) => `the baseline ${f} cannot be read (ENOENT); ${COMPLETE}`,
  ],
  ['a directory', () => dir, (f) => `the baseline ${f} is not a file; ${COMPLETE}`],
];

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The second note of every unusable baseline: nothing was compared, so the safe reading counts all three as new. */
const strictNote = (): string =>
  `no baseline was compared for ${img.name}: all 3 findings of it count as new (the safe reading: fail-on-new and new.* rules count them as introduced by this change).`;

function expectFullReportWithNotice(r: CliRun, notice: string | RegExp): void {
  const j = r.json();
  expect(j.delta).toBeUndefined();
  expect(j.baselineNotes).toEqual([notice instanceof RegExp ? expect.stringMatching(notice) : notice, strictNote()]);
  expect(j.baselineUncompared).toEqual([img.name]);
  const text = j.baselineNotes[0] as string;
  // Complete: all three findings of the PR image, each counted as new (nothing was compared).
  expect(
    j.images[0].vulnerabilities
      .map((v: { id: string; baselineState?: string }) => `${v.id} ${v.baselineState ?? '-'}`)
      .sort(),
  ).toEqual(['CVE-2099-1002 new', 'CVE-2099-1003 new', 'CVE-2099-3001 new']);
  expect(r.stderr).toContain(`warning: baseline: ${text}`);
  expect(r.stderr).toContain(`warning: baseline: ${strictNote()}`);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  const sarif = JSON.parse(r.file('clair-scan.sarif'));
  expect(validateSarifOasis(sarif)).toBeNull();
  expect(validateSarifGithub(sarif)).toBeNull();
  expect(sarif.runs[0].results).toHaveLength(3);
  expect(sarif.runs[0].results.map((x: { baselineState?: string }) => x.baselineState)).toEqual(['new', 'new', 'new']);
  expect(sarif.runs[0].properties.baseline).toBeUndefined();
  const md = r.file('clair-scan-summary.md');
  expect(md).not.toContain('Changes since the baseline');
  expect(md.split('\n').filter((l) => l.startsWith('> ℹ️ Baseline: '))).toHaveLength(2);
  expect(md).toContain('> ℹ️ Baseline: no baseline was compared for ');
  const html = r.file('clair-scan-report.html');
  expect(html).toContain('<section id="baseline-notes"><p class="warn baseline-note">Baseline: ');
  expect(html).not.toContain('<section id="delta">');
}

test.each(cases)(
  '%s: a notice, the full report, the default policy decides (exit 1: a High finding)',
  async (_name, make, notice) => {
    const file = make();
    const r = await cli(['--baseline', file, img.pr]);
    expect({ code: r.code, stderr: r.code === 1 ? '' : r.stderr }).toEqual({ code: 1, stderr: '' });
    expect(r.json().verdict.reasons).toEqual(['1 finding at or above High (severity-threshold: high): 1 High']);
    expectFullReportWithNotice(r, notice(file));
  },
);

// Gates fail closed: one run per trigger of issue 20 with fail-on-new, one with a new.* rule.
test.each(cases.slice(0, 4))(
  'fail-on-new with %s: every finding counts as new, so the gate fails (exit 1) and says why',
  async (_name, make, notice) => {
    const file = make();
    const r = await cli(['--baseline', file, '--fail-on-new', '--severity-threshold', 'medium', img.pr]);
    expect({ code: r.code, stderr: r.code === 1 ? '' : r.stderr }).toEqual({ code: 1, stderr: '' });
    expect(r.json().verdict).toMatchObject({
      status: 'fail',
      reasons: [
        '3 new findings at or above Medium (severity-threshold: medium (new findings only: fail-on-new)): 1 High, 2 Medium',
      ],
      rules: [
        `severity-threshold: medium (new findings only: fail-on-new); no baseline was compared for ${img.name}, so every finding of it counts as new`,
      ],
    });
    expectFullReportWithNotice(r, notice(file));
  },
);

test('a new.* rule with a missing baseline file fails on every finding (exit 1)', async () => {
  const file = path.join(dir, 'no-such-result.json');
  const r = await cli(['--baseline', file, '--fail-on', 'new.high>0', img.pr]);
  expect({ code: r.code, stderr: r.code === 1 ? '' : r.stderr }).toEqual({ code: 1, stderr: '' });
  expect(r.json().verdict).toMatchObject({
    status: 'fail',
    reasons: ['fail-on rule "new.high>0" is true: new.high=1'],
  });
  expectFullReportWithNotice(r, `the baseline ${file} cannot be read (ENOENT); ${COMPLETE}`);
});

test('an image missing from the baseline: the compared image is compared, the other one counts in full (exit 1)', async () => {
  // The baseline has this image name (`:base`), the run scans it and the fixture's own `derived:1` (another name).
  const r = await cli([
    '--baseline',
    sameImage,
    '--fail-on-new',
    '--severity-threshold',
    'medium',
    img.pr,
    fixture('derived'),
  ]);
  expect({ code: r.code, stderr: r.code === 1 ? '' : r.stderr }).toEqual({ code: 1, stderr: '' });
  const j = r.json();
  const other = 'localhost/clair-scan-fixture/derived';
  expect(j.baselineNotes).toEqual([
    `the baseline (file ${sameImage}) has no result for ${other}: those findings are not compared.`,
    `no baseline was compared for ${other}: all 3 findings of it count as new (the safe reading: fail-on-new and new.* rules count them as introduced by this change).`,
  ]);
  expect(j.baselineUncompared).toEqual([other]);
  const states = (name: string): string[] =>
    j.images
      .find((i: { image: { name: string } }) => i.image.name === name)
      .vulnerabilities.map((v: { id: string; baselineState?: string }) => `${v.id} ${v.baselineState}`)
      .sort();
  expect(states(img.name)).toEqual(['CVE-2099-1002 unchanged', 'CVE-2099-1003 unchanged', 'CVE-2099-3001 new']);
  expect(states(other)).toEqual(['CVE-2099-1002 new', 'CVE-2099-1003 new', 'CVE-2099-3001 new']);
  expect(j.verdict).toMatchObject({
    status: 'fail',
    reasons: [
      '4 new findings at or above Medium (severity-threshold: medium (new findings only: fail-on-new)): 1 High, 3 Medium',
    ],
  });
  expect(r.stderr).toContain(`warning: baseline: no baseline was compared for ${other}`);
  expect(r.file('clair-scan-summary.md')).toContain(
    `> ℹ️ Baseline: no baseline was compared for ${other}: all 3 findings`,
  );
});

test.each([
  [
    ['--fail-on-new'],
    'fail-on-new count findings new against a baseline, which batch mode does not compare: every finding would pass as not new',
  ],
  [
    ['--fail-on', 'high>0 || new.medium>0'],
    'fail-on "high>0 || new.medium>0" count findings new against a baseline, which batch mode does not compare: every finding would pass as not new',
  ],
])(
  'batch mode compares no baseline: %j is refused (exit 2) before anything starts, not passed silently',
  async (flags, message) => {
    const list = path.join(dir, 'images.txt');
    fs.writeFileSync(list, `${img.pr}\n`);
    const r = await cli(['--images-file', list, ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('gate the batch on all findings');
  },
);
