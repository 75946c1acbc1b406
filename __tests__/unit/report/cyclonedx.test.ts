import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { renderCycloneDx } from '../../../src/report/cyclonedx';
import { ScanResult } from '../../../src/findings/model';
import { sampleResult } from '../../helpers/model';

/* eslint-disable @typescript-eslint/no-explicit-any */
async function validate(json: string): Promise<unknown> {
  return new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(json);
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
    expect(bom.vulnerabilities.find((x: any) => x.id === 'CVE-2023-0007').properties[0].name).toBe('clair-scan:allowlisted');
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

  test('the validator rejects a broken BOM', async () => {
    const bom = JSON.parse(renderCycloneDx(sampleResult()));
    bom.components[0].type = 'spaceship';
    expect(await validate(JSON.stringify(bom))).not.toBeNull();
  });
});
