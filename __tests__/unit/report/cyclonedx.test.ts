import { Serialize, Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { buildBom, cycloneDxReportChunks, renderCycloneDx } from '../../../src/report/cyclonedx';
import { ScanResult } from '../../../src/findings/model';
import { pkg, sampleResult, syntheticResult } from '../../helpers/model';

/* eslint-disable @typescript-eslint/no-explicit-any */
async function validate(json: string): Promise<unknown> {
  return new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(json);
}

/** The reference: the library's own serializer over the whole library model (what the streamed writer must equal). */
function librarySerialized(result: ScanResult): string {
  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6));
  return `${serializer.serialize(buildBom(result), { sortLists: false, space: 2 })}\n`;
}

describe('CycloneDX SBOM', () => {
  test('one image: the image is metadata.component (container); a component with purl per package; valid 1.6', async () => {
    const one: ScanResult = { ...sampleResult(), images: [sampleResult().images[0]] };
    const json = renderCycloneDx(one);
    expect(await validate(json)).toBeNull();
    const bom = JSON.parse(json);
    expect(bom.specVersion).toBe('1.6');
    expect(bom.metadata.component.type).toBe('container');
    expect(bom.metadata.component.name).toBe('myorg/web');
    const libs = bom.components.filter((c: any) => c.type === 'library');
    expect(libs).toHaveLength(one.images[0].packages.length);
    for (const c of libs) expect(c.purl).toMatch(/^pkg:deb\/debian\//);
    const os = bom.components.filter((c: any) => c.type === 'operating-system');
    expect(os).toEqual([expect.objectContaining({ name: 'debian', version: '12' })]);
    const dep = bom.dependencies.find((d: any) => d.ref === bom.metadata.component['bom-ref']);
    expect(dep.dependsOn).toHaveLength(libs.length + 1);
    const v = bom.vulnerabilities.find((x: any) => x.id === 'CVE-2024-0001');
    expect(v.ratings[0]).toEqual(expect.objectContaining({ severity: 'critical', score: 9.8, method: 'CVSSv31' }));
    expect(v.affects).toHaveLength(1);
    expect(bom.vulnerabilities.find((x: any) => x.id === 'CVE-2023-0007').properties[0].name).toBe(
      'clair-scan:allowlisted',
    );
  });

  test('several images: each a top-level container with its packages nested; valid 1.6', async () => {
    const json = renderCycloneDx(sampleResult());
    expect(await validate(json)).toBeNull();
    const bom = JSON.parse(json);
    expect(bom.metadata.component).toBeUndefined();
    expect(bom.components.map((c: any) => [c.type, c.name])).toEqual([
      ['container', 'myorg/web'],
      ['container', 'tools/alpine-tool'],
    ]);
    expect(bom.components[1].components.filter((c: any) => c.type === 'library')).toHaveLength(3);
    // CVE-2024-0002 affects a package in each image.
    expect(bom.vulnerabilities.find((x: any) => x.id === 'CVE-2024-0002').affects).toHaveLength(2);
  });

  test("the streamed BOM (vulnerabilities normalized directly) is byte for byte the library serializer's, edge cases included", () => {
    const r = syntheticResult(60, 2);
    const v = r.images[0].vulnerabilities;
    v[0].links = ['https://a.example/x', 'https://b.example/[x]{y}', 'https://c.example/ok', 'ftp://no'];
    v[1].aliases = ['GHSA-aaaa-bbbb-cccc', 'GHSA-aaaa-bbbb-cccc', 'DSA-1-1'];
    v[1].links = ['https://x.example/GHSA-aaaa-bbbb-cccc'];
    v[2].description = '';
    v[2].issued = 'not a date';
    v[3].cvss = { score: 5 };
    v[4].cvss = { score: 6.1, vector: 'AV:N/AC:L/Au:N/C:P/I:N/A:N', version: '2.0' };
    v[5].cvss = { score: 9.3, vector: 'CVSS:4.0/AV:N' };
    v[6].allowlisted = { source: 'a.yaml:1', reason: 'why' };
    v[7].package = pkg('not-in-packages', '1.0'); // a vulnerable package the package list lacks
    v[8].links = [];
    v[8].updater = '';
    r.images[1].vulnerabilities[0].id = v[9].id; // one id in two images, one fixed, one not
    r.images[1].vulnerabilities[0].fixedIn = undefined;
    const empty: ScanResult = { ...r, images: [{ ...r.images[0], vulnerabilities: [] }] };
    for (const x of [r, empty, sampleResult(), syntheticResult(3000, 3)])
      expect([...cycloneDxReportChunks(x)].join('')).toBe(librarySerialized(x));
    // A package whose bom-ref is the distribution's: the library makes one of them unique (a random suffix), so
    // it normalizes everything then; equal but for that random part.
    const clash = { ...pkg('clash', '1.0'), purl: 'os:debian:12', kind: 'amd64' };
    const dup: ScanResult = { ...r, images: [{ ...r.images[0], packages: [...r.images[0].packages, clash] }] };
    const unrandom = (s: string): string => s.replace(/BomRef\.[0-9a-v.]+/g, 'BomRef.x');
    const streamed = [...cycloneDxReportChunks(dup)].join('');
    expect(streamed).toMatch(/BomRef\./);
    expect(unrandom(streamed)).toBe(unrandom(librarySerialized(dup)));
  });

  test('the validator rejects a broken BOM', async () => {
    const bom = JSON.parse(renderCycloneDx(sampleResult()));
    bom.components[0].type = 'spaceship';
    expect(await validate(JSON.stringify(bom))).not.toBeNull();
  });
});
