/**
 * `default-branch-image` (GitLab's CS_DEFAULT_BRANCH_IMAGE through the template): every finding of the GitLab report
 * carries `location.default_branch_image`, so GitLab tracks a branch image's findings as the default branch's.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseSettings } from '../../../src/inputs/settings';
import { writeReports } from '../../../src/report';
import { ClairScanError } from '../../../src/util/errors';
import { sampleResult } from '../../helpers/model';
import { validateGitlab } from './schemas';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-gl-dbi-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/* eslint-disable @typescript-eslint/no-explicit-any */
async function gitlabReport(over: Record<string, string>): Promise<any> {
  const settings = parseSettings(
    (n) =>
      ({ image: 'registry.example.com/acme/shop/feature-x:abc123', formats: 'gitlab', 'output-dir': dir, ...over })[n],
  );
  const written = await writeReports(sampleResult(), settings.reports);
  return JSON.parse(fs.readFileSync(written.gitlab!, 'utf8'));
}

test("default-branch-image is each finding's location.default_branch_image, and the report stays schema-valid", async () => {
  const report = await gitlabReport({ 'default-branch-image': 'registry.example.com/acme/shop/main:latest' });
  expect(validateGitlab(report)).toBeNull();
  expect(report.vulnerabilities.length).toBeGreaterThan(0);
  expect(new Set(report.vulnerabilities.map((v: any) => v.location.default_branch_image))).toEqual(
    new Set(['registry.example.com/acme/shop/main:latest']),
  );
  // The scanned image's own name stays in `image`.
  expect(report.vulnerabilities.every((v: any) => v.location.image !== v.location.default_branch_image)).toBe(true);
});

test('without it, no default_branch_image', async () => {
  const report = await gitlabReport({});
  expect(report.vulnerabilities.filter((v: any) => 'default_branch_image' in v.location)).toEqual([]);
});

test.each([
  [{ image: 'a:1,b:1', 'default-branch-image': 'a:main' }, /default-branch-image is set, but 2 images are scanned/],
  [
    { image: 'a:1', 'default-branch-image': `r/${'x'.repeat(260)}` },
    /input "default-branch-image" has an invalid value/,
  ],
  [{ image: 'a:1', 'default-branch-image': 'a b' }, /input "default-branch-image" has an invalid value "a b"/],
])('bad input %j is a ClairScanError with a hint', (values, want) => {
  let err: unknown;
  try {
    parseSettings((n) => (values as Record<string, string>)[n]);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ClairScanError);
  expect((err as ClairScanError).message).toMatch(want);
  expect((err as ClairScanError).hint).toBeTruthy();
});
