/**
 * The policy end to end: real scans of the fixture images (ephemeral Clair + PostgreSQL, fixture data) with the
 * policy inputs as a user gives them — count rules, allowlists in all three formats, ignore-unfixed, report-only,
 * malformed policy input, and the compliance checks (non-root, secrets, required base image).
 * Expected findings: scripts/fixtures/FIXTURES.md; policy semantics: docs/policy.md.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scan, ScanOutcome } from '../../../src/scan';
import { ClairScanError } from '../../../src/util/errors';
import type { ImageResult, VulnerabilityFinding } from '../../../src/findings/model';
import {
  DEBIAN_VULN_FINDINGS,
  docker,
  findingLines,
  fixture,
  leftoverContainers,
  settingsFor,
  expectScanError,
} from '../scan/helpers';
import { trackRuns } from '../../helpers/runs';

const { secretValues } = require('../../../scripts/fixtures/secret-material.js') as {
  secretValues(): Record<string, string>;
};

const DEBIAN_VULN = fixture('debian-vuln');
const LABEL_RUN = 'io.clair-scan.run';

const track = trackRuns();
const tempDirs: string[] = [];

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-e2e-policy-'));
  tempDirs.push(d);
  return d;
}

/** Writes an allowlist file into a fresh temp dir; returns its path. */
function allowlistFile(name: string, text: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

async function run(images: string[], inputs: Record<string, string>): Promise<ScanOutcome> {
  const settings = settingsFor(images, inputs);
  tempDirs.push(settings.reports.outputDir);
  return scan(settings, track);
}

/** Container events (create, start, destroy, …) the daemon recorded for one run since `sinceSec`. */
function containerEvents(runId: string, sinceSec: number): string[] {
  const out = docker(
    'events',
    '--since',
    sinceSec.toFixed(3),
    '--until',
    (Date.now() / 1000).toFixed(3),
    '--filter',
    'type=container',
    '--filter',
    `label=${LABEL_RUN}=${runId}`,
    '--format',
    '{{.Action}}',
  );
  return out ? out.split('\n') : [];
}

function vuln(r: ImageResult, id: string, pkg: string): VulnerabilityFinding {
  const f = r.vulnerabilities.find((v) => v.id === id && v.package.name === pkg);
  if (!f) throw new Error(`no finding ${id} on ${pkg} in ${r.image.ref}`);
  return f;
}

function readReport(o: ScanOutcome, format: 'json' | 'markdown'): string {
  const file = o.reports[format];
  if (!file) throw new Error(`no ${format} report was written`);
  return fs.readFileSync(file, 'utf8');
}

const ALL_COUNTED = { Critical: 1, High: 1, Medium: 1, Low: 1, Negligible: 1, Unknown: 1 };
const HIGH_RULE_FAILS = 'fail-on rule "high>0" is true: high=1';
const GATE = { 'severity-threshold': 'none', 'fail-on': 'high>0' };

afterAll(() => {
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('fail-on and allowlists on debian-vuln (fail-on: high>0, severity-threshold: none)', () => {
  it('fails with exit code 1 and a reason naming the rule', async () => {
    const o = await run([DEBIAN_VULN], { ...GATE, formats: 'json' });
    expect(findingLines(o.result.images[0])).toEqual(DEBIAN_VULN_FINDINGS);
    expect(o.exitCode).toBe(1);
    expect(o.result.verdict).toEqual({
      status: 'fail',
      enforced: true,
      reasons: [HIGH_RULE_FAILS],
      rules: ['fail-on: high>0'],
      counted: ALL_COUNTED,
      expiredEntries: [],
      unusedEntries: [],
    });
    // The run really started containers, and the daemon's event log shows them: the check the
    // "nothing started" tests below rely on can see a run's containers.
    const since = new Date(o.result.startedAt).getTime() / 1000 - 5;
    expect(containerEvents(track.ids[0], since)).toEqual(expect.arrayContaining(['create', 'start', 'destroy']));
  });

  it('passes (exit 0) with a native allowlist entry; the finding is marked, both reports show it, an unused entry is listed', async () => {
    const file = allowlistFile(
      'allowlist.yaml',
      [
        'version: 1',
        'allowlist:',
        '  - id: CVE-2099-1002',
        '    package: zlib1g',
        '    reason: not reachable in this image',
        '    expires: 2099-12-31',
        '  - id: CVE-2099-9999',
        '    reason: stale entry for a removed package',
        '',
      ].join('\n'),
    );
    const o = await run([DEBIAN_VULN], { ...GATE, allowlist: file, formats: 'json,markdown' });
    const img = o.result.images[0];
    // Still reported, just marked.
    expect(findingLines(img)).toEqual(DEBIAN_VULN_FINDINGS);
    const match = { source: `${file}:3`, reason: 'not reachable in this image', expires: '2099-12-31' };
    expect(vuln(img, 'CVE-2099-1002', 'zlib1g').allowlisted).toEqual(match);
    expect(img.vulnerabilities.filter((v) => v.allowlisted).map((v) => v.id)).toEqual(['CVE-2099-1002']);
    expect(o.exitCode).toBe(0);
    expect(o.result.verdict).toEqual({
      status: 'pass',
      enforced: true,
      reasons: [],
      rules: ['fail-on: high>0'],
      counted: { ...ALL_COUNTED, High: 0 },
      expiredEntries: [],
      unusedEntries: [{ source: `${file}:7`, id: 'CVE-2099-9999', reason: 'stale entry for a removed package' }],
    });

    // JSON report: the same marks and verdict as the outcome.
    const json = JSON.parse(readReport(o, 'json'));
    const inJson = json.images[0].vulnerabilities.filter((v: VulnerabilityFinding) => v.allowlisted);
    expect(inJson.map((v: VulnerabilityFinding) => [v.id, v.package.name, v.allowlisted])).toEqual([
      ['CVE-2099-1002', 'zlib1g', match],
    ]);
    expect(json.images[0].vulnerabilities).toHaveLength(6);
    expect(json.verdict).toEqual(o.result.verdict);

    // Markdown summary: passed, one allowlisted in the counts table, the finding only in the allowlist section.
    const mdText = readReport(o, 'markdown');
    expect(mdText.split('\n')[0]).toBe('## ✅ clair-scan: policy passed — 1 image');
    expect(mdText).toContain(`| ${DEBIAN_VULN} | 1 / 1 | 0 | 1 / 1 | 1 / 1 | 0 / 1 | 1 / 1 | 1 |`);
    expect(mdText).toContain('<summary>1 allowlisted finding (not counted by the gate)</summary>');
    expect(mdText).toMatch(
      new RegExp(
        `\\n\\| High \\| \\[CVE-2099-1002\\]\\([^)]*\\) \\| zlib1g \\| ${DEBIAN_VULN} \\| not reachable in this image \\| 2099-12-31 \\| ${file}:3 \\|\\n`,
      ),
    );
    // Only in the allowlist section: not among the (counted) findings.
    expect(mdText.split('\n').filter((l) => l.includes('CVE-2099-1002'))).toHaveLength(1);
    expect(mdText).toContain('<summary>1 unused allowlist entry (matched no finding)</summary>');
    expect(mdText).toContain(`| CVE-2099-9999 | stale entry for a removed package | — | ${file}:7 |`);
  });

  it('an expired entry no longer applies: fails again, listed in expiredEntries', async () => {
    const file = allowlistFile(
      'allowlist.yaml',
      [
        'version: 1',
        'allowlist:',
        '  - id: CVE-2099-1002',
        '    reason: accepted until the fix lands',
        '    expires: 2020-01-01',
        '',
      ].join('\n'),
    );
    const o = await run([DEBIAN_VULN], { ...GATE, allowlist: file, formats: 'json,markdown' });
    expect(o.exitCode).toBe(1);
    expect(vuln(o.result.images[0], 'CVE-2099-1002', 'zlib1g').allowlisted).toBeUndefined();
    expect(o.result.verdict).toEqual({
      status: 'fail',
      enforced: true,
      reasons: [HIGH_RULE_FAILS],
      rules: ['fail-on: high>0'],
      counted: ALL_COUNTED,
      expiredEntries: [
        { source: `${file}:3`, id: 'CVE-2099-1002', reason: 'accepted until the fix lands', expires: '2020-01-01' },
      ],
      unusedEntries: [],
    });
    expect(JSON.parse(readReport(o, 'json')).verdict.expiredEntries).toEqual(o.result.verdict?.expiredEntries);
    expect(readReport(o, 'markdown')).toContain(
      `| CVE-2099-1002 | accepted until the fix lands | 2020-01-01 | ${file}:3 |`,
    );
  });

  it('passes with a clair-scanner whitelist (general entry); an entry for another image does not apply', async () => {
    const file = allowlistFile(
      'clair-whitelist.yml',
      [
        'generalwhitelist:',
        '  CVE-2099-1002: zlib not reachable',
        'images:',
        '  localhost/clair-scan-fixture/other:',
        '    CVE-2099-1001: other image only',
        '',
      ].join('\n'),
    );
    const o = await run([DEBIAN_VULN], { ...GATE, allowlist: file, formats: 'json' });
    const img = o.result.images[0];
    expect(findingLines(img)).toEqual(DEBIAN_VULN_FINDINGS);
    expect(vuln(img, 'CVE-2099-1002', 'zlib1g').allowlisted).toEqual({
      source: `${file}:2`,
      reason: 'clair-scanner whitelist: zlib not reachable',
    });
    expect(vuln(img, 'CVE-2099-1001', 'libssl3').allowlisted).toBeUndefined();
    expect(o.exitCode).toBe(0);
    expect(o.result.verdict?.status).toBe('pass');
    expect(o.result.verdict?.counted).toEqual({ ...ALL_COUNTED, High: 0 });
    expect(o.result.verdict?.unusedEntries).toEqual([
      {
        source: `${file}:5`,
        id: 'CVE-2099-1001 (image localhost/clair-scan-fixture/other)',
        reason: 'clair-scanner whitelist: other image only',
      },
    ]);
  });

  it('passes with a GitLab vulnerability-allowlist.yml (per-image entry, image name without tag)', async () => {
    const file = allowlistFile(
      'vulnerability-allowlist.yml',
      [
        'generalallowlist:',
        '  CVE-2099-0000:',
        'images:',
        '  localhost/clair-scan-fixture/debian-vuln:',
        '    CVE-2099-1002: zlib1g',
        '',
      ].join('\n'),
    );
    const o = await run([DEBIAN_VULN], { ...GATE, allowlist: file, formats: 'json' });
    const img = o.result.images[0];
    expect(findingLines(img)).toEqual(DEBIAN_VULN_FINDINGS);
    expect(vuln(img, 'CVE-2099-1002', 'zlib1g').allowlisted).toEqual({
      source: `${file}:5`,
      reason: 'GitLab vulnerability-allowlist: zlib1g',
    });
    expect(img.vulnerabilities.filter((v) => v.allowlisted)).toHaveLength(1);
    expect(o.exitCode).toBe(0);
    expect(o.result.verdict?.status).toBe('pass');
    expect(o.result.verdict?.counted).toEqual({ ...ALL_COUNTED, High: 0 });
    expect(o.result.verdict?.unusedEntries).toEqual([
      { source: `${file}:2`, id: 'CVE-2099-0000', reason: 'GitLab vulnerability-allowlist' },
    ]);
  });
});

describe('ignore-unfixed and report-only', () => {
  it('ignore-unfixed: the unfixed High finding does not count, every finding is still reported', async () => {
    const o = await run([DEBIAN_VULN], { ...GATE, 'ignore-unfixed': 'true', formats: 'json' });
    expect(findingLines(o.result.images[0])).toEqual(DEBIAN_VULN_FINDINGS);
    expect(JSON.parse(readReport(o, 'json')).images[0].vulnerabilities).toHaveLength(6);
    expect(o.result.images[0].vulnerabilities.filter((v) => v.allowlisted)).toEqual([]);
    expect(o.exitCode).toBe(0);
    expect(o.result.verdict?.status).toBe('pass');
    expect(o.result.verdict?.reasons).toEqual([]);
    // Unfixed: CVE-2099-1002 (High) and CVE-2099-1005 (Negligible).
    expect(o.result.verdict?.counted).toEqual({ ...ALL_COUNTED, High: 0, Negligible: 0 });
  });

  it('fail: false — a failing policy is reported as failed but the exit code is 0', async () => {
    const o = await run([DEBIAN_VULN], { ...GATE, fail: 'false', formats: 'json,markdown' });
    expect(o.exitCode).toBe(0);
    expect(o.result.verdict).toMatchObject({
      status: 'fail',
      enforced: false,
      reasons: [HIGH_RULE_FAILS],
      counted: ALL_COUNTED,
    });
    expect(JSON.parse(readReport(o, 'json')).verdict).toMatchObject({ status: 'fail', enforced: false });
    expect(readReport(o, 'markdown').split('\n')[0]).toBe(
      '## ⚠️ clair-scan: policy failed (report-only, not enforced) — 1 image',
    );
  });
});

describe('malformed policy input fails with exit 2 before any container is started', () => {
  async function expectEarlyError(inputs: Record<string, string>): Promise<ClairScanError> {
    const since = Date.now() / 1000 - 1;
    const err = await expectScanError(run([DEBIAN_VULN], inputs));
    expect(err.exitCode).toBe(2);
    expect(track.ids).toHaveLength(1);
    expect(leftoverContainers(track.ids[0])).toEqual([]);
    expect(containerEvents(track.ids[0], since)).toEqual([]);
    return err;
  }

  it('allowlist that is not valid YAML: names file:line:column', async () => {
    const file = allowlistFile(
      'allowlist.yaml',
      [
        'version: 1',
        'allowlist:',
        '  - id: CVE-2099-1002',
        '    reason: ok',
        '  - id: CVE-2099-1003',
        '\treason: tab-indented',
        '',
      ].join('\n'),
    );
    const err = await expectEarlyError({ allowlist: file });
    expect(err.message).toMatch(
      new RegExp(`^allowlist ${file}:6:1: not valid YAML: Tabs are not allowed as indentation`),
    );
    expect(err.hint).toMatch(/fix the YAML syntax/);
  });

  it('allowlist entry without a reason: names file:line:column and the entry', async () => {
    const file = allowlistFile(
      'allowlist.yaml',
      ['version: 1', 'allowlist:', '  - id: CVE-2099-1002', '    package: zlib1g', ''].join('\n'),
    );
    const err = await expectEarlyError({ allowlist: file });
    expect(err.message).toBe(`allowlist ${file}:3:5: entry "CVE-2099-1002" has no \`reason\``);
    expect(err.hint).toMatch(/reason:/);
  });

  it('a fail-on rule that does not parse: names the column', async () => {
    const err = await expectEarlyError({ 'fail-on': 'high 0' });
    expect(err.message).toBe('fail-on: expected a comparison operator after "high" at column 6');
    expect(err.details).toBe('high 0\n     ^');
  });
});

describe('compliance checks in a real scan', () => {
  it('check-non-root: clean (no USER) fails with a non-root finding', async () => {
    const o = await run([fixture('clean')], {
      'severity-threshold': 'none',
      'check-non-root': 'true',
      formats: 'json',
    });
    const img = o.result.images[0];
    expect(img.image.user).toBe('');
    expect(img.compliance.map((c) => [c.rule, c.severity, c.key])).toEqual([
      ['non-root', 'High', 'localhost/clair-scan-fixture/clean|non-root'],
    ]);
    expect(img.compliance[0].message).toContain('no USER is set, so it runs as root');
    expect(o.exitCode).toBe(1);
    expect(o.result.verdict?.status).toBe('fail');
    expect(o.result.verdict?.rules).toEqual(['check-non-root']);
    expect(o.result.verdict?.reasons).toEqual([
      `1 compliance finding (check-non-root): non-root in ${fixture('clean')}`,
    ]);
    expect(JSON.parse(readReport(o, 'json')).images[0].compliance).toEqual(img.compliance);
  });

  it('check-non-root: nonroot (USER 10001:10001) passes', async () => {
    const o = await run([fixture('nonroot')], {
      'severity-threshold': 'none',
      'check-non-root': 'true',
      formats: 'json',
    });
    expect(o.result.images[0].image.user).toBe('10001:10001');
    expect(o.result.images[0].compliance).toEqual([]);
    expect(o.exitCode).toBe(0);
    expect(o.result.verdict?.status).toBe('pass');
    expect(o.result.verdict?.rules).toEqual(['check-non-root']);
  });

  it('check-secrets: finds the deleted fake secrets of layer 2, and their values appear nowhere', async () => {
    const written: string[] = [];
    const capture = (stream: NodeJS.WriteStream): jest.SpyInstance =>
      jest.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array) => {
        written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return true;
      }) as typeof stream.write);
    const spies = [capture(process.stderr), capture(process.stdout)];
    const debugBefore = process.env.CLAIR_SCAN_DEBUG;
    process.env.CLAIR_SCAN_DEBUG = '1'; // the most output the product can give
    let o: ScanOutcome;
    try {
      o = await run([fixture('secret')], { 'severity-threshold': 'none', 'check-secrets': 'true' });
    } finally {
      for (const s of spies) s.mockRestore();
      if (debugBefore === undefined) delete process.env.CLAIR_SCAN_DEBUG;
      else process.env.CLAIR_SCAN_DEBUG = debugBefore;
    }
    const img = o.result.images[0];
    expect(img.image.layers).toHaveLength(3);
    const layer2 = img.image.layers[1].diffId;
    expect(img.compliance.map((c) => `${c.rule} ${c.path}`).sort()).toEqual([
      'secret/aws-access-key-id /app/.aws/credentials',
      'secret/aws-credentials-file /app/.aws/credentials',
      'secret/npmrc-token /app/.npmrc',
      'secret/private-key /app/.ssh/id_rsa',
      'secret/ssh-private-key-file /app/.ssh/id_rsa',
    ]);
    for (const c of img.compliance) {
      expect(c.severity).toBe('Critical');
      expect(c.layer).toBe(layer2);
      expect(c.message).toContain(`added in layer 2 of 3 (${layer2})`);
      expect(c.message).toContain("deleted later (layer 3) but is still in the image's history");
    }
    expect(o.exitCode).toBe(1);
    expect(o.result.verdict?.rules).toEqual(['check-secrets']);
    expect(o.result.verdict?.reasons).toHaveLength(1);
    expect(o.result.verdict?.reasons[0]).toMatch(
      /^5 compliance findings \(check-secrets\): secret\/\S+ at \/app\/\S+ in localhost\/clair-scan-fixture\/secret:1; /,
    );

    // Every report format was written and the capture saw the scan's log (so the checks below look at real text).
    expect(Object.keys(o.reports).sort()).toEqual(['cyclonedx', 'gitlab', 'html', 'json', 'markdown', 'sarif']);
    const log = written.join('');
    expect(log).toMatch(/secrets check: \d+ files in 3 layers/);
    const texts: [string, string][] = [
      ['outcome', JSON.stringify(o)],
      ['log output', log],
      ...Object.entries(o.reports).map(([format, file]): [string, string] => [
        `${format} report`,
        fs.readFileSync(file as string, 'utf8'),
      ]),
    ];
    // The reports that carry compliance findings name the paths (GitLab's and CycloneDX's schemas have no place
    // for them: docs/result-format.md).
    for (const [where, text] of texts) {
      if (!['log output', 'gitlab report', 'cyclonedx report'].includes(where))
        expect({ where, named: text.includes('/app/.aws/credentials') }).toEqual({ where, named: true });
    }
    // No value, nor any 8-character piece of one (the PEM armour lines are not secret: the key body is).
    for (const [name, raw] of Object.entries(secretValues())) {
      const value = raw.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
      expect(value.length).toBeGreaterThan(16);
      for (const [where, text] of texts) {
        const flat = text.replace(/\s+/g, '');
        const leaks: number[] = [];
        for (let i = 0; i + 8 <= value.length; i += 4) if (flat.includes(value.slice(i, i + 8))) leaks.push(i);
        // Names only in the failure message: never the value.
        expect({ where, secret: name, leakedAtOffsets: leaks }).toEqual({ where, secret: name, leakedAtOffsets: [] });
      }
    }
  });

  describe('required-base-image: localhost/clair-scan-fixture/base:1', () => {
    const BASE = fixture('base');
    const baseLayers = (): string[] =>
      JSON.parse(docker('image', 'inspect', BASE, '--format', '{{json .RootFS.Layers}}')) as string[];

    it('derived (FROM base:1) passes', async () => {
      const o = await run([fixture('derived')], {
        'severity-threshold': 'none',
        'required-base-image': BASE,
        formats: 'json',
      });
      const img = o.result.images[0];
      expect(img.image.layers.map((l) => l.diffId).slice(0, 1)).toEqual(baseLayers());
      expect(img.compliance).toEqual([]);
      expect(o.exitCode).toBe(0);
      expect(o.result.verdict?.status).toBe('pass');
      expect(o.result.verdict?.rules).toEqual([`required-base-image: ${BASE}`]);
    });

    it('not-derived (same files, no base) fails with a required-base-image finding', async () => {
      const o = await run([fixture('not-derived')], {
        'severity-threshold': 'none',
        'required-base-image': BASE,
        formats: 'json',
      });
      const img = o.result.images[0];
      const own = img.image.layers.map((l) => l.diffId);
      expect(own).toHaveLength(1);
      const [baseLayer] = baseLayers();
      expect(own[0]).not.toBe(baseLayer);
      expect(img.compliance.map((c) => [c.rule, c.severity, c.layer])).toEqual([
        ['required-base-image', 'High', own[0]],
      ]);
      expect(img.compliance[0].message).toContain(
        `layer 1 differs: the base image has ${baseLayer}, the image has ${own[0]}`,
      );
      expect(o.exitCode).toBe(1);
      expect(o.result.verdict?.reasons).toEqual([
        `1 compliance finding (required-base-image: ${BASE}): required-base-image in ${fixture('not-derived')}`,
      ]);
    });
  });
});
