/** VEX documents as triage (src/policy/vex.ts) and the openvex report (src/report/openvex.ts). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { evaluatePolicy } from '../../../src/policy';
import { parseVex } from '../../../src/policy/vex';
import * as vexSchema from '../../../src/policy/vex-schema';
import { buildOpenVex } from '../../../src/report/openvex';
import { ClairScanError } from '../../../src/util/errors';
import { imageInfo, imageResult, policy, scanResult, vuln } from '../../helpers/model';

const IMAGE = 'pkg:oci/app?repository_url=registry.local%2Fmyorg%2Fapp';

function result() {
  return scanResult([
    // The image's full repository is the products' repository_url (a product names a registry and path: src/policy/vex.ts).
    imageResult(imageInfo({ ref: 'registry.local/myorg/app:1.0', name: 'registry.local/myorg/app' }), [
      vuln('CVE-2099-0001', 'High', {
        pkg: 'zlib1g',
        package: {
          id: '1',
          name: 'zlib1g',
          version: '1:1.2.13',
          kind: 'binary',
          source: { name: 'zlib', version: '1:1.2.13' },
          ecosystem: 'deb',
          arch: 'amd64',
          purl: 'pkg:deb/debian/zlib1g@1:1.2.13?arch=amd64&distro=debian-12',
        },
      }),
      vuln('CVE-2099-0002', 'Critical', { pkg: 'openssl', aliases: ['GHSA-aaaa-bbbb-cccc'] }),
      vuln('CVE-2099-0003', 'Medium', { pkg: 'bash' }),
    ]),
  ]);
}

function openVex(statements: unknown[], over: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      '@context': 'https://openvex.dev/ns/v0.2.0',
      '@id': 'https://example.com/vex/1',
      author: 'Security team',
      timestamp: '2026-01-02T00:00:00Z',
      version: 1,
      statements,
      ...over,
    },
    null,
    2,
  );
}

function cdxVex(vulnerabilities: unknown[]): string {
  return JSON.stringify(
    {
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      metadata: {
        timestamp: '2026-01-02T00:00:00Z',
        component: {
          type: 'container',
          name: 'myorg/app',
          'bom-ref': 'img',
          purl: 'pkg:oci/app?repository_url=registry.local/myorg/app',
        },
      },
      components: [{ type: 'library', name: 'openssl', 'bom-ref': 'pkg-openssl', purl: 'pkg:deb/debian/openssl@1.0' }],
      vulnerabilities,
    },
    null,
    2,
  );
}

describe('VEX input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cs-vex-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string): string => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it('OpenVEX not_affected suppresses by image product + subcomponent, and by package product; affected stays', async () => {
    const doc = openVex([
      {
        vulnerability: { name: 'CVE-2099-0001' },
        products: [{ '@id': IMAGE, subcomponents: [{ '@id': 'pkg:deb/debian/zlib' }] }],
        status: 'not_affected',
        justification: 'vulnerable_code_not_in_execute_path',
        impact_statement: 'we never inflate',
      },
      {
        vulnerability: { name: 'GHSA-aaaa-bbbb-cccc' },
        products: [{ identifiers: { purl: 'pkg:deb/debian/openssl@1.0' } }],
        status: 'not_affected',
        justification: 'component_not_present',
      },
      {
        vulnerability: { name: 'CVE-2099-0003' },
        products: [{ '@id': IMAGE }],
        status: 'affected',
        action_statement: 'upgrade bash',
      },
    ]);
    expect(vexSchema.openVexSchemaErrors(JSON.parse(doc))).toEqual([]);
    const f = file('a.openvex.json', doc);
    const r = result();
    const v = await evaluatePolicy(r, policy({ severityThreshold: 'Low', vex: [f] }));
    const [zlib, openssl, bash] = r.images[0].vulnerabilities;
    expect(zlib.allowlisted).toEqual({
      source: `${f}:8`,
      reason: 'OpenVEX not_affected: vulnerable_code_not_in_execute_path — we never inflate',
    });
    expect(openssl.allowlisted).toEqual({ source: `${f}:26`, reason: 'OpenVEX not_affected: component_not_present' });
    expect(bash.allowlisted).toBeUndefined();
    expect(v.counted.Medium).toBe(1);
    expect(v.unusedEntries).toEqual([]);
  });

  it('the newest statement decides: a later affected overrides not_affected; a future statement does not apply yet', async () => {
    const older = file(
      'old.json',
      openVex([
        {
          vulnerability: { name: 'CVE-2099-0003' },
          products: [{ '@id': IMAGE }],
          status: 'not_affected',
          justification: 'vulnerable_code_not_present',
          timestamp: '2026-01-01T00:00:00Z',
        },
      ]),
    );
    const newer = file(
      'new.json',
      openVex([
        {
          vulnerability: { name: 'CVE-2099-0003' },
          products: [{ '@id': IMAGE }],
          status: 'under_investigation',
          timestamp: '2026-01-05T00:00:00Z',
        },
      ]),
    );
    const r = result();
    await evaluatePolicy(r, policy({ vex: [older, newer] }), new Date('2026-02-01T00:00:00Z'));
    expect(r.images[0].vulnerabilities[2].allowlisted).toBeUndefined();
    const r2 = result();
    await evaluatePolicy(r2, policy({ vex: [older] }), new Date('2025-12-01T00:00:00Z'));
    expect(r2.images[0].vulnerabilities[2].allowlisted).toBeUndefined();
    const r3 = result();
    await evaluatePolicy(r3, policy({ vex: [older] }), new Date('2026-02-01T00:00:00Z'));
    expect(r3.images[0].vulnerabilities[2].allowlisted?.reason).toBe(
      'OpenVEX not_affected: vulnerable_code_not_present',
    );
  });

  it('an image product with another digest does not match; with its digest it does', async () => {
    const other = file(
      'd.json',
      openVex([
        {
          vulnerability: { name: 'CVE-2099-0003' },
          products: [{ '@id': `pkg:oci/app@sha256:${'0'.repeat(64)}` }],
          status: 'not_affected',
          justification: 'vulnerable_code_not_present',
        },
      ]),
    );
    const mine = file(
      'e.json',
      openVex([
        {
          vulnerability: { name: 'CVE-2099-0003' },
          products: [{ '@id': `pkg:oci/app@sha256:${'m'.repeat(64)}` }],
          status: 'not_affected',
          justification: 'vulnerable_code_not_present',
        },
      ]),
    );
    const r = result();
    await evaluatePolicy(r, policy({ vex: [other] }));
    expect(r.images[0].vulnerabilities[2].allowlisted).toBeUndefined();
    await evaluatePolicy(r, policy({ vex: [mine] }));
    expect(r.images[0].vulnerabilities[2].allowlisted?.source).toBe(`${mine}:8`);
  });

  it('CycloneDX VEX: not_affected with a justification and false_positive suppress; without justification or in_triage they stay', async () => {
    const doc = cdxVex([
      {
        id: 'CVE-2099-0002',
        analysis: { state: 'not_affected', justification: 'code_not_reachable', detail: 'TLS is off' },
        affects: [{ ref: 'pkg-openssl' }],
      },
      { id: 'CVE-2099-0001', analysis: { state: 'false_positive' }, affects: [{ ref: 'img' }] },
      { id: 'CVE-2099-0003', analysis: { state: 'not_affected' }, affects: [{ ref: 'img' }] },
    ]);
    // The document is valid CycloneDX 1.6 by the library's own validator too.
    expect(await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(doc)).toBeNull();
    const f = file('b.cdx.json', doc);
    const r = result();
    await evaluatePolicy(r, policy({ vex: [f] }));
    const [zlib, openssl, bash] = r.images[0].vulnerabilities;
    expect(openssl.allowlisted).toEqual({
      source: `${f}:23`,
      reason: 'CycloneDX VEX not_affected (code_not_reachable): TLS is off',
    });
    expect(zlib.allowlisted).toEqual({ source: `${f}:36`, reason: 'CycloneDX VEX false_positive' });
    expect(bash.allowlisted).toBeUndefined();
    const r2 = result();
    await evaluatePolicy(
      r2,
      policy({
        vex: [
          file(
            'c.cdx.json',
            cdxVex([{ id: 'CVE-2099-0003', analysis: { state: 'in_triage' }, affects: [{ ref: 'img' }] }]),
          ),
        ],
      }),
    );
    expect(r2.images[0].vulnerabilities.length).toBeGreaterThan(0);
    expect(r2.images[0].vulnerabilities.filter((x) => x.allowlisted)).toEqual([]);
  }, 30_000); // the first CycloneDX document compiles the library's schemas (slow on a loaded machine)

  it.each([
    [
      'broken JSON',
      '{\n  "@context": "https://openvex.dev/ns/v0.2.0",\n  "statements": [\n    {,}\n  ]\n}',
      /^vex x\.json:4:6: not valid JSON: /,
    ],
    [
      'OpenVEX status outside the schema',
      openVex([{ vulnerability: { name: 'CVE-1' }, status: 'maybe' }]),
      /^vex x\.json:12:17: not a valid OpenVEX 0\.2\.0 document: \/statements\/0\/status must be equal to one of the allowed values \(not_affected, affected, fixed, under_investigation\)$/,
    ],
    [
      'OpenVEX not_affected without a reason',
      openVex([{ vulnerability: { name: 'CVE-1' }, status: 'not_affected' }]),
      /^vex x\.json:8:5: not a valid OpenVEX 0\.2\.0 document: \/statements\/0 must have required property 'justification'$/,
    ],
    [
      'CycloneDX analysis state outside the schema',
      cdxVex([{ id: 'CVE-1', analysis: { state: 'whatever' } }]),
      /^vex x\.json:26:18: not a valid CycloneDX 1\.6 BOM: \/vulnerabilities\/0\/analysis\/state must be equal to one of the allowed values/,
    ],
    ['neither format', '{"hello": []}', /^vex x\.json:1:1: neither an OpenVEX document/],
  ])('%s: an error naming file:line:column (exit 2)', (_w, text, want) => {
    let err: unknown;
    try {
      parseVex(text, 'x.json', vexSchema);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ClairScanError);
    expect((err as ClairScanError).exitCode).toBe(2);
    expect((err as Error).message).toMatch(want);
  });
});

describe('openvex report', () => {
  it('one not_affected statement per allowlisted finding, valid against the OpenVEX schema, and read back it suppresses the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-vex-out-'));
    try {
      const allow = join(dir, 'allow.yaml');
      writeFileSync(
        allow,
        'allowlist:\n  - id: CVE-2099-0002\n    reason: "not reachable: TLS is off"\n    expires: 2099-12-31\n',
      );
      const r = result();
      await evaluatePolicy(r, policy({ allowlists: [allow] }));
      const doc = buildOpenVex(r);
      expect(vexSchema.openVexSchemaErrors(doc)).toEqual([]);
      expect(doc.statements).toEqual([
        {
          vulnerability: { name: 'CVE-2099-0002', aliases: ['GHSA-aaaa-bbbb-cccc'] },
          timestamp: '2026-01-01T00:01:00Z',
          products: [
            {
              '@id': 'pkg:oci/app?repository_url=registry.local%2Fmyorg%2Fapp',
              identifiers: { purl: 'pkg:oci/app?repository_url=registry.local%2Fmyorg%2Fapp' },
              subcomponents: [
                { '@id': 'pkg:deb/debian/openssl@1.0', identifiers: { purl: 'pkg:deb/debian/openssl@1.0' } },
              ],
            },
          ],
          status: 'not_affected',
          impact_statement: 'not reachable: TLS is off',
          status_notes: `clair-scan allowlist entry ${allow}:2; the entry expires after 2099-12-31`,
        },
      ]);
      const vexFile = join(dir, 'out.openvex.json');
      writeFileSync(vexFile, JSON.stringify(doc));
      const again = result();
      await evaluatePolicy(again, policy({ vex: [vexFile] }));
      expect(again.images[0].vulnerabilities.map((f) => f.allowlisted?.reason)).toEqual([
        undefined,
        'OpenVEX not_affected: not reachable: TLS is off',
        undefined,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
