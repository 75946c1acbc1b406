/**
 * The one builder of findings-model objects for tests (src/findings/model.ts): plain objects with defaults a test
 * overrides (`imageInfo`, `pkg`, `vuln`, `compliance`, `imageResult`, `scanResult`, `policy`), and the realistic,
 * deterministic results the reporter tests and golden files use (`sampleResult`, `syntheticResult`: fixed clock,
 * fixed tool version).
 */
import {
  AllowlistMatch,
  ComplianceFinding,
  Cvss,
  Distribution,
  emptyCounts,
  ImageInfo,
  ImageResult,
  Package,
  RESULT_SCHEMA_VERSION,
  ScanResult,
  Severity,
  SEVERITIES,
  Verdict,
  VulnerabilityFinding,
} from '../../src/findings/model';
import type { Settings } from '../../src/inputs/settings';

export const FIXED_START = '2024-05-01T10:00:00.000Z';
export const FIXED_END = '2024-05-01T10:02:30.500Z';

/** The image name the plain builders use when a test does not give one. */
export const TEST_IMAGE = 'myorg/app';

export const DEBIAN: Distribution = {
  id: '1',
  did: 'debian',
  name: 'Debian GNU/Linux',
  version: '12 (bookworm)',
  versionId: '12',
  versionCodeName: 'bookworm',
  prettyName: 'Debian GNU/Linux 12 (bookworm)',
  arch: 'amd64',
  cpe: 'cpe:2.3:o:debian:debian_linux:12:*:*:*:*:*:*:*',
};

export const ALPINE: Distribution = {
  id: '2',
  did: 'alpine',
  name: 'Alpine Linux',
  version: '3.19.1',
  versionId: '3.19.1',
  versionCodeName: '',
  prettyName: 'Alpine Linux v3.19',
  arch: 'x86_64',
  cpe: '',
};

export function imageInfo(over: Partial<ImageInfo> = {}): ImageInfo {
  return {
    ref: `${TEST_IMAGE}:1.0`,
    name: TEST_IMAGE,
    tag: '1.0',
    source: 'docker',
    manifestDigest: 'sha256:' + 'm'.repeat(64),
    imageId: 'sha256:' + 'i'.repeat(64),
    repoDigests: [],
    user: '',
    labels: {},
    layers: [],
    ...over,
  };
}

/** An image whose digests and one layer are derived from `seed` (two seeds, two images). */
export function image(ref: string, name: string, tag: string | undefined, seed: string): ImageInfo {
  const d = (s: string): string => 'sha256:' + Buffer.from(s.padEnd(32, '0')).toString('hex').slice(0, 64);
  return imageInfo({
    ref,
    name,
    tag,
    manifestDigest: d(`m-${seed}`),
    imageId: d(`i-${seed}`),
    os: 'linux',
    architecture: 'amd64',
    layers: [{ digest: d(`l-${seed}`), diffId: d(`d-${seed}`), size: 1000, createdBy: 'ADD rootfs.tar /' }],
  });
}

/** A distribution package as Clair reports it (purl, layer, package database). */
export function pkg(
  name: string,
  version: string,
  distro: Distribution = DEBIAN,
  extra: Partial<Package> = {},
): Package {
  const eco = distro.did === 'alpine' ? 'apk' : 'deb';
  return {
    id: `${name}-${version}`,
    name,
    version,
    kind: 'binary',
    ecosystem: eco,
    arch: distro.arch,
    purl: `pkg:${eco}/${distro.did}/${encodeURIComponent(name)}@${encodeURIComponent(version)}?arch=${distro.arch}&distro=${distro.did}-${distro.versionId}`,
    layer: 'sha256:' + 'a'.repeat(64),
    packageDb: eco === 'deb' ? 'var/lib/dpkg/status' : 'lib/apk/db/installed',
    distribution: distro,
    ...extra,
  };
}

/**
 * A vulnerability finding in `image` (default TEST_IMAGE). `pkg` is a package or just a name (then a bare
 * openssl-like Debian package, version 1.0); fixed in 1.1 unless `fixedIn`/`fixable` say otherwise.
 */
export function vuln(
  id: string,
  severity: Severity,
  over: Partial<VulnerabilityFinding> & { pkg?: string | Package; image?: string } = {},
): VulnerabilityFinding {
  const { pkg: p = 'openssl', image: imageName = TEST_IMAGE, ...rest } = over;
  const found: Package =
    typeof p === 'string'
      ? {
          id: '1',
          name: p,
          version: '1.0',
          kind: 'binary',
          ecosystem: 'deb',
          arch: 'amd64',
          purl: `pkg:deb/debian/${p}@1.0`,
        }
      : p;
  return {
    kind: 'vulnerability',
    key: `${imageName}|${found.name}|${id}`,
    id,
    aliases: [],
    name: id,
    severity,
    rawSeverity: severity,
    description: '',
    links: [],
    updater: 'debian/updater',
    package: found,
    fixedIn: '1.1',
    fixable: true,
    ...rest,
  };
}

/** A compliance finding in `image` (default TEST_IMAGE); its key is `image|rule`, as src/policy/compliance makes it. */
export function compliance(
  rule: string,
  severity: Severity,
  over: Partial<ComplianceFinding> & { image?: string } = {},
): ComplianceFinding {
  const { image: imageName = TEST_IMAGE, ...rest } = over;
  return { kind: 'compliance', key: `${imageName}|${rule}`, rule, title: rule, message: rule, severity, ...rest };
}

export function imageResult(
  info: ImageInfo,
  vulns: VulnerabilityFinding[],
  comp: ComplianceFinding[] = [],
  over: Partial<ImageResult> = {},
): ImageResult {
  return { image: info, distributions: [], packages: [], vulnerabilities: vulns, compliance: comp, notes: [], ...over };
}

export function scanResult(images: ImageResult[], over: Partial<ScanResult> = {}): ScanResult {
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    tool: { name: 'clair-scan', version: '0.0.0-test' },
    clair: { ephemeral: true },
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: '2026-01-01T00:01:00Z',
    images,
    ...over,
  };
}

export function policy(over: Partial<Settings['policy']> = {}): Settings['policy'] {
  return { ignoreUnfixed: false, fail: true, allowlists: [], checkNonRoot: false, checkSecrets: false, ...over };
}

/** What the realistic results below give per finding. */
interface VulnSpec {
  id: string;
  severity: Severity;
  pkg: Package;
  fixedIn?: string;
  cvss?: Cvss;
  description?: string;
  links?: string[];
  aliases?: string[];
  allowlisted?: AllowlistMatch;
}

/** A finding as a Debian/Alpine updater reports it: advisory text and tracker link, fixable only with a fixed version. */
function reported(imageName: string, s: VulnSpec): VulnerabilityFinding {
  return vuln(s.id, s.severity, {
    image: imageName,
    pkg: s.pkg,
    aliases: s.aliases ?? [],
    rawSeverity: s.severity.toLowerCase(),
    cvss: s.cvss,
    description: s.description ?? `A ${s.severity.toLowerCase()} issue in ${s.pkg.name}.`,
    links: s.links ?? (s.id.startsWith('CVE-') ? [`https://security-tracker.debian.org/tracker/${s.id}`] : []),
    issued: '2023-11-02T00:00:00Z',
    updater: s.pkg.distribution?.did === 'alpine' ? 'alpine-main-v3.19-updater' : 'debian/updater/bookworm',
    fixedIn: s.fixedIn,
    fixable: s.fixedIn !== undefined,
    allowlisted: s.allowlisted,
  });
}

export const HOSTILE_DESCRIPTION =
  'Overflow in parser <img src=x onerror="window.__pwned=1"> and <script>window.__pwned=2</script>' +
  ' | pipe | cell\nnew line\r\n\u001b[31mred\u001b[0m\u0000nul @octocat see [click](javascript:alert(1)) ' +
  '</details> `code` **bold** <!-- comment --> &amp; \u202eevil';

/** Two images, every severity, fixable/unfixable, allowlisted, compliance, CVSS present/absent, hostile text. */
export function sampleResult(): ScanResult {
  const web = 'myorg/web';
  const openssl = pkg('openssl', '3.0.11-1~deb12u1');
  const libc = pkg('libc6', '2.36-9+deb12u3');
  const zlib = pkg('zlib1g', '1:1.2.13.dfsg-1');
  const curl = pkg('curl', '7.88.1-10+deb12u4');
  const perl = pkg('perl-base', '5.36.0-7+deb12u1');
  const evil = pkg('evil|pkg<b>x</b>', '1.0|2`3');
  const webVulns = [
    reported(web, {
      id: 'CVE-2024-0001',
      severity: 'Critical',
      pkg: openssl,
      fixedIn: '3.0.13-1~deb12u1',
      cvss: { score: 9.8, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', version: '3.1' },
      aliases: ['DSA-5600-1'],
    }),
    reported(web, {
      id: 'CVE-2024-0002',
      severity: 'High',
      pkg: libc,
      fixedIn: '2.36-9+deb12u4',
      cvss: { score: 7.5, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', version: '3.1' },
    }),
    reported(web, { id: 'CVE-2024-0003', severity: 'High', pkg: curl }),
    reported(web, {
      id: 'CVE-2023-0004',
      severity: 'Medium',
      pkg: zlib,
      fixedIn: '1:1.2.13.dfsg-2',
      description: HOSTILE_DESCRIPTION,
      links: ['javascript:alert(1)', 'https://example.org/adv?a=1&b=(2)|x'],
    }),
    reported(web, { id: 'CVE-2023-0005', severity: 'Low', pkg: perl }),
    reported(web, { id: 'CVE-2023-0006', severity: 'Negligible', pkg: libc }),
    reported(web, {
      id: 'DSA-5999-1',
      severity: 'Unknown',
      pkg: evil,
      description: 'Unknown severity <b>bold</b>',
      links: ['https://www.debian.org/security/2024/dsa-5999'],
    }),
    reported(web, {
      id: 'CVE-2023-0007',
      severity: 'High',
      pkg: curl,
      fixedIn: '7.88.1-10+deb12u5',
      cvss: { score: 8.1 },
      allowlisted: {
        source: '.clair-scan/allowlist.yaml:4',
        reason: 'not reachable: curl is only used at build time',
        expires: '2099-12-31',
      },
    }),
  ];
  const tool = 'tools/alpine-tool';
  const musl = pkg('musl', '1.2.4_git20230717-r4', ALPINE);
  const busybox = pkg('busybox', '1.36.1-r15', ALPINE);
  const toolVulns = [
    reported(tool, { id: 'CVE-2024-1000', severity: 'Critical', pkg: busybox, fixedIn: '1.36.1-r16' }),
    reported(tool, {
      id: 'CVE-2024-0002',
      severity: 'Medium',
      pkg: musl,
      cvss: { score: 5.3, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N' },
    }),
  ];
  const toolCompliance = [
    // Keys as `image|rule|path`: the golden files' fingerprints were made with them.
    compliance('non-root', 'High', {
      image: tool,
      key: `${tool}|non-root|`,
      title: 'Image runs as root',
      message: 'Config.User is empty; add `USER 10001` to the Dockerfile.',
    }),
    compliance('secret/aws-access-key', 'Critical', {
      image: tool,
      key: `${tool}|secret/aws-access-key|app/.env`,
      title: 'AWS access key found',
      message: 'A file contains something that looks like an AWS access key id; remove it and rotate the key.',
      path: 'app/.env',
      layer: 'sha256:' + 'b'.repeat(64),
    }),
  ];
  const counted = emptyCounts();
  for (const f of [...webVulns, ...toolVulns]) if (!f.allowlisted) counted[f.severity]++;
  const verdict: Verdict = {
    status: 'fail',
    enforced: true,
    reasons: [
      '4 findings at or above High (threshold: high)',
      'compliance: Image runs as root (tools/alpine-tool:3.19)',
    ],
    rules: ['severity-threshold: high', 'check-non-root'],
    counted,
    expiredEntries: [
      { source: '.clair-scan/allowlist.yaml:9', id: 'CVE-2020-9999', reason: 'old exception', expires: '2024-01-01' },
    ],
    unusedEntries: [{ source: '.clair-scan/allowlist.yaml:14', id: 'CVE-2019-1234', reason: 'legacy | <i>entry</i>' }],
  };
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    tool: { name: 'clair-scan', version: '0.1.0' },
    clair: { version: 'v4.9.0', ephemeral: true, url: 'http://127.0.0.1:46060' },
    startedAt: FIXED_START,
    finishedAt: FIXED_END,
    images: [
      {
        image: image('myorg/web:1.4.2', web, '1.4.2', 'web'),
        distributions: [DEBIAN],
        packages: [openssl, libc, zlib, curl, perl, evil, pkg('bash', '5.2.15-2+b2'), pkg('coreutils', '9.1-1')],
        vulnerabilities: webVulns,
        compliance: [],
        notes: [],
      },
      {
        image: image('tools/alpine-tool:3.19', tool, '3.19', 'tool'),
        distributions: [ALPINE],
        packages: [musl, busybox, pkg('alpine-baselayout', '3.4.3-r2', ALPINE)],
        vulnerabilities: toolVulns,
        compliance: toolCompliance,
        notes: [],
      },
    ],
    verdict,
  };
}

/** One image with `n` synthetic findings (all severities, half fixable, some with CVSS), deterministic. */
export function syntheticResult(n: number, imageCount = 1): ScanResult {
  const images: ImageResult[] = [];
  const perImage = Math.ceil(n / imageCount);
  let made = 0;
  for (let im = 0; im < imageCount; im++) {
    const name = `bench/app${im}`;
    const vulns: VulnerabilityFinding[] = [];
    const packages: Package[] = [];
    for (let i = 0; i < perImage && made < n; i++, made++) {
      const p = pkg(`lib${i % 997}-${im}`, `1.${i % 13}.${i % 7}-r${i % 5}`);
      if (i < 997) packages.push(p);
      const severity = SEVERITIES[i % SEVERITIES.length];
      vulns.push(
        reported(name, {
          id: `CVE-20${10 + (i % 14)}-${String(10000 + i).padStart(5, '0')}`,
          severity,
          pkg: p,
          fixedIn: i % 2 === 0 ? `1.${i % 13}.${(i % 7) + 1}` : undefined,
          cvss:
            i % 3 === 0
              ? {
                  score: Math.round((1 + (i % 90) / 10) * 10) / 10,
                  vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
                }
              : undefined,
          description: `Synthetic vulnerability number ${i} in ${p.name}: a buffer handling flaw that allows a remote attacker to cause a denial of service via crafted input.`,
          links: [`https://security-tracker.debian.org/tracker/CVE-${i}`, `https://example.org/advisories/${i}`],
        }),
      );
    }
    images.push({
      image: image(`${name}:latest`, name, 'latest', `b${im}`),
      distributions: [DEBIAN],
      packages,
      vulnerabilities: vulns,
      compliance: [],
      notes: [],
    });
  }
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    tool: { name: 'clair-scan', version: '0.1.0' },
    clair: { version: 'v4.9.0', ephemeral: true },
    startedAt: FIXED_START,
    finishedAt: FIXED_END,
    images,
    verdict: {
      status: 'fail',
      enforced: false,
      reasons: ['many findings'],
      rules: ['severity-threshold: high'],
      counted: emptyCounts(),
      expiredEntries: [],
      unusedEntries: [],
    },
  };
}
