/**
 * Other scanners' allowlists read as clair-scan allowlists (src/policy/migrate.ts): Trivy's .trivyignore and
 * .trivyignore.yaml, Grype's `ignore:` rules. What cannot be expressed is an error naming the place; nothing may
 * suppress more than the file asks.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entryMatches, isExpired, loadAllowlists, parseAllowlist } from '../../../src/policy/allowlist';
import { evaluatePolicy } from '../../../src/policy';
import { ClairScanError } from '../../../src/util/errors';
import { captureLogger } from '../../helpers/logger';
import { imageInfo, imageResult, pkg, policy, scanResult, vuln } from '../../helpers/model';

const log = captureLogger({ scope: 'each' });
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cs-migrate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function parseError(text: string, name: string): ClairScanError {
  try {
    parseAllowlist(text, name);
  } catch (err) {
    if (err instanceof ClairScanError) return err;
    throw err;
  }
  throw new Error('parsed but should not have');
}

const IMG = imageInfo();
const matches = (entries: ReturnType<typeof parseAllowlist>, f: ReturnType<typeof vuln>): string[] =>
  entries.filter((e) => entryMatches(e, f, IMG)).map((e) => e.source);

describe('.trivyignore', () => {
  const text = [
    '# not reachable from our code',
    'CVE-2099-0001',
    '',
    'CVE-2099-0002 exp:2026-06-16',
    'CVE-2099-0003    exp:2026-06-15   waiting for upstream',
    '  # indented comment',
    'GHSA-aaaa-bbbb-cccc',
    '',
  ].join('\n');

  it('reads one id per line, the comment above as the reason, exp: as the expiry (Trivy stops applying it at 00:00 UTC of that day)', () => {
    const entries = parseAllowlist(text, '.trivyignore');
    expect(entries.map((e) => [e.format, e.source, e.id, e.reason, e.expires])).toEqual([
      ['trivy', '.trivyignore:2', 'CVE-2099-0001', 'trivyignore: not reachable from our code', undefined],
      ['trivy', '.trivyignore:4', 'CVE-2099-0002', 'trivyignore', '2026-06-15'],
      ['trivy', '.trivyignore:5', 'CVE-2099-0003', 'trivyignore: waiting for upstream', '2026-06-14'],
      ['trivy', '.trivyignore:7', 'GHSA-aaaa-bbbb-cccc', 'trivyignore: indented comment', undefined],
    ]);
    // exp:2026-06-16 still applies on the 15th, not from the 16th on; exp:2026-06-15 no longer on the 15th.
    expect(isExpired(entries[1], new Date('2026-06-15T23:59:59Z'))).toBe(false);
    expect(isExpired(entries[1], new Date('2026-06-16T00:00:00Z'))).toBe(true);
    expect(isExpired(entries[2], new Date('2026-06-15T00:00:00Z'))).toBe(true);
  });

  it('matches the id exactly (also as an alias), never another id', () => {
    const entries = parseAllowlist(text, 'ci/prod.trivyignore');
    expect(matches(entries, vuln('CVE-2099-0001', 'High'))).toEqual(['ci/prod.trivyignore:2']);
    expect(matches(entries, vuln('DSA-9-1', 'High', { aliases: ['GHSA-aaaa-bbbb-cccc'] }))).toEqual([
      'ci/prod.trivyignore:7',
    ]);
    expect(matches(entries, vuln('CVE-2099-00011', 'High'))).toEqual([]);
    expect(matches(entries, vuln('CVE-2099-000', 'High'))).toEqual([]);
  });

  it('an expired entry does not suppress its finding in the verdict, and is reported as expired', async () => {
    const f = join(dir, '.trivyignore');
    writeFileSync(f, 'CVE-2099-0001 exp:2026-06-15\nCVE-2099-0002 exp:2026-06-16\n');
    const result = scanResult([imageResult(IMG, [vuln('CVE-2099-0001', 'High'), vuln('CVE-2099-0002', 'High')])]);
    const v = await evaluatePolicy(
      result,
      policy({ severityThreshold: 'High', allowlists: [f] }),
      new Date('2026-06-15T12:00:00Z'),
    );
    expect(result.images[0].vulnerabilities.map((x) => [x.id, x.allowlisted?.source])).toEqual([
      ['CVE-2099-0001', undefined],
      ['CVE-2099-0002', `${f}:2`],
    ]);
    expect(v.status).toBe('fail');
    expect(v.expiredEntries.map((e) => e.id)).toEqual(['CVE-2099-0001']);
  });

  it.each([
    ['CVE-2099-0001 exp:2026-02-30', /\.trivyignore:1: "2026-02-30" is not a valid date/],
    ['CVE-2099-0001 exp:tomorrow', /\.trivyignore:1: "tomorrow" is not a valid date/],
    ['\n\nCVE-2099-*', /\.trivyignore:3: "CVE-2099-\*" is a wildcard/],
  ])('bad input %j is an error naming the line', (input, want) => {
    const e = parseError(input, '.trivyignore');
    expect(e.message).toMatch(want);
    expect(e.hint).toBeTruthy();
  });

  it('a huge file is refused before it is read', async () => {
    const f = join(dir, 'huge.trivyignore');
    writeFileSync(f, 'CVE-2099-0001\n'.repeat(400_000));
    await expect(loadAllowlists([f])).rejects.toThrow(/bytes, more than the 4194304 an allowlist may have/);
    expect(() => parseAllowlist('\n'.repeat(200_000), 'x.trivyignore')).toThrow(
      /more than the 100000 a Trivy ignore file may have/,
    );
  });
});

describe('.trivyignore.yaml', () => {
  it('reads vulnerabilities with id, statement and expired_at; other sections are warned about, not read', () => {
    const entries = parseAllowlist(
      [
        'vulnerabilities:',
        '  - id: CVE-2099-0001',
        '    statement: not used at runtime',
        '    expired_at: 2026-07-01',
        '  - id: CVE-2099-0002',
        'misconfigurations:',
        '  - id: AVD-DS-0002',
        '',
      ].join('\n'),
      '.trivyignore.yaml',
    );
    expect(entries.map((e) => [e.source, e.id, e.reason, e.expires])).toEqual([
      ['.trivyignore.yaml:2', 'CVE-2099-0001', 'trivyignore: not used at runtime', '2026-06-30'],
      ['.trivyignore.yaml:5', 'CVE-2099-0002', 'trivyignore', undefined],
    ]);
    expect(log.text()).toMatch(/\.trivyignore\.yaml:6:1: Trivy's `misconfigurations:` entries are not read/);
  });

  it.each([
    ['vulnerabilities:\n  - id: CVE-1\n    paths: ["usr/lib/**"]\n', /:3:5: "paths" cannot be expressed/],
    ['vulnerabilities:\n  - id: CVE-1\n    purls: ["pkg:deb/debian/openssl"]\n', /:3:5: "purls" cannot be expressed/],
    ['vulnerabilities:\n  - statement: x\n', /:2:5: entry has no `id`/],
    ['vulnerabilities:\n  - id: CVE-1\n    expires: 2026-01-01\n', /unknown or invalid "expires"/],
    ['a: &x {id: CVE-1}\nvulnerabilities:\n  - *x\n', /(unknown key "a"|aliases are not read)/],
  ])('%j is an error', (input, want) => {
    expect(parseError(input, '.trivyignore.yaml').message).toMatch(want);
  });
});

describe('.grype.yaml ignore rules', () => {
  const deb = (name: string, version = '1.0', source?: string) =>
    pkg(name, version, undefined, source ? { source: { name: source, version } } : {});

  it('every condition of a rule must hold: vulnerability, fix-state, package name/version/type/upstream-name', () => {
    const entries = parseAllowlist(
      [
        'output: table', // grype's other settings are not allowlist rules
        'ignore:',
        '  - vulnerability: CVE-2099-0001',
        '    reason: false positive',
        '  - vulnerability: CVE-2099-0002',
        '    package:',
        '      name: libssl.*',
        '      version: "1.0"',
        '      type: deb',
        '  - fix-state: fixed',
        '    package:',
        '      upstream-name: glibc',
        '',
      ].join('\n'),
      '.grype.yaml',
    );
    expect(entries.map((e) => [e.format, e.source, e.id, e.reason])).toEqual([
      ['grype', '.grype.yaml:3', 'CVE-2099-0001', 'grype: false positive'],
      ['grype', '.grype.yaml:5', 'CVE-2099-0002', 'grype ignore rule'],
      ['grype', '.grype.yaml:10', 'fix-state: fixed, package upstream-name: glibc', 'grype ignore rule'],
    ]);
    expect(matches(entries, vuln('CVE-2099-0001', 'High'))).toEqual(['.grype.yaml:3']);
    expect(matches(entries, vuln('CVE-2099-0002', 'High', { pkg: deb('libssl3') }))).toEqual(['.grype.yaml:5']);
    // Another version, another type, another name: the rule does not apply.
    expect(matches(entries, vuln('CVE-2099-0002', 'High', { pkg: deb('libssl3', '1.1') }))).toEqual([]);
    expect(matches(entries, vuln('CVE-2099-0002', 'High', { pkg: { ...deb('libssl3'), ecosystem: 'apk' } }))).toEqual(
      [],
    );
    expect(matches(entries, vuln('CVE-2099-0002', 'High', { pkg: deb('openssl') }))).toEqual([]);
    expect(matches(entries, vuln('CVE-2099-0002', 'High', { pkg: deb('xlibssl3') }))).toEqual([]);
    // fix-state + upstream (source) name.
    expect(matches(entries, vuln('CVE-2099-0009', 'High', { pkg: deb('libc6', '2.36', 'glibc') }))).toEqual([
      '.grype.yaml:10',
    ]);
    expect(
      matches(
        entries,
        vuln('CVE-2099-0009', 'High', { pkg: deb('libc6', '2.36', 'glibc'), fixable: false, fixedIn: undefined }),
      ),
    ).toEqual([]);
    expect(matches(entries, vuln('CVE-2099-0009', 'High', { pkg: deb('libc6', '2.36', 'eglibc') }))).toEqual([]);
  });

  it('fix-state not-fixed covers every finding without a fix (with a warning); wont-fix and unknown cover nothing', () => {
    const entries = parseAllowlist(
      'ignore:\n  - fix-state: not-fixed\n  - fix-state: wont-fix\n  - fix-state: unknown\n',
      '.grype.yaml',
    );
    const unfixed = vuln('CVE-2099-0001', 'High', { fixable: false, fixedIn: undefined });
    expect(matches(entries, unfixed)).toEqual(['.grype.yaml:2']);
    expect(matches(entries, vuln('CVE-2099-0001', 'High'))).toEqual([]);
    expect(log.text()).toMatch(/\.grype\.yaml:2:16: Clair does not tell "not-fixed" from "wont-fix"/);
    expect(log.text()).toMatch(
      /\.grype\.yaml:3:16: fix-state "wont-fix" cannot be told apart in Clair's data; the rule suppresses nothing/,
    );
  });

  it('a package type Clair never reports, a VEX rule and an empty rule suppress nothing, each with a warning', () => {
    const entries = parseAllowlist(
      'ignore:\n  - package:\n      type: rust-crate\n  - vex-status: not_affected\n  - {}\n',
      '.grype.yaml',
    );
    expect(entries.map((e) => e.source)).toEqual(['.grype.yaml:2']);
    expect(matches(entries, vuln('CVE-2099-0001', 'High'))).toEqual([]);
    expect(log.lines.filter((l) => l.startsWith('warn: '))).toHaveLength(3);
  });

  it('grype settings that change its results are named as not applied', () => {
    parseAllowlist('only-fixed: true\nignore:\n  - vulnerability: CVE-1\n', '.grype.yaml');
    expect(log.text()).toMatch(
      /only Grype's `ignore:` rules are read; only-fixed is not applied \(for only-fixed, set ignore-unfixed\)/,
    );
  });

  it.each([
    [
      'ignore:\n  - vulnerability: CVE-1\n    namespace: debian:distro:debian:12\n',
      /\.grype\.yaml:3:5: "namespace" cannot be expressed/,
    ],
    ['ignore:\n  - match-type: exact-direct-match\n', /:2:5: "match-type" cannot be expressed/],
    ['ignore:\n  - package:\n      location: /usr/lib/**\n', /:3:7: package "location" cannot be expressed/],
    ['ignore:\n  - vulnerabilty: CVE-1\n', /:2:5: unknown key "vulnerabilty" in an ignore rule/],
    ['ignore:\n  - package:\n      nmae: openssl\n', /:3:7: unknown key "nmae" in `package`/],
    ['ignore:\n  - fix-state: maybe\n', /fix-state "maybe" is not one of/],
    [
      'ignore:\n  - package:\n      name: "(a+)+$"\n',
      /package name "\(a\+\)\+\$" uses "\(", which is not supported here/,
    ],
    ['ignore:\n  - package:\n      name: "lib[a-z]ssl"\n', /uses "\[", which is not supported/],
    ['ignore:\n  - package:\n      name: "libstdc++6"\n', /uses "\+", which is not supported/],
    ['ignore: yes\n', /expected `ignore` to be a list/],
    ['rules: &r\n  - vulnerability: CVE-1\nignore: *r\n', /aliases are not read in `ignore`/],
    ['ignore:\n  - vulnerability: [CVE-1]\n', /"vulnerability" must be text/],
  ])('%j is an error naming the place', (input, want) => {
    const e = parseError(input, '.grype.yaml');
    expect(e.message).toMatch(want);
    expect(e.hint).toBeTruthy();
  });

  it('package-name wildcards: `.` one character, `.*` any run, escapes literal; anchored, linear on hostile names', () => {
    const rule = (name: string) => parseAllowlist(`ignore:\n  - package:\n      name: '${name}'\n`, '.grype.yaml');
    const hit = (name: string, pkgName: string) =>
      matches(rule(name), vuln('CVE-1', 'Low', { pkg: deb(pkgName) })).length === 1;
    expect([
      hit('^openssl$', 'openssl'),
      hit('openssl', 'openssl3'),
      hit('python3\\.11', 'python3.11'),
      hit('python3\\.11', 'python3x11'),
      hit('python3.11', 'python3x11'),
    ]).toEqual([true, false, true, false, true]);
    expect([
      hit('lib.*ssl.*', 'libssl3'),
      hit('lib.*ssl.*', 'libopenssl'),
      hit('lib.*ssl.*', 'openssl'),
      hit('.*', 'anything'),
    ]).toEqual([true, true, false, true]);
    // Many stars against a long near-miss: answered (the wildcard walk; a backtracking regex would not return).
    expect(hit('.*a.*a.*a.*a.*a.*a.*a.*a.*b', 'a'.repeat(4000))).toBe(false);
  });
});

describe('the other formats are unchanged', () => {
  it('a YAML file with `images:` is still clair-scanner / GitLab, and `ignore` alongside native keys is an unknown key', () => {
    expect(parseAllowlist('generalallowlist:\n  CVE-1:\n', 'vulnerability-allowlist.yml').map((e) => e.format)).toEqual(
      ['gitlab'],
    );
    expect(parseError('version: 1\nallowlist: []\nignore: []\n', 'a.yaml').message).toMatch(
      /unknown key "ignore" in a native allowlist/,
    );
  });
});
