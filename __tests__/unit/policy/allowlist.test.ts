import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entryMatches, imageKeyMatches, isExpired, parseAllowlist } from '../../../src/policy/allowlist';
import { stripTag } from '../../../src/image/reference';
import { globMatch } from '../../../src/policy/glob';
import { evaluatePolicy } from '../../../src/policy';
import { ClairScanError } from '../../../src/util/errors';
import { compliance, imageInfo, imageResult, policy, scanResult, vuln } from '../../helpers/model';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'policy-allowlist-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

function parseError(text: string, name = 'list.yaml'): ClairScanError {
  try {
    parseAllowlist(text, name);
  } catch (err) {
    if (err instanceof ClairScanError) return err;
    throw err;
  }
  throw new Error('parsed but should not have');
}

const NOW = new Date('2026-06-15T12:00:00Z');

describe('native format', () => {
  const text = [
    'version: 1',
    'allowlist:',
    '  - id: CVE-2099-0001',
    '    package: "openssl*"',
    '    reason: not reachable',
    '  - id: CVE-2099-0002',
    '    image: "myorg/app*"',
    '    reason: fixed upstream soon',
    '    expires: 2026-06-15',
    '  - id: CVE-2099-0003',
    '    reason: expired one',
    '    expires: 2026-06-14',
    '  - id: "secret/*"',
    '    path: "/opt/tests/*"',
    '    reason: test fixtures',
    '  - id: CVE-2099-0009',
    '    reason: matches nothing',
    '',
  ].join('\n');

  it('parses entries with file:line sources', () => {
    const entries = parseAllowlist(text, 'al.yaml');
    expect(entries.map((e) => [e.source, e.id, e.reason, e.expires])).toEqual([
      ['al.yaml:3', 'CVE-2099-0001', 'not reachable', undefined],
      ['al.yaml:6', 'CVE-2099-0002', 'fixed upstream soon', '2026-06-15'],
      ['al.yaml:10', 'CVE-2099-0003', 'expired one', '2026-06-14'],
      ['al.yaml:13', 'secret/*', 'test fixtures', undefined],
      ['al.yaml:16', 'CVE-2099-0009', 'matches nothing', undefined],
    ]);
    expect(entries.map((e) => e.format)).toEqual(entries.map(() => 'native')); // the list above is not empty
  });

  it('an entry applies through its expiry day (UTC) and stops the day after', () => {
    expect(isExpired({ expires: '2026-06-15' }, new Date('2026-06-15T23:59:59Z'))).toBe(false);
    expect(isExpired({ expires: '2026-06-15' }, new Date('2026-06-16T00:00:00Z'))).toBe(true);
    expect(isExpired({}, new Date('2999-01-01T00:00:00Z'))).toBe(false);
  });

  it('evaluatePolicy marks covered findings, lists expired and unused entries, counts the rest', async () => {
    const p = file('native.yaml', text);
    const result = scanResult([
      imageResult(
        imageInfo(),
        [
          vuln('CVE-2099-0001', 'Critical', { pkg: 'openssl' }),
          vuln('CVE-2099-0001', 'Critical', { pkg: 'zlib' }), // package glob does not cover it
          vuln('CVE-2099-0002', 'High'),
          vuln('CVE-2099-0003', 'High'), // its entry expired
        ],
        [
          compliance('secret/aws-access-key-id', 'Critical', { path: '/opt/tests/fixture.env' }),
          compliance('secret/private-key', 'Critical', { path: '/root/key.pem' }),
        ],
      ),
    ]);
    const verdict = await evaluatePolicy(result, policy({ severityThreshold: 'High', allowlists: [p] }), NOW);
    const [v1, v1zlib, v2, v3] = result.images[0].vulnerabilities;
    expect(v1.allowlisted).toEqual({ source: `${p}:3`, reason: 'not reachable' });
    expect(v1zlib.allowlisted).toBeUndefined();
    expect(v2.allowlisted).toEqual({ source: `${p}:6`, reason: 'fixed upstream soon', expires: '2026-06-15' });
    expect(v3.allowlisted).toBeUndefined();
    const [c1, c2] = result.images[0].compliance;
    expect(c1.allowlisted?.reason).toBe('test fixtures');
    expect(c2.allowlisted).toBeUndefined();

    expect(verdict.expiredEntries).toEqual([
      { source: `${p}:10`, id: 'CVE-2099-0003', reason: 'expired one', expires: '2026-06-14' },
    ]);
    expect(verdict.unusedEntries).toEqual([{ source: `${p}:16`, id: 'CVE-2099-0009', reason: 'matches nothing' }]);
    expect(verdict.counted).toEqual({ Unknown: 0, Negligible: 0, Low: 0, Medium: 0, High: 1, Critical: 2 });
    expect(verdict.status).toBe('fail');
    expect(verdict.reasons).toEqual(['3 findings at or above High (severity-threshold: high): 2 Critical, 1 High']);
  });

  it('the same file a day later: the second entry has expired too', async () => {
    const p = file('native2.yaml', text);
    const result = scanResult([imageResult(imageInfo(), [vuln('CVE-2099-0002', 'High')])]);
    const verdict = await evaluatePolicy(
      result,
      policy({ severityThreshold: 'High', allowlists: [p] }),
      new Date('2026-06-16T00:00:01Z'),
    );
    expect(result.images[0].vulnerabilities[0].allowlisted).toBeUndefined();
    expect(verdict.expiredEntries.map((e) => e.id)).toEqual(['CVE-2099-0002', 'CVE-2099-0003']);
    expect(verdict.status).toBe('fail');
  });

  it.each([
    [
      'missing reason',
      'version: 1\nallowlist:\n  - id: CVE-1\n',
      'allowlist list.yaml:3:5: entry "CVE-1" has no `reason`',
    ],
    [
      'empty reason',
      'allowlist:\n  - id: CVE-1\n    reason: ""\n',
      'allowlist list.yaml:3:13: entry "CVE-1" has no `reason`',
    ],
    [
      'missing id',
      'allowlist:\n  - reason: x\n',
      'allowlist list.yaml:2:5: entry has no `id` (a vulnerability id or alias, or a compliance rule id)',
    ],
    [
      'bad date',
      'allowlist:\n  - id: CVE-1\n    reason: r\n    expires: 2026-02-30\n',
      'allowlist list.yaml:4:14: "expires" is not a valid date: "2026-02-30"',
    ],
    [
      'date format',
      'allowlist:\n  - id: CVE-1\n    reason: r\n    expires: "31.12.2026"\n',
      'allowlist list.yaml:4:14: "expires" is not a valid date: "31.12.2026"',
    ],
    [
      'unknown key',
      'allowlist:\n  - id: CVE-1\n    reason: r\n    expiry: 2026-01-01\n',
      'allowlist list.yaml:4:5: unknown key "expiry" (expected id, package, image, path, reason, expires)',
    ],
    [
      'wrong type',
      'allowlist:\n  - id: CVE-1\n    reason: [a, b]\n',
      'allowlist list.yaml:3:13: "reason" must be text',
    ],
    [
      'number date',
      'allowlist:\n  - id: CVE-1\n    reason: r\n    expires: 20261231\n',
      'allowlist list.yaml:4:14: "expires" must be text (a date YYYY-MM-DD)',
    ],
    [
      'entry not a map',
      'allowlist:\n  - CVE-1\n',
      'allowlist list.yaml:2:5: expected an entry mapping with `id` and `reason`',
    ],
    ['list not a list', 'allowlist: CVE-1\n', 'allowlist list.yaml:1:12: expected `allowlist` to be a list of entries'],
    ['bad version', 'version: 2\nallowlist: []\n', 'allowlist list.yaml:1:10: unsupported version "2" (expected 1)'],
    [
      'unknown top key',
      'version: 1\nallowlist: []\nignore: []\n',
      'allowlist list.yaml:3:1: unknown key "ignore" in a native allowlist (expected version, allowlist)',
    ],
    ['yaml syntax', 'allowlist:\n  - id: CVE-1\n   reason: r\n', /^allowlist list\.yaml:3:\d+: not valid YAML: /],
    [
      'duplicate key',
      'allowlist:\n  - id: CVE-1\n    id: CVE-2\n    reason: r\n',
      /^allowlist list\.yaml:3:5: not valid YAML: Map keys must be unique/,
    ],
    ['unknown format', 'foo: bar\n', 'allowlist list.yaml:1:1: not a known allowlist format (top-level keys: foo)'],
    ['empty file', '', 'allowlist list.yaml: the file is empty'],
    ['top-level list', '- a\n', 'allowlist list.yaml:1:1: expected a mapping at the top level'],
  ])('%s → error with file:line:column', (_name, text, message) => {
    const err = parseError(text);
    if (typeof message === 'string') expect(err.message).toBe(message);
    else expect(err.message).toMatch(message);
    expect(err.hint.length).toBeGreaterThan(10);
  });

  it('an empty allowlist is fine', () => {
    expect(parseAllowlist('version: 1\nallowlist:\n', 'x.yaml')).toEqual([]);
    expect(parseAllowlist('allowlist: []\n', 'x.yaml')).toEqual([]);
  });

  it('a missing file is a ClairScanError naming it', async () => {
    const missing = join(dir, 'nope.yaml');
    await expect(evaluatePolicy(scanResult([]), policy({ allowlists: [missing] }), NOW)).rejects.toThrow(
      new ClairScanError(`cannot read allowlist file "${missing}": ENOENT`, { hint: '' }),
    );
  });
});

describe('clair-scanner whitelist', () => {
  const text = [
    'generalwhitelist:',
    '  CVE-2099-0100: openssl',
    '  CVE-2099-0101:',
    'images:',
    '  myorg/app:',
    '    CVE-2099-0200: zlib, not used',
    '  other/app:',
    '    CVE-2099-0300: curl',
    '',
  ].join('\n');

  it('parses general and per-image entries; values are comments', () => {
    const entries = parseAllowlist(text, 'clair-whitelist.yml');
    expect(entries.map((e) => [e.format, e.source, e.id, e.imageKey, e.reason])).toEqual([
      ['clair-scanner', 'clair-whitelist.yml:2', 'CVE-2099-0100', undefined, 'clair-scanner whitelist: openssl'],
      ['clair-scanner', 'clair-whitelist.yml:3', 'CVE-2099-0101', undefined, 'clair-scanner whitelist'],
      [
        'clair-scanner',
        'clair-whitelist.yml:6',
        'CVE-2099-0200',
        'myorg/app',
        'clair-scanner whitelist: zlib, not used',
      ],
      ['clair-scanner', 'clair-whitelist.yml:8', 'CVE-2099-0300', 'other/app', 'clair-scanner whitelist: curl'],
    ]);
  });

  it('applies to the matching image only, by id or alias; never to compliance findings', async () => {
    const p = file('clair-whitelist.yml', text);
    const result = scanResult([
      imageResult(
        imageInfo({ ref: 'registry.example:5000/myorg/app:2.0', name: 'myorg/app', tag: '2.0' }),
        [
          vuln('CVE-2099-0100', 'High'),
          vuln('DSA-9999-1', 'High', { aliases: ['CVE-2099-0200'] }),
          vuln('CVE-2099-0300', 'High'),
        ],
        [compliance('CVE-2099-0101', 'High')],
      ),
    ]);
    const verdict = await evaluatePolicy(result, policy({ severityThreshold: 'Critical', allowlists: [p] }), NOW);
    const [a, b, c] = result.images[0].vulnerabilities;
    expect(a.allowlisted?.reason).toBe('clair-scanner whitelist: openssl');
    expect(b.allowlisted?.reason).toBe('clair-scanner whitelist: zlib, not used');
    expect(c.allowlisted).toBeUndefined();
    expect(result.images[0].compliance[0].allowlisted).toBeUndefined();
    expect(verdict.unusedEntries.map((e) => e.id)).toEqual(['CVE-2099-0101', 'CVE-2099-0300 (image other/app)']);
    expect(verdict.expiredEntries).toEqual([]);
    expect(verdict.counted.High).toBe(2);
    expect(verdict.status).toBe('pass');
  });

  it('a comment that is a mapping is an error with position', () => {
    expect(parseError('generalwhitelist:\n  CVE-1:\n    a: b\n').message).toBe(
      'allowlist list.yaml:3:5: the value of "CVE-1" must be a comment (text), not a mapping',
    );
    expect(parseError('generalwhitelist: [CVE-1]\n').message).toBe(
      'allowlist list.yaml:1:19: expected a mapping of vulnerability ids to comments',
    );
    expect(parseError('generalwhitelist: {}\nallowlist: []\n').message).toBe(
      'allowlist list.yaml:1:1: unknown key "generalwhitelist" in a native allowlist (expected version, allowlist)',
    );
  });
});

describe('GitLab vulnerability-allowlist.yml', () => {
  const text = [
    'generalallowlist:',
    '  CVE-2019-8696:',
    '  CVE-2014-8166: cups',
    'images:',
    '  registry.gitlab.com/gitlab-org/security-products/dast/webgoat-8.0@sha256:',
    '    CVE-2018-4180:',
    '  your.private.registry:5000/centos:',
    '    CVE-2015-1419: libxml2',
    '  alpine:',
    '    CVE-2015-1447:',
    '',
  ].join('\n');

  it('parses with GitLab reasons', () => {
    const entries = parseAllowlist(text, 'vulnerability-allowlist.yml');
    expect(entries.map((e) => [e.format, e.id, e.imageKey, e.reason])).toEqual([
      ['gitlab', 'CVE-2019-8696', undefined, 'GitLab vulnerability-allowlist'],
      ['gitlab', 'CVE-2014-8166', undefined, 'GitLab vulnerability-allowlist: cups'],
      [
        'gitlab',
        'CVE-2018-4180',
        'registry.gitlab.com/gitlab-org/security-products/dast/webgoat-8.0@sha256',
        'GitLab vulnerability-allowlist',
      ],
      ['gitlab', 'CVE-2015-1419', 'your.private.registry:5000/centos', 'GitLab vulnerability-allowlist: libxml2'],
      ['gitlab', 'CVE-2015-1447', 'alpine', 'GitLab vulnerability-allowlist'],
    ]);
  });

  it('image keys: bare name, registry/name, registry/name@sha256 without the digest; never with a tag', () => {
    const centos = imageInfo({ ref: 'your.private.registry:5000/centos:7', name: 'centos', tag: '7' });
    expect(imageKeyMatches('centos', centos)).toBe(true);
    expect(imageKeyMatches('your.private.registry:5000/centos', centos)).toBe(true);
    expect(imageKeyMatches('centos:7', centos)).toBe(false);
    expect(imageKeyMatches('other.registry/centos', centos)).toBe(false);
    const webgoat = imageInfo({
      ref: 'registry.gitlab.com/gitlab-org/security-products/dast/webgoat-8.0@sha256:' + 'a'.repeat(64),
      name: 'gitlab-org/security-products/dast/webgoat-8.0',
    });
    expect(imageKeyMatches('registry.gitlab.com/gitlab-org/security-products/dast/webgoat-8.0@sha256:', webgoat)).toBe(
      true,
    );
    const alpine = imageInfo({ ref: 'docker.io/library/alpine:3.7', name: 'library/alpine', tag: '3.7' });
    expect(imageKeyMatches('alpine', alpine)).toBe(true);
    expect(imageKeyMatches('alpine:3.7', alpine)).toBe(false);
    const prefixed = imageInfo({ ref: 'docker:localhost:5000/app:ci', name: 'app', tag: 'ci' });
    expect(imageKeyMatches('localhost:5000/app', prefixed)).toBe(true);
  });

  it('applies to CVE ids across images', async () => {
    const p = file('vulnerability-allowlist.yml', text);
    const centos = imageInfo({ ref: 'your.private.registry:5000/centos:7', name: 'centos', tag: '7' });
    const alpine = imageInfo({ ref: 'alpine:3.7', name: 'alpine', tag: '3.7' });
    const result = scanResult([
      imageResult(centos, [
        vuln('CVE-2015-1419', 'Critical'),
        vuln('CVE-2015-1447', 'Critical'),
        vuln('CVE-2014-8166', 'Low'),
      ]),
      imageResult(alpine, [vuln('CVE-2015-1447', 'Critical'), vuln('CVE-2019-8696', 'Medium')]),
    ]);
    const verdict = await evaluatePolicy(result, policy({ severityThreshold: 'Critical', allowlists: [p] }), NOW);
    expect(result.images[0].vulnerabilities.map((v) => !!v.allowlisted)).toEqual([true, false, true]);
    expect(result.images[1].vulnerabilities.map((v) => !!v.allowlisted)).toEqual([true, true]);
    expect(verdict.counted.Critical).toBe(1);
    expect(verdict.reasons).toEqual(['1 finding at or above Critical (severity-threshold: critical): 1 Critical']);
    expect(verdict.unusedEntries.map((e) => e.id)).toEqual([
      'CVE-2018-4180 (image registry.gitlab.com/gitlab-org/security-products/dast/webgoat-8.0@sha256)',
    ]);
  });

  it('a file with only `images:` is read by its name', () => {
    expect(parseAllowlist('images:\n  a:\n    CVE-1:\n', 'vulnerability-allowlist.yml')[0].format).toBe('gitlab');
    expect(parseAllowlist('images:\n  a:\n    CVE-1:\n', 'whitelist.yaml')[0].format).toBe('clair-scanner');
  });
});

describe('globs on image, package, path and id', () => {
  it('glob semantics', () => {
    expect(globMatch('myorg/app*', 'myorg/app-api')).toBe(true);
    expect(globMatch('*', 'org/sub/app')).toBe(true);
    expect(globMatch('myorg/*', 'myorg/team/app')).toBe(true);
    expect(globMatch('myorg/app?', 'myorg/app1')).toBe(true);
    expect(globMatch('myorg/app?', 'myorg/app12')).toBe(false);
    expect(globMatch('cve-2099-*', 'CVE-2099-0001')).toBe(true);
    expect(globMatch('lib(ssl).+', 'lib(ssl).+')).toBe(true);
    expect(globMatch('lib(ssl).+', 'libssl..')).toBe(false);
    expect(stripTag('reg:5000/a/b:1@sha256:ab')).toBe('reg:5000/a/b');
  });

  const entry = (over: object) => ({
    ...parseAllowlist('allowlist:\n  - id: CVE-1\n    reason: r\n', 'x.yaml')[0],
    ...over,
  });
  const info = imageInfo({ ref: 'ghcr.io/myorg/app:1.0', name: 'myorg/app', tag: '1.0' });

  it('image glob matches the name, the reference or name:tag', () => {
    const v = vuln('CVE-1', 'High');
    expect(entryMatches(entry({ image: 'myorg/app' }), v, info)).toBe(true);
    expect(entryMatches(entry({ image: 'ghcr.io/myorg/*' }), v, info)).toBe(true);
    expect(entryMatches(entry({ image: 'myorg/app:1.*' }), v, info)).toBe(true);
    expect(entryMatches(entry({ image: 'myorg/app:2.*' }), v, info)).toBe(false);
    expect(entryMatches(entry({ image: 'other/*' }), v, info)).toBe(false);
  });

  it('package glob matches the package or its source package', () => {
    const v = vuln('CVE-1', 'High', { pkg: 'libssl3' });
    v.package.source = { name: 'openssl', version: '3.0' };
    expect(entryMatches(entry({ package: 'libssl*' }), v, info)).toBe(true);
    expect(entryMatches(entry({ package: 'openssl' }), v, info)).toBe(true);
    expect(entryMatches(entry({ package: 'zlib' }), v, info)).toBe(false);
  });

  it('id glob matches id, aliases and Clair name; compliance rule ids; path only for compliance', () => {
    expect(entryMatches(entry({ id: 'GHSA-*' }), vuln('CVE-9', 'High', { aliases: ['GHSA-xxxx'] }), info)).toBe(true);
    expect(
      entryMatches(entry({ id: 'DSA-1234-1*' }), vuln('CVE-9', 'High', { name: 'DSA-1234-1 openssl' }), info),
    ).toBe(true);
    expect(entryMatches(entry({ id: 'non-root' }), compliance('non-root', 'High'), info)).toBe(true);
    expect(entryMatches(entry({ id: 'non-root', package: 'x' }), compliance('non-root', 'High'), info)).toBe(false);
    expect(
      entryMatches(
        entry({ id: 'secret/*', path: 'opt/*' }),
        compliance('secret/private-key', 'Critical', { path: '/opt/k.pem' }),
        info,
      ),
    ).toBe(true);
    expect(
      entryMatches(
        entry({ id: 'secret/*', path: '/etc/*' }),
        compliance('secret/private-key', 'Critical', { path: '/opt/k.pem' }),
        info,
      ),
    ).toBe(false);
    expect(entryMatches(entry({ id: 'CVE-1', path: '/opt/*' }), vuln('CVE-1', 'High'), info)).toBe(false);
  });
});
