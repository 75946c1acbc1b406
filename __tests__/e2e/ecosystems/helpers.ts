/** Bundles for the ecosystem e2e tests (scripts/fixtures/FIXTURES.md, "Ecosystems"). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from '../scan/helpers';

export const BUNDLE_ECOSYSTEMS = path.join(REPO, '.testenv/fixtures/vulns-ecosystems.jsonl');
export const REPO2CPE = path.join(REPO, 'scripts/fixtures/rhel-repo2cpe.json');

interface Converter {
  loadSource(text: string, file?: string): unknown;
  buildBundleLines(data: unknown, opts?: { exclude?: string[]; only?: string[]; bundles?: string[] }): string[];
}
const conv = require(path.join(REPO, 'scripts/fixtures/make-vuln-bundle.js')) as Converter;

/** Writes a bundle of the fixture data (default: every importable ecosystem) into a new temp dir; returns its path. */
export function writeBundle(opts: { exclude?: string[]; only?: string[]; bundles?: string[] }, dirs: string[]): string {
  const source = path.join(REPO, 'scripts/fixtures/vulns.yaml');
  const lines = conv.buildBundleLines(conv.loadSource(fs.readFileSync(source, 'utf8'), source), {
    bundles: ['core', 'ecosystems'],
    ...opts,
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-e2e-eco-'));
  dirs.push(dir);
  const file = path.join(dir, 'bundle.jsonl');
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/**
 * The gobin image's findings from the fixture's Go records (FIXTURES.md), as findingLines writes them. Not
 * reported: CVE-2099-4004 (stdlib fixed in 1.25.3 < 1.26.8), CVE-2099-4005 (x/text 0.4.0–0.5.0 only).
 */
export const GOBIN_FINDINGS: readonly string[] = [
  'CVE-2099-4001 golang.org/x/text v0.3.5 High 0.3.8',
  'CVE-2099-4002 github.com/google/uuid v1.1.0 Medium 1.1.1',
  'CVE-2099-4003 stdlib 1.26.8 Critical 1.26.9',
  'CVE-2099-4006 github.com/google/uuid v1.1.0 Low -',
];

/** The findings of the ecosystem fixture images with the ecosystems bundle and rhel-repo2cpe (FIXTURES.md, "Ecosystems"). */
export const ECOSYSTEM_FINDINGS: Readonly<Record<string, readonly string[]>> = {
  // Not reported: CVE-2099-5004 (fixed in 2.12.7.1 < 2.13.0). CVE-2099-5005 is lastAffected=1.0.0: no fix.
  java: [
    'CVE-2099-5001 org.apache.logging.log4j:log4j-core 2.14.1 Critical 2.15.0',
    'CVE-2099-5002 com.fasterxml.jackson.core:jackson-databind 2.13.0 High 2.13.4.1',
    'CVE-2099-5003 org.apache.commons:commons-text 1.9 Critical 1.10.0',
    'CVE-2099-5005 com.example.fixture:fixture-app 1.0.0 Low -',
  ],
  // Not reported: CVE-2099-6003 (puma fixed in 5.6.8), CVE-2099-6004 (rack fixed in 2.1.4.1).
  ruby: ['CVE-2099-6001 rack 2.2.3 High 2.2.6.4', 'CVE-2099-6002 nokogiri 1.13.3 Medium 1.13.4'],
  // Not reported: CVE-2099-7004 (zlib fixed in an older release), CVE-2099-7005 (a RHEL 8 CPE).
  rhel9: [
    'CVE-2099-7001 openssl-libs 1:3.0.7-27.el9 High 1:3.0.7-28.el9_4',
    'CVE-2099-7002 glibc 2.34-100.el9 Medium -',
    'CVE-2099-7002 glibc-common 2.34-100.el9 Medium -',
    'CVE-2099-7002 glibc-minimal-langpack 2.34-100.el9 Medium -',
    'CVE-2099-7003 libxml2 2.9.13-6.el9_4 Low 0:2.9.13-6.el9_4.1',
  ],
  // ELSA-2099-800x records; the id is the CVE their links name. Not reported: 8003 (older fix), 8004 (fix = installed).
  oracle9: [
    'CVE-2099-8001 openssl-libs 1:3.0.7-24.0.1.el9 High 1:3.0.7-25.0.1.el9',
    'CVE-2099-8002 glibc 2.34-83.0.1.el9_3.7 Medium 2.34-83.0.2.el9_3.7',
    'CVE-2099-8002 glibc-common 2.34-83.0.1.el9_3.7 Medium 2.34-83.0.2.el9_3.7',
  ],
  // ALAS2023-2099-100x records; the id is the CVE their links name. Not reported: 1003 (zlib, older fix), 1004
  // (bash, but the record is for aarch64 and the installed bash is x86_64).
  amzn2023: [
    'CVE-2099-10001 openssl-libs 1:3.0.8-1.amzn2023.0.14 High 1:3.0.8-1.amzn2023.0.15',
    'CVE-2099-10002 glibc 2.34-52.amzn2023.0.11 Medium 2.34-52.amzn2023.0.12',
    'CVE-2099-10002 glibc-common 2.34-52.amzn2023.0.11 Medium 2.34-52.amzn2023.0.12',
    'CVE-2099-10005 libcurl-minimal 8.5.0-1.amzn2023.0.4 Critical 8.5.0-1.amzn2023.0.5',
  ],
  // Not reported: CVE-2099-9003 (tar, fix = installed).
  ubuntu: [
    'CVE-2099-9001 libssl3 3.0.2-0ubuntu1.15 High 3.0.2-0ubuntu1.16',
    'CVE-2099-9002 zlib1g 1:1.2.11.dfsg-2ubuntu9.2 Medium -',
  ],
  // Not reported: CVE-2099-11003 (libz1, older fix), CVE-2099-11004 (bash, fix = installed), CVE-2099-11005 (SLES 12 data).
  sles15: [
    'CVE-2099-11001 libopenssl1_1 1.1.1d-11.20.1 High 0:1.1.1d-11.23.1',
    'CVE-2099-11001 openssl-1_1 1.1.1d-11.20.1 High 0:1.1.1d-11.23.1',
    'CVE-2099-11002 glibc 2.26-13.48.1 Medium 0:2.26-13.51.1',
  ],
  // PHSA-2099:0000x records; the id is the CVE their links name. Not reported: 00003 (zlib, older fix), 00004
  // (glibc, Photon 2.0 data: same pretty name, another release).
  photon3: [
    'CVE-2099-12001 openssl 1.0.2zg-1.ph3 High 0:1.0.2zh-1.ph3',
    'CVE-2099-12002 curl 7.86.0-2.ph3 Critical 0:7.86.0-3.ph3',
    'CVE-2099-12002 curl-libs 7.86.0-2.ph3 Critical 0:7.86.0-3.ph3',
  ],
};

/** The rhcc image (a Red Hat container image) with its container records and the RHEL records. */
export const RHCC_FINDINGS: readonly string[] = [
  'CVE-2099-13001 openshift4/ose-cli v4.14.5-202401011111 High v4.14.7-202402021234',
  'CVE-2099-7001 openssl-libs 1:3.0.7-27.el9 High 1:3.0.7-28.el9_4',
  'CVE-2099-7002 glibc 2.34-100.el9 Medium -',
  'CVE-2099-7002 glibc-common 2.34-100.el9 Medium -',
  'CVE-2099-7002 glibc-minimal-langpack 2.34-100.el9 Medium -',
  'CVE-2099-7003 libxml2 2.9.13-6.el9_4 Low 0:2.9.13-6.el9_4.1',
];
