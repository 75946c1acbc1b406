/**
 * VEX scope (issue 20): an image product names a full repository — registry and path. `pkg:oci/app` without
 * `repository_url` is Docker Hub's `library/app` (as Docker reads an unqualified name), never any `…/app` on any
 * registry; `repository_url` must be the image's repository, not a suffix of it. A product pinned to a digest names
 * content and matches that content wherever it was pulled from.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluatePolicy } from '../../../src/policy';
import { imageInfo, imageResult, policy, scanResult, vuln } from '../../helpers/model';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

function openVex(product: string): string {
  return JSON.stringify({
    '@context': 'https://openvex.dev/ns/v0.2.0',
    '@id': 'https://example.com/vex/scope',
    author: 'Security team',
    timestamp: '2026-01-02T00:00:00Z',
    version: 1,
    statements: [
      {
        vulnerability: { name: 'CVE-2099-0001' },
        products: [{ '@id': product }],
        status: 'not_affected',
        justification: 'vulnerable_code_not_present',
      },
    ],
  });
}

const dir = mkdtempSync(join(tmpdir(), 'cs-vex-scope-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** Whether a statement about `product` suppresses the finding of the image named `name` (tag 1.0, digest DIGEST). */
async function suppresses(product: string, name: string): Promise<boolean> {
  const file = join(dir, `vex-${n++}.json`);
  writeFileSync(file, openVex(product));
  const r = scanResult([
    imageResult(imageInfo({ ref: `${name}:1.0`, name, tag: '1.0', manifestDigest: DIGEST }), [
      vuln('CVE-2099-0001', 'High', { image: name }),
    ]),
  ]);
  await evaluatePolicy(r, policy({ vex: [file] }), new Date('2026-02-01T00:00:00Z'));
  return r.images[0].vulnerabilities[0].allowlisted !== undefined;
}

const cases: [string, string, boolean][] = [
  // No repository_url: Docker Hub's library/app only.
  ['pkg:oci/app', 'app', true],
  ['pkg:oci/app', 'registry.local/myorg/app', false],
  ['pkg:oci/app', 'ghcr.io/evil/app', false],
  ['pkg:oci/app', 'myorg/app', false],
  ['pkg:oci/app@1.0', 'ghcr.io/evil/app', false], // a tag is no content address
  ['pkg:oci/app?tag=1.0', 'ghcr.io/evil/app', false],
  // repository_url: exactly the image's repository, written with or without scheme, Docker Hub either way.
  ['pkg:oci/app?repository_url=ghcr.io%2Forg%2Fapp', 'ghcr.io/org/app', true],
  ['pkg:oci/app?repository_url=https%3A%2F%2Fghcr.io%2Forg%2Fapp%2F', 'ghcr.io/org/app', true],
  ['pkg:oci/app?repository_url=ghcr.io%2Forg%2Fapp', 'evil.example/ghcr.io/org/app', false],
  ['pkg:oci/app?repository_url=ghcr.io%2Forg%2Fapp', 'ghcr.io/other/app', false],
  ['pkg:oci/app?repository_url=ghcr.io%2Forg%2Fapp', 'org/app', false],
  ['pkg:oci/app?repository_url=registry.local%2Fmyorg%2Fapp', 'myorg/app', false],
  ['pkg:oci/app?repository_url=docker.io%2Flibrary%2Fapp', 'app', true],
  ['pkg:oci/app?repository_url=index.docker.io%2Fmyorg%2Fapp', 'myorg/app', true],
  // A digest names content: the same bytes from any registry; another digest never.
  [`pkg:oci/app@${encodeURIComponent(DIGEST)}`, 'ghcr.io/org/app', true],
  [`pkg:oci/app@${encodeURIComponent(`sha256:${'cd'.repeat(32)}`)}`, 'ghcr.io/org/app', false],
  [`pkg:oci/app@${encodeURIComponent(DIGEST)}?repository_url=ghcr.io%2Fevil%2Fapp`, 'ghcr.io/org/app', false],
  // pkg:docker: namespace/name is the repository (Docker Hub by default).
  ['pkg:docker/app', 'app', true],
  ['pkg:docker/library/app', 'app', true],
  ['pkg:docker/myorg/app', 'myorg/app', true],
  ['pkg:docker/myorg/app', 'registry.local/myorg/app', false],
  ['pkg:docker/app', 'ghcr.io/evil/app', false],
];

test.each(cases)('product %s vs image %s: suppresses = %s', async (product, name, expected) => {
  expect(await suppresses(product, name)).toBe(expected);
});
