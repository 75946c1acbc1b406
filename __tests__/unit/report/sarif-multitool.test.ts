/**
 * The SARIF multitool's GitHub and SARIF rules on our SARIF: no error and no warning (notes are style advice,
 * e.g. Pascal-case rule names, that a CVE id cannot follow). The e2e GitLab test runs it on a real scan's SARIF.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintSarif, MULTITOOL } from '../../helpers/sarif-multitool';

const GOLDEN = path.join(__dirname, 'golden', 'sample.sarif');

test('the multitool is installed (devDependency @microsoft/sarif-multitool)', () => {
  expect(fs.existsSync(MULTITOOL)).toBe(true);
});

test('the golden SARIF: 0 errors and 0 warnings with the GitHub + SARIF rules', () => {
  const r = lintSarif(GOLDEN);
  expect({ errors: r.errors, warnings: r.warnings }).toEqual({ errors: [], warnings: [] });
}, 120_000);
