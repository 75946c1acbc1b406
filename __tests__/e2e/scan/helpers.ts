/** Shared helpers for the end-to-end scan tests (real Docker, Clair, PostgreSQL). */
import { testTempDir } from '../../helpers/tmp';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseSettings, Settings } from '../../../src/inputs/settings';
import type { ImageResult } from '../../../src/findings/model';
import { loadTestEnv } from '../../helpers/testenv';

export const REPO = path.resolve(__dirname, '../../..');
export const BUNDLE = path.join(REPO, '.testenv/fixtures/vulns.jsonl');
export const BUNDLE_GZ = path.join(REPO, '.testenv/fixtures/vulns.jsonl.gz');
export const BUNDLE_NO_DEBIAN = path.join(REPO, '.testenv/fixtures/vulns-no-debian.jsonl');
export const fixture = (name: string): string => `localhost/clair-scan-fixture/${name}:1`;

/** Settings as a user would give them, pointed at the locally built Clair/PostgreSQL images; never pulls. */
export function settingsFor(images: string[], inputs: Record<string, string> = {}): Settings {
  const env = loadTestEnv();
  const out = testTempDir('cs-e2e-out-');
  const all: Record<string, string> = {
    image: images.join('\n'),
    'clair-image': env.clairImage,
    'postgres-image': env.postgresImage,
    pull: 'never',
    'vuln-data': BUNDLE,
    'output-dir': out,
    // Online mode fetches the published KEV/EPSS files when these are empty: tests give theirs (loopback) or none.
    'kev-data': 'none',
    'epss-data': 'none',
    ...inputs,
  };
  return parseSettings((n) => all[n]);
}

/** One line per finding: "id package version severity fixed-in" — what a person would check by eye. */
export function findingLines(r: ImageResult): string[] {
  return r.vulnerabilities
    .map((f) => `${f.id} ${f.package.name} ${f.package.version} ${f.severity} ${f.fixedIn ?? '-'}`)
    .sort();
}

export function docker(...args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

// What a run leaves behind: one definition, beside trackRuns().
export { leftoverContainers, leftoverTempDirs } from '../../helpers/runs';

export const DEBIAN_VULN_FINDINGS = [
  'CVE-2099-1001 libssl3 3.0.11-1~deb12u2 Critical 3.0.13-1~deb12u1',
  'CVE-2099-1002 zlib1g 1:1.2.13.dfsg-1 High -',
  'CVE-2099-1003 zlib1g 1:1.2.13.dfsg-1 Medium 1:1.2.13.dfsg-2',
  'CVE-2099-1004 libc6 2.36-9+deb12u4 Low 2.36-9+deb12u7',
  'CVE-2099-1005 tar 1.34+dfsg-1.2+deb12u1 Negligible -',
  'CVE-2099-1006 libgcrypt20 1.10.1-3 Unknown 1.10.1-3+deb12u1',
];

// The findings of the alpine and python fixture images with the full bundle. These lists, DEBIAN_VULN_FINDINGS and
// the ecosystem lists (ecosystems/helpers.ts) are what __tests__/unit/fixtures/fixtures-doc.test.ts ties to
// FIXTURES.md's verified tables.
export const ALPINE_FINDINGS = [
  'CVE-2099-2001 busybox 1.36.1-r15 High 1.36.1-r16',
  'CVE-2099-2001 busybox-binsh 1.36.1-r15 High 1.36.1-r16',
  'CVE-2099-2001 ssl_client 1.36.1-r15 High 1.36.1-r16',
  'CVE-2099-2002 libcrypto3 3.1.4-r5 Critical 3.1.4-r6',
  'CVE-2099-2002 libssl3 3.1.4-r5 Critical 3.1.4-r6',
  'CVE-2099-2004 musl 1.2.4_git20230717-r4 Low -',
];

export const PYTHON_FINDINGS = [
  'CVE-2099-3001 requests 2.31.0 Medium 2.32.0',
  'CVE-2099-3002 urllib3 2.0.7 High 2.2.2',
  'CVE-2099-3003 jinja2 3.1.2 Critical 3.1.3',
];

export { expectScanError } from '../../helpers/errors';
