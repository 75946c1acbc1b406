import { extractIds, normalizeReport, parseFixedIn } from '../../../src/findings/normalize';
import { NOTHING_TO_MATCH_NOTE, type ImageInfo } from '../../../src/findings/model';
import type { ClairVulnerability, ClairVulnerabilityReport } from '../../../src/clair/types';

const LAYER_A = `sha256:${'a'.repeat(64)}`;
const LAYER_B = `sha256:${'b'.repeat(64)}`;

const IMAGE: ImageInfo = {
  ref: 'myapp:ci',
  name: 'myapp',
  tag: 'ci',
  source: 'docker',
  manifestDigest: `sha256:${'c'.repeat(64)}`,
  imageId: `sha256:${'d'.repeat(64)}`,
  repoDigests: [],
  user: '',
  labels: {},
  layers: [
    { digest: LAYER_A, diffId: LAYER_A },
    { digest: LAYER_B, diffId: LAYER_B },
  ],
};

const DEBIAN = {
  id: '1',
  did: 'debian',
  name: 'Debian GNU/Linux',
  version: '12 (bookworm)',
  version_code_name: 'bookworm',
  version_id: '12',
  arch: '',
  cpe: '',
  pretty_name: 'Debian GNU/Linux 12 (bookworm)',
};

/** A report shaped like Clair v4.9's JSON for a Debian image with Python, Java and Go packages. */
function debianReport(): ClairVulnerabilityReport {
  const vuln = (v: Partial<ClairVulnerability> & { id: string; name: string }): ClairVulnerability => ({
    updater: 'debian/updater',
    description: '',
    issued: '0001-01-01T00:00:00Z',
    links: '',
    severity: '',
    normalized_severity: '',
    package: null,
    distribution: null,
    repository: null,
    fixed_in_version: '',
    arch_op: '',
    ...v,
  });
  return {
    manifest_hash: IMAGE.manifestDigest,
    distributions: { '1': DEBIAN },
    repository: {
      '10': { id: '10', name: 'pypi', key: '', uri: 'https://pypi.org/simple', cpe: '' },
      '11': { id: '11', name: 'maven', key: '', uri: 'https://repo1.maven.apache.org/maven2', cpe: '' },
      '12': { id: '12', name: 'go', key: '', uri: 'https://pkg.go.dev/', cpe: '' },
    },
    packages: {
      '100': {
        id: '100',
        name: 'openssl',
        version: '3.0.11-1~deb12u2',
        kind: 'binary',
        arch: 'amd64',
        source: { id: '101', name: 'openssl', version: '3.0.11-1~deb12u2', kind: 'source' },
      },
      '102': {
        id: '102',
        name: 'libssl3',
        version: '3.0.11-1~deb12u2',
        kind: 'binary',
        arch: 'amd64',
        source: { id: '101', name: 'openssl', version: '3.0.11-1~deb12u2', kind: 'source' },
      },
      '103': { id: '103', name: 'PyYAML', version: '5.3.1', kind: 'binary', arch: '' },
      '104': { id: '104', name: 'com.fasterxml.jackson.core:jackson-databind', version: '2.9.10', kind: 'binary' },
      '105': { id: '105', name: 'golang.org/x/net', version: 'v0.7.0', kind: 'binary' },
      '106': {
        id: '106',
        name: 'zlib1g',
        version: '1:1.2.13.dfsg-1',
        kind: 'binary',
        arch: 'amd64',
        source: { id: '107', name: 'zlib', version: '1:1.2.13.dfsg-1' },
      },
    },
    environments: {
      '100': [
        { package_db: 'var/lib/dpkg/status', introduced_in: LAYER_A, distribution_id: '1', repository_ids: null },
      ],
      '102': [{ package_db: 'var/lib/dpkg/status', introduced_in: LAYER_A, distribution_id: '1', repository_ids: [] }],
      // Language packages also carry the image's distribution in Clair's environments.
      '103': [
        {
          package_db: 'usr/local/lib/python3.11/site-packages/PyYAML-5.3.1.dist-info',
          introduced_in: LAYER_B,
          distribution_id: '1',
          repository_ids: ['10'],
        },
      ],
      '104': [
        {
          package_db: 'opt/app/lib/jackson-databind-2.9.10.jar',
          introduced_in: LAYER_B,
          distribution_id: '1',
          repository_ids: ['11'],
        },
      ],
      '105': [
        { package_db: 'go:usr/local/bin/app', introduced_in: LAYER_B, distribution_id: '', repository_ids: ['12'] },
      ],
      '106': [{ package_db: 'var/lib/dpkg/status', introduced_in: LAYER_A, distribution_id: '1' }],
    },
    vulnerabilities: {
      v1: vuln({
        id: 'v1',
        name: 'DSA-5678-1 openssl',
        description: 'security update',
        issued: '2024-05-01T00:00:00Z',
        links:
          'https://security-tracker.debian.org/tracker/DSA-5678-1 https://security-tracker.debian.org/tracker/CVE-2024-1234',
        severity: 'high',
        normalized_severity: 'High',
        package: { id: '', name: 'openssl', version: '', kind: 'source' },
        distribution: DEBIAN,
        fixed_in_version: '3.0.13-1~deb12u1',
      }),
      // Same issue from another record: a duplicate key for openssl, less severe, more links.
      v2: vuln({
        id: 'v2',
        name: 'CVE-2024-1234',
        links:
          'https://nvd.nist.gov/vuln/detail/CVE-2024-1234 https://security-tracker.debian.org/tracker/CVE-2024-1234',
        normalized_severity: 'Medium',
        package: { id: '', name: 'openssl', version: '', kind: 'source' },
        fixed_in_version: '3.0.13-1~deb12u1',
      }),
      v3: vuln({
        id: 'v3',
        name: 'CVE-2023-5678',
        normalized_severity: '',
        severity: 'unimportant',
        package: { id: '', name: 'zlib', version: '', kind: 'source' },
      }),
      v4: vuln({
        id: 'v4',
        updater: 'osv/pypi',
        name: 'GHSA-8q59-q68h-6hv4',
        links:
          'https://github.com/advisories/GHSA-8q59-q68h-6hv4 https://nvd.nist.gov/vuln/detail/CVE-2020-14343 not-a-link',
        normalized_severity: 'Critical',
        fixed_in_version: 'fixed=5.4&introduced=0',
      }),
      v5: vuln({
        id: 'v5',
        updater: 'osv/maven',
        name: 'GHSA-57j2-w4cx-62h2',
        normalized_severity: 'Low',
        fixed_in_version: 'introduced=2.9.0',
      }),
      v6: vuln({
        id: 'v6',
        updater: 'osv/go',
        name: 'GO-2023-1571',
        normalized_severity: 'Bogus',
        fixed_in_version: 'fixed=0.7.0&introduced=0',
      }),
    },
    package_vulnerabilities: {
      '100': ['v1', 'v2'],
      '102': ['v1'],
      '103': ['v4'],
      '104': ['v5'],
      '105': ['v6'],
      '106': ['v3'],
      // Unknown package and unknown vulnerability ids are ignored.
      '999': ['v1'],
      '106x': [],
    },
    enrichments: {
      'message/vnd.clair.map.vulnerability; enricher=clair.cvss schema=https://csrc.nist.gov/schema/nvd/feed/1.1/cvss-v3.x.json':
        [
          {
            v1: [
              {
                version: '3.1',
                vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H',
                baseScore: 7.5,
                baseSeverity: 'HIGH',
              },
              {
                version: '3.1',
                vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
                baseScore: 9.8,
                baseSeverity: 'CRITICAL',
              },
              { version: '3.1', vectorString: 'junk', baseScore: 'high' },
              { version: '3.1', vectorString: 'junk', baseScore: 11 },
            ],
            v3: [{ version: '3.1', vectorString: 'junk', baseScore: -1 }],
            v4: [{ version: '3.1', vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', baseScore: '9.8' }],
          },
        ],
      // Other enrichers are not CVSS.
      'message/vnd.clair.map.layer; enricher=clair.rhel': [{ v6: [{ baseScore: 10 }] }],
    },
  };
}

describe('normalizeReport on a Debian image with language packages', () => {
  const result = normalizeReport(IMAGE, debianReport());
  const byKey = new Map(result.vulnerabilities.map((f) => [f.key, f]));

  it('builds one finding per image package and vulnerability, duplicates merged, most severe first', () => {
    expect(result.vulnerabilities.map((f) => [f.key, f.severity])).toEqual([
      ['myapp|usr/local/lib/python3.11/site-packages/PyYAML-5.3.1.dist-info|PyYAML|CVE-2020-14343', 'Critical'],
      ['myapp|libssl3|CVE-2024-1234', 'High'],
      ['myapp|openssl|CVE-2024-1234', 'High'],
      [
        'myapp|opt/app/lib/jackson-databind-2.9.10.jar|com.fasterxml.jackson.core:jackson-databind|GHSA-57j2-w4cx-62h2',
        'Low',
      ],
      ['myapp|zlib1g|CVE-2023-5678', 'Unknown'],
      ['myapp|go:usr/local/bin/app|golang.org/x/net|GO-2023-1571', 'Unknown'],
    ]);
    expect(result.compliance).toEqual([]);
    expect(result.notes).toEqual([]);
    expect(result.image).toEqual(IMAGE); // a copy: the model's history is redacted (findings/redact.ts)
    expect(result.distributions).toEqual([
      {
        id: '1',
        did: 'debian',
        name: 'Debian GNU/Linux',
        version: '12 (bookworm)',
        versionId: '12',
        versionCodeName: 'bookworm',
        prettyName: 'Debian GNU/Linux 12 (bookworm)',
        arch: '',
        cpe: '',
      },
    ]);
  });

  it('takes the CVE from the links when the name is a DSA, keeping the DSA as an alias', () => {
    const f = byKey.get('myapp|libssl3|CVE-2024-1234')!;
    expect(f.id).toBe('CVE-2024-1234');
    expect(f.aliases).toEqual(['DSA-5678-1']);
    expect(f.name).toBe('DSA-5678-1 openssl');
    expect(f.rawSeverity).toBe('high');
    expect(f.description).toBe('security update');
    expect(f.issued).toBe('2024-05-01T00:00:00Z');
    expect(f.updater).toBe('debian/updater');
    expect(f.fixedIn).toBe('3.0.13-1~deb12u1');
    expect(f.fixable).toBe(true);
    expect(f.links).toEqual([
      'https://security-tracker.debian.org/tracker/DSA-5678-1',
      'https://security-tracker.debian.org/tracker/CVE-2024-1234',
    ]);
  });

  it('merges a duplicate: keeps the most severe record and unions the links', () => {
    const f = byKey.get('myapp|openssl|CVE-2024-1234')!;
    expect(f.severity).toBe('High');
    expect(f.name).toBe('DSA-5678-1 openssl');
    expect(f.aliases).toEqual(['DSA-5678-1']);
    expect(f.links).toEqual([
      'https://security-tracker.debian.org/tracker/DSA-5678-1',
      'https://security-tracker.debian.org/tracker/CVE-2024-1234',
      'https://nvd.nist.gov/vuln/detail/CVE-2024-1234',
    ]);
    expect(f.cvss).toEqual({ score: 9.8, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', version: '3.1' });
    expect(result.vulnerabilities.filter((v) => v.package.name === 'openssl')).toHaveLength(1);
  });

  it('takes the highest valid CVSS score from the clair.cvss enrichment and ignores bad scores', () => {
    expect(byKey.get('myapp|libssl3|CVE-2024-1234')!.cvss).toEqual({
      score: 9.8,
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      version: '3.1',
    });
    expect(byKey.get('myapp|zlib1g|CVE-2023-5678')!.cvss).toBeUndefined();
    // A numeric string is a number.
    expect(
      byKey.get('myapp|usr/local/lib/python3.11/site-packages/PyYAML-5.3.1.dist-info|PyYAML|CVE-2020-14343')!.cvss
        ?.score,
    ).toBe(9.8);
    // Only the clair.cvss enricher counts.
    expect(byKey.get('myapp|go:usr/local/bin/app|golang.org/x/net|GO-2023-1571')!.cvss).toBeUndefined();
  });

  it('an empty fixed_in_version is unfixed; an unset normalized severity is Unknown; a zero issued date is dropped', () => {
    const f = byKey.get('myapp|zlib1g|CVE-2023-5678')!;
    expect(f.fixedIn).toBeUndefined();
    expect(f.fixable).toBe(false);
    expect(f.severity).toBe('Unknown');
    expect(f.rawSeverity).toBe('unimportant');
    expect(f.issued).toBeUndefined();
    expect(f.aliases).toEqual([]);
    expect(f.links).toEqual([]);
  });

  it('reads query-style fixed versions of language ecosystems', () => {
    const py = byKey.get('myapp|usr/local/lib/python3.11/site-packages/PyYAML-5.3.1.dist-info|PyYAML|CVE-2020-14343')!;
    expect(py.fixedIn).toBe('5.4');
    expect(py.fixable).toBe(true);
    expect(py.id).toBe('CVE-2020-14343');
    expect(py.aliases).toEqual(['GHSA-8q59-q68h-6hv4']);
    expect(py.links).toEqual([
      'https://github.com/advisories/GHSA-8q59-q68h-6hv4',
      'https://nvd.nist.gov/vuln/detail/CVE-2020-14343',
    ]);
    const mvn = byKey.get(
      'myapp|opt/app/lib/jackson-databind-2.9.10.jar|com.fasterxml.jackson.core:jackson-databind|GHSA-57j2-w4cx-62h2',
    )!;
    expect(mvn.fixedIn).toBeUndefined();
    expect(mvn.fixable).toBe(false);
    expect(mvn.id).toBe('GHSA-57j2-w4cx-62h2');
    const go = byKey.get('myapp|go:usr/local/bin/app|golang.org/x/net|GO-2023-1571')!;
    expect(go.fixedIn).toBe('0.7.0');
    expect(go.severity).toBe('Unknown');
    // No known id pattern: the name is the id.
    expect(go.id).toBe('GO-2023-1571');
  });

  it('describes each package with its ecosystem, purl, layer, package db and distribution', () => {
    const pkgs = new Map(result.packages.map((p) => [p.id, p]));
    expect(result.packages.map((p) => p.name)).toEqual([
      'com.fasterxml.jackson.core:jackson-databind',
      'golang.org/x/net',
      'libssl3',
      'openssl',
      'PyYAML',
      'zlib1g',
    ]);
    const dist = result.distributions[0];
    expect(pkgs.get('100')).toEqual({
      id: '100',
      name: 'openssl',
      version: '3.0.11-1~deb12u2',
      kind: 'binary',
      source: { name: 'openssl', version: '3.0.11-1~deb12u2' },
      ecosystem: 'deb',
      arch: 'amd64',
      purl: 'pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12',
      layer: LAYER_A,
      packageDb: 'var/lib/dpkg/status',
      distribution: dist,
      repository: undefined,
    });
    // A binary package built from another source names it as `upstream`.
    expect(pkgs.get('102')!.purl).toBe(
      'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12&upstream=openssl',
    );
    expect(pkgs.get('106')!.purl).toBe(
      'pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64&distro=debian-12&upstream=zlib',
    );
    expect(pkgs.get('106')!.source).toEqual({ name: 'zlib', version: '1:1.2.13.dfsg-1' });

    const py = pkgs.get('103')!;
    expect(py.ecosystem).toBe('pypi');
    expect(py.purl).toBe('pkg:pypi/pyyaml@5.3.1');
    expect(py.repository).toBe('pypi');
    expect(py.distribution).toBeUndefined();
    expect(py.layer).toBe(LAYER_B);
    expect(py.packageDb).toBe('usr/local/lib/python3.11/site-packages/PyYAML-5.3.1.dist-info');
    expect(py.source).toBeUndefined();

    const mvn = pkgs.get('104')!;
    expect([mvn.ecosystem, mvn.purl, mvn.repository, mvn.distribution, mvn.kind, mvn.arch]).toEqual([
      'maven',
      'pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.10',
      'maven',
      undefined,
      'binary',
      '',
    ]);

    const go = pkgs.get('105')!;
    expect([go.ecosystem, go.purl, go.repository, go.distribution]).toEqual([
      'golang',
      'pkg:golang/golang.org/x/net@v0.7.0',
      'go',
      undefined,
    ]);
  });
});

describe('normalizeReport purls and ecosystems', () => {
  function onePackage(
    pkg: object,
    env: object,
    dists: ClairVulnerabilityReport['distributions'] = {},
    repos: ClairVulnerabilityReport['repository'] = {},
  ) {
    const r = normalizeReport(IMAGE, {
      manifest_hash: 'x',
      distributions: dists,
      repository: repos,
      packages: { p: { id: 'p', ...pkg } as never },
      environments: { p: [env] },
      vulnerabilities: {},
      package_vulnerabilities: {},
      enrichments: {},
    });
    return r.packages[0];
  }
  const ALPINE = {
    id: '2',
    did: 'alpine',
    name: 'Alpine Linux',
    version_id: '3.19.1',
    pretty_name: 'Alpine Linux v3.19',
  };

  it('apk packages: namespace alpine, distro with version_id, no upstream for an origin', () => {
    const p = onePackage(
      {
        name: 'ssl_client',
        version: '1.36.1-r15',
        kind: 'binary',
        arch: 'x86_64',
        source: { id: 's', name: 'busybox', version: '1.36.1-r15' },
      },
      { package_db: 'lib/apk/db/installed', introduced_in: LAYER_A, distribution_id: '2' },
      { '2': ALPINE },
    );
    expect(p.ecosystem).toBe('apk');
    expect(p.purl).toBe('pkg:apk/alpine/ssl_client@1.36.1-r15?arch=x86_64&distro=alpine-3.19.1');
    expect(p.source).toEqual({ name: 'busybox', version: '1.36.1-r15' });
    expect(p.distribution?.did).toBe('alpine');
  });

  it.each([
    ['Django', 'django'],
    ['zope.interface', 'zope-interface'],
    ['typing_extensions', 'typing-extensions'],
    ['Foo__Bar-.baz', 'foo-bar-baz'],
  ])('pypi name %s is normalised to %s', (name, normalised) => {
    const p = onePackage(
      { name, version: '1.0', kind: 'binary' },
      { package_db: `usr/lib/python3/site-packages/${name}-1.0.dist-info`, repository_ids: ['r'] },
      {},
      { r: { id: 'r', name: 'pypi' } },
    );
    expect(p.purl).toBe(`pkg:pypi/${normalised}@1.0`);
    expect(p.name).toBe(name);
  });

  it('a Go module without a slash has no namespace', () => {
    const p = onePackage(
      { name: 'stdlib', version: 'go1.21.0', kind: 'binary' },
      { package_db: 'go:usr/bin/app', repository_ids: ['g'] },
      {},
      { g: { id: 'g', name: 'go' } },
    );
    expect(p.purl).toBe('pkg:golang/stdlib@go1.21.0');
  });

  it('the ecosystem falls back to the package db, then to the distribution', () => {
    expect(
      onePackage(
        { name: 'bash', version: '5.2', kind: 'binary' },
        { package_db: 'var/lib/rpm/rpmdb.sqlite', distribution_id: '3' },
        { '3': { id: '3', did: 'rhel', version_id: '9.3' } },
      ).purl,
    ).toBe('pkg:rpm/rhel/bash@5.2?distro=rhel-9.3');
    expect(
      onePackage({ name: 'x', version: '1', kind: 'binary' }, { distribution_id: '2' }, { '2': ALPINE }).ecosystem,
    ).toBe('apk');
    expect(onePackage({ name: 'x', version: '1', kind: 'binary' }, {}).ecosystem).toBe('generic');
    expect(onePackage({ name: 'x', version: '1', kind: 'binary' }, {}).purl).toBe('pkg:generic/x@1');
  });
});

describe('normalizeReport: order, notes, edge cases', () => {
  function reportWith(
    vulns: { id: string; name: string; sev: string }[],
    cvss: Record<string, number> = {},
  ): ClairVulnerabilityReport {
    return {
      manifest_hash: 'x',
      distributions: { '1': DEBIAN },
      packages: { p: { id: 'p', name: 'pkg', version: '1', kind: 'binary' } },
      environments: { p: [{ package_db: 'var/lib/dpkg/status', distribution_id: '1' }] },
      vulnerabilities: Object.fromEntries(
        vulns.map((v) => [v.id, { id: v.id, name: v.name, normalized_severity: v.sev }]),
      ),
      package_vulnerabilities: { p: vulns.map((v) => v.id) },
      enrichments: {
        'x; enricher=clair.cvss': [Object.fromEntries(Object.entries(cvss).map(([id, s]) => [id, [{ baseScore: s }]]))],
      },
    };
  }

  it('sorts most severe first, then by CVSS score, then by id', () => {
    const r = normalizeReport(
      IMAGE,
      reportWith(
        [
          { id: 'a', name: 'CVE-2024-0005', sev: 'Low' },
          { id: 'b', name: 'CVE-2024-0004', sev: 'Critical' },
          { id: 'c', name: 'CVE-2024-0003', sev: '' },
          { id: 'd', name: 'CVE-2024-0002', sev: 'High' },
          { id: 'e', name: 'CVE-2024-0001', sev: 'Medium' },
          { id: 'f', name: 'CVE-2024-0009', sev: 'Negligible' },
          { id: 'g', name: 'CVE-2024-0008', sev: 'High' },
          { id: 'h', name: 'CVE-2024-0007', sev: 'High' },
        ],
        { g: 8.1 },
      ),
    );
    expect(r.vulnerabilities.map((f) => `${f.severity} ${f.id}`)).toEqual([
      'Critical CVE-2024-0004',
      'High CVE-2024-0008',
      'High CVE-2024-0002',
      'High CVE-2024-0007',
      'Medium CVE-2024-0001',
      'Low CVE-2024-0005',
      'Negligible CVE-2024-0009',
      'Unknown CVE-2024-0003',
    ]);
  });

  it('maps severities case-insensitively and unknown words to Unknown', () => {
    const r = normalizeReport(
      IMAGE,
      reportWith([
        { id: 'a', name: 'CVE-2024-1000', sev: 'critical' },
        { id: 'b', name: 'CVE-2024-1001', sev: 'Important' },
        { id: 'c', name: 'CVE-2024-1002', sev: 'Unknown' },
      ]),
    );
    expect(r.vulnerabilities.map((f) => `${f.id} ${f.severity}`)).toEqual([
      'CVE-2024-1000 Critical',
      'CVE-2024-1001 Unknown',
      'CVE-2024-1002 Unknown',
    ]);
  });

  it('a merge keeps a fix known from the less severe duplicate', () => {
    const rep = reportWith([
      { id: 'a', name: 'CVE-2024-2000', sev: 'High' },
      { id: 'b', name: 'DLA-1234-1 CVE-2024-2000', sev: 'Low' },
    ]);
    rep.vulnerabilities!.b.fixed_in_version = '2';
    rep.vulnerabilities!.b.links = 'https://example.test/DLA-1234-1';
    const [f] = normalizeReport(IMAGE, rep).vulnerabilities;
    expect(f).toMatchObject({
      id: 'CVE-2024-2000',
      severity: 'High',
      fixedIn: '2',
      fixable: true,
      aliases: ['DLA-1234-1'],
      links: ['https://example.test/DLA-1234-1'],
    });
  });

  it('a name without any known id is the id; an empty name is "unnamed"', () => {
    const r = normalizeReport(
      IMAGE,
      reportWith([
        { id: 'a', name: 'TEMP-0001-ABCDEF', sev: 'Low' },
        { id: 'b', name: '', sev: 'Low' },
      ]),
    );
    expect(r.vulnerabilities.map((f) => f.id).sort()).toEqual(['TEMP-0001-ABCDEF', 'unnamed']);
  });

  it('an image without distribution and packages gets the "nothing Clair can match" note and no findings', () => {
    const r = normalizeReport(IMAGE, { manifest_hash: 'x' });
    expect(r).toEqual({
      image: IMAGE,
      distributions: [],
      packages: [],
      vulnerabilities: [],
      compliance: [],
      notes: [NOTHING_TO_MATCH_NOTE],
    });
    expect(NOTHING_TO_MATCH_NOTE).toMatch(/^nothing Clair can match was found in this image/);
    const empty = normalizeReport(IMAGE, {
      manifest_hash: 'x',
      packages: {},
      distributions: {},
      environments: {},
      vulnerabilities: {},
      package_vulnerabilities: {},
      enrichments: {},
    });
    expect(empty.notes).toEqual([NOTHING_TO_MATCH_NOTE]);
    // A recognised distribution without packages is a different, milder note.
    const distOnly = normalizeReport(IMAGE, {
      manifest_hash: 'x',
      distributions: { '1': { did: 'debian', version_id: '12' } },
    } as never);
    expect(distOnly.notes).toEqual(['Clair found no packages in this image, so there was nothing to match.']);
  });

  it('an image with packages and no vulnerabilities has no note', () => {
    const r = normalizeReport(IMAGE, reportWith([]));
    expect(r.notes).toEqual([]);
    expect(r.vulnerabilities).toEqual([]);
    expect(r.packages).toHaveLength(1);
  });
});

describe('extractIds', () => {
  it.each([
    ['DSA-5678-1 openssl', ['DSA-5678-1']],
    ['CVE-2024-1234', ['CVE-2024-1234']],
    ['cve-2024-12345 lower case', ['CVE-2024-12345']],
    ['GHSA-8Q59-Q68H-6HV4 and CVE-2020-14343', ['GHSA-8q59-q68h-6hv4', 'CVE-2020-14343']],
    [
      'DLA-3456-1 DSA-5678 ALAS2-2023-1234 ALAS-2024-001 RHSA-2023:1234 USN-6543-1 PYSEC-2021-123 OSV-2022-42',
      [
        'DLA-3456-1',
        'DSA-5678',
        'ALAS2-2023-1234',
        'ALAS-2024-001',
        'RHSA-2023:1234',
        'USN-6543-1',
        'PYSEC-2021-123',
        'OSV-2022-42',
      ],
    ],
    ['https://a/CVE-2024-1234 https://b/CVE-2024-1234 https://c/cve-2024-1234', ['CVE-2024-1234']],
    ['DSA-1-1 then CVE-2021-0001 then CVE-2020-0002', ['DSA-1-1', 'CVE-2021-0001', 'CVE-2020-0002']],
    ['CVE-2024-123 is too short', []],
    ['no ids here', []],
    ['', []],
  ])('%s', (text, ids) => {
    expect(extractIds(text)).toEqual(ids);
  });
});

describe('parseFixedIn', () => {
  it.each([
    ['', undefined],
    ['   ', undefined],
    ['3.0.13-1~deb12u1', '3.0.13-1~deb12u1'],
    [' 1:1.2.13 ', '1:1.2.13'],
    ['fixed=2.2.2&introduced=2.0.0', '2.2.2'],
    ['introduced=2.0.0&fixed=2.2.2', '2.2.2'],
    ['introduced=1.0', undefined],
    ['introduced=0&lastAffected=1.4', undefined],
    ['fixed=&introduced=1.0', undefined],
  ])('%j → %j', (text, fixed) => {
    expect(parseFixedIn(text)).toBe(fixed);
  });
});
