/**
 * check-eol (issue 22) end to end: fixture images scanned by the real test Clair with eol-data, the fixture table in
 * endoflife.date's published format (scripts/fixtures/make-eol-data.js). The expectations are derived from the
 * table's entries and each image's os-release (FIXTURES.md), not from the product: Debian 12 and Alpine 3.19 are end
 * of life, RHEL 9 and Amazon Linux 2023 are not, Photon OS is not in the table. warn reports and passes, fail gates
 * (exit 1), fail with no table is exit 2 before any image is scanned, warn without one says it did not check.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scan, type ScanOutcome } from '../../../src/scan';
import { runBatch } from '../../../src/batch/run';
import { loadTestEnv } from '../../helpers/testenv';
import type { ScanResult } from '../../../src/findings/model';
import { validateGitlab, validateSarifGithub, validateSarifOasis } from '../../unit/report/schemas';
import { setLogger } from '../../../src/util/log';
import { expectScanError, fixture, settingsFor } from '../scan/helpers';
import { BUNDLE_ECOSYSTEMS, REPO2CPE } from '../ecosystems/helpers';
import { trackRuns } from '../../helpers/runs';

const X = require('../../../scripts/fixtures/make-eol-data.js') as {
  PRODUCTS: Record<string, { cycle: string; codename?: string; eol: string | boolean }[]>;
  TABLE_DATE: string;
  SOURCE: string;
  writeEolData(out: string): void;
};

const track = trackRuns();
const outDirs: string[] = [];
const tableDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-e2e-eol-'));
outDirs.push(tableDir);
X.writeEolData(tableDir);
const EOL = path.join(tableDir, 'eol.json');
const TODAY = new Date().toISOString().slice(0, 10);

/** Each image's OS release as its os-release says (FIXTURES.md) and the table's product and cycle for it. */
const RELEASES: Record<string, { product: string; cycle: string; pretty: string }> = {
  'debian-vuln': { product: 'debian', cycle: '12', pretty: 'Debian GNU/Linux 12 (bookworm)' },
  alpine: { product: 'alpine-linux', cycle: '3.19', pretty: 'Alpine Linux v3.19' },
  rhel9: { product: 'rhel', cycle: '9', pretty: 'Red Hat Enterprise Linux 9.4 (Plow)' },
  amzn2023: { product: 'amazon-linux', cycle: '2023', pretty: 'Amazon Linux 2023.6.20241212' },
};
const IMAGES = [...Object.keys(RELEASES), 'photon3'];

function entry(name: string): { cycle: string; codename?: string; eol: string | boolean } {
  const r = RELEASES[name];
  const e = X.PRODUCTS[r.product]?.find((c) => c.cycle === r.cycle);
  if (!e) throw new Error(`the fixture table has no ${r.product} ${r.cycle}`);
  return e;
}
const endOfLife = (name: string): boolean => {
  const e = entry(name).eol;
  return e === true || (typeof e === 'string' && e <= TODAY);
};

async function run(images: string[], inputs: Record<string, string>): Promise<ScanOutcome> {
  const settings = settingsFor(images.map(fixture), {
    'vuln-data': BUNDLE_ECOSYSTEMS,
    'rhel-repo2cpe': REPO2CPE,
    'severity-threshold': 'none',
    formats: 'json,sarif,gitlab,markdown',
    ...inputs,
  });
  outDirs.push(settings.reports.outputDir);
  return scan(settings, track);
}

afterAll(() => {
  for (const d of outDirs) fs.rmSync(d, { recursive: true, force: true });
  track.expectClean();
});

const short = (ref: string): string => ref.replace(/^localhost\/clair-scan-fixture\/|:1$/g, '');

/** "image: rule key title" per compliance finding. */
function eolLines(r: ScanResult): string[] {
  return r.images.flatMap((img) =>
    img.compliance.map((f) => `${short(img.image.ref)}: ${f.rule} ${f.key} ${f.severity} ${f.title}`),
  );
}

test('warn: the exact EOL findings of the fixture images, the note for an OS the table lacks; it passes, the reports are valid', async () => {
  // Spelled out once, so a wrong derivation below cannot hide a wrong product (valid for runs before 2032-05-31).
  expect(IMAGES.filter((i) => i !== 'photon3' && endOfLife(i))).toEqual(['debian-vuln', 'alpine']);
  const o = await run(IMAGES, { 'check-eol': 'warn', 'eol-data': EOL });
  expect(o.exitCode).toBe(0);
  expect(o.result.verdict?.status).toBe('pass');
  // A warn check is no rule of the gate.
  expect(o.result.verdict?.rules).toEqual([]);
  expect(o.result.images.map((i) => short(i.image.ref))).toEqual(IMAGES);

  const expected = Object.keys(RELEASES)
    .filter(endOfLife)
    .map((name) => {
      const r = RELEASES[name];
      return `${name}: eol ${fixture(name).replace(/:1$/, '')}|eol|${r.product}|${r.cycle} High End-of-life OS: ${r.pretty}`;
    });
  expect(eolLines(o.result)).toEqual(expected);

  const deb = o.result.images[0].compliance[0];
  const e = entry('debian-vuln');
  expect(deb.message).toBe(
    `Debian GNU/Linux 12 (bookworm) (release debian 12 (${e.codename})) reached its end of life on ${e.eol as string}: ` +
      'it gets no security updates and no new vulnerability data, so no new findings means no data, not a clean image. ' +
      'Rebuild the image on a supported release of the OS, or allowlist rule "eol" for this image with a reason. ' +
      `Source: the end-of-life table of ${X.TABLE_DATE} (${X.SOURCE}).`,
  );
  const photon = o.result.images[4];
  expect(photon.compliance).toEqual([]);
  expect(photon.notes).toContain(
    `End of life not checked for VMware Photon OS/Linux 3.0 (ID "photon", VERSION_ID "3.0"): the end-of-life table of ${X.TABLE_DATE} (${X.SOURCE}) does not list this release.`,
  );
  for (const img of o.result.images) expect(img.notes.join('\n')).not.toMatch(/no eol-data/);

  // The JSON report carries the findings as the result has them; SARIF and GitLab stay schema-valid.
  const json = JSON.parse(fs.readFileSync(o.reports.json as string, 'utf8')) as ScanResult;
  expect(eolLines(json)).toEqual(expected);
  expect(json.images[0].compliance[0]).toEqual(deb);
  const sarif = JSON.parse(fs.readFileSync(o.reports.sarif as string, 'utf8'));
  expect(validateSarifOasis(sarif)).toBeNull();
  expect(validateSarifGithub(sarif)).toBeNull();
  expect(validateGitlab(JSON.parse(fs.readFileSync(o.reports.gitlab as string, 'utf8')))).toBeNull();
  // The summary's compliance table keeps what no data means within its 300-character cut.
  const summary = fs.readFileSync(o.reports.markdown as string, 'utf8');
  expect(summary).toContain(
    '| High | eol | localhost/clair-scan-fixture/debian-vuln:1 | End-of-life OS: Debian GNU/Linux 12 \\(bookworm\\): ',
  );
  expect(summary).toContain('so no new findings means no data, not a clean image.');
});

test('fail: the EOL finding fails the gate (exit 1) named by check-eol; an allowlist entry for rule eol lets it pass', async () => {
  const o = await run(['debian-vuln'], { 'check-eol': 'fail', 'eol-data': EOL, formats: 'json' });
  expect(o.exitCode).toBe(1);
  expect(o.result.verdict?.rules).toEqual(['check-eol']);
  expect(o.result.verdict?.reasons).toEqual([`1 compliance finding (check-eol): eol in ${fixture('debian-vuln')}`]);

  const allow = path.join(outDirs[outDirs.length - 1], 'allow.yaml');
  fs.writeFileSync(allow, 'allowlist:\n  - id: eol\n    reason: Debian 12 LTS until the move to 13\n');
  const pass = await run(['debian-vuln'], { 'check-eol': 'fail', 'eol-data': EOL, formats: 'json', allowlist: allow });
  expect(pass.exitCode).toBe(0);
  expect(pass.result.images[0].compliance.map((f) => [f.rule, f.allowlisted?.reason])).toEqual([
    ['eol', 'Debian 12 LTS until the move to 13'],
  ]);
});

test('fail with no table (no eol-data, a bundle that carries none) is exit 2 before any image is scanned', async () => {
  const infos: string[] = [];
  const previous = setLogger({
    info: (m) => infos.push(m),
    warn: () => undefined,
    debug: () => undefined,
    mask: () => undefined,
  });
  try {
    const err = await expectScanError(run(['debian-vuln'], { 'check-eol': 'fail' }));
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe(
      'check-eol: fail needs an end-of-life table, but no eol-data was given and the vulnerability data carries none',
    );
    expect(err.hint).toMatch(/^give eol-data an end-of-life table/);
  } finally {
    setLogger(previous);
  }
  expect(infos.some((m) => m.startsWith('Scanning '))).toBe(false);
  expect(infos.some((m) => /^Removed containers: /.test(m))).toBe(true);
});

test('a malformed eol-data is exit 2 naming the product and cycle; warn without eol-data (the default) notes it was not checked', async () => {
  const bad = path.join(tableDir, 'bad.json');
  const doc = JSON.parse(fs.readFileSync(EOL, 'utf8'));
  doc.products.debian[1].eol = '2026-02-30';
  fs.writeFileSync(bad, JSON.stringify(doc));
  const err = await expectScanError(run(['debian-vuln'], { 'eol-data': bad }));
  expect(err.exitCode).toBe(2);
  expect(err.message).toBe(
    `EOL data ${JSON.stringify(bad)}: debian 12: "eol" is neither a YYYY-MM-DD date nor true/false: "2026-02-30"`,
  );

  const o = await run(['debian-vuln'], { formats: 'json' });
  expect(o.exitCode).toBe(0);
  expect(o.result.images[0].compliance).toEqual([]);
  const json = JSON.parse(fs.readFileSync(o.reports.json as string, 'utf8')) as ScanResult;
  expect(json.images[0].notes).toContain(
    'End of life not checked (no eol-data): give eol-data an end-of-life table to check the OS release.',
  );
});

test('eol-data older than vuln-data-max-age is exit 2 in the preflight; eol-data none is no table (warn notes it)', async () => {
  const old = path.join(tableDir, 'old.json');
  const doc = JSON.parse(fs.readFileSync(EOL, 'utf8'));
  doc.date = '2020-01-01';
  fs.writeFileSync(old, JSON.stringify(doc));
  const err = await expectScanError(run(['debian-vuln'], { 'eol-data': old, 'vuln-data-max-age': '30d' }));
  expect(err.exitCode).toBe(2);
  expect(err.message).toMatch(
    new RegExp(
      `^the end-of-life table \\(eol-data ${old.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\) is dated 2020-01-01, .* old, older than vuln-data-max-age \\(30 d\\)$`,
    ),
  );

  const o = await run(['debian-vuln'], { 'eol-data': 'none', formats: 'json' });
  expect(o.exitCode).toBe(0);
  expect(o.result.images[0].compliance).toEqual([]);
  expect(o.result.images[0].notes).toContain(
    'End of life not checked (no eol-data): give eol-data an end-of-life table to check the OS release.',
  );
});

test('batch mode: check-eol: fail fails the end-of-life image only; the summary names the rule', async () => {
  const env = loadTestEnv();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-e2e-eol-batch-'));
  outDirs.push(out);
  const list = path.join(out, 'images.txt');
  fs.writeFileSync(list, `${fixture('debian-vuln')}\n${fixture('amzn2023')}\n`);
  const all: Record<string, string> = {
    'images-file': list,
    'clair-image': env.clairImage,
    'postgres-image': env.postgresImage,
    pull: 'never',
    'vuln-data': BUNDLE_ECOSYSTEMS,
    'kev-data': 'none',
    'epss-data': 'none',
    'severity-threshold': 'none',
    'check-eol': 'fail',
    'eol-data': EOL,
    formats: 'json',
    'output-dir': path.join(out, 'reports'),
  };
  expect([endOfLife('debian-vuln'), endOfLife('amzn2023')]).toEqual([true, false]);
  const o = await runBatch((n) => all[n], track);
  expect(o.summary.images.map((e) => `${short(e.image)} ${e.verdict} ${e.failedRules.join(';')}`)).toEqual([
    'debian-vuln fail check-eol',
    'amzn2023 pass ',
  ]);
  expect(o.summary.rules).toEqual(['check-eol']);
  expect(o.exitCode).toBe(1);
});
