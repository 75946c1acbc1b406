/**
 * A compliance check is one object in one list (src/policy/compliance/index.ts): the verdict, batch mode's summary,
 * the resume fingerprint and the export choice all read it, so their names for a check cannot disagree.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkCompliance, COMPLIANCE_CHECKS, complianceReadsLayers, evaluatePolicy } from '../../../src/policy';
import { fingerprint, policyRules } from '../../../src/batch/run';
import type { Settings } from '../../../src/inputs/settings';
import type { ResolvedImage } from '../../../src/image/types';
import { imageResult, policy, scanResult } from '../../helpers/model';
import { makeTar, memoryImage } from '../../helpers/layers';
import { removeTestTempDirs, testTempDir } from '../../helpers/tmp';

afterAll(() => removeTestTempDirs());

const PEM_LINE = ['-----BEGIN', 'RSA PRIVATE KEY-----'].join(' ');

function batchSettings(p: Settings['policy']): Settings {
  return { policy: p, vulnData: 'online', clairUrl: undefined, reports: { formats: ['json'] } } as unknown as Settings;
}

describe('one object per compliance check', () => {
  it('batch mode names the compliance rules exactly as the verdict does (every check on, a signed base)', async () => {
    const p = policy({
      checkNonRoot: true,
      checkSecrets: true,
      requiredBaseImage: 'registry:r.io/base:1',
      baseImagePublicKey: '/keys/base.pub',
      severityThreshold: undefined,
    });
    const verdict = await evaluatePolicy(scanResult([]), p, new Date('2026-01-01T00:00:00Z'));
    expect(verdict.rules).toEqual([
      'check-non-root',
      'check-secrets',
      'required-base-image: registry:r.io/base:1, signed by the key in /keys/base.pub',
    ]);
    expect(policyRules(batchSettings(p))).toEqual(verdict.rules);
  });

  it('a resumed batch does not reuse results checked against another key at the same path', () => {
    const key = path.join(testTempDir('cs-unit-checks-'), 'base.pub');
    fs.writeFileSync(key, 'first key');
    const p = policy({ requiredBaseImage: 'registry:r.io/base:1', baseImagePublicKey: key });
    const before = fingerprint(batchSettings(p));
    expect(fingerprint(batchSettings(p))).toBe(before);
    fs.writeFileSync(key, 'second key');
    expect(fingerprint(batchSettings(p))).not.toBe(before);
    // Without a key the fingerprint is what it always was (state files of earlier runs still resume).
    expect(fingerprint(batchSettings(policy()))).toBe(
      fingerprint(batchSettings(policy({ baseImagePublicKey: undefined }))),
    );
  });

  it('each finding a check produces is owned by that check alone; the gate names it by that check', async () => {
    const img = memoryImage([{ tar: await makeTar([{ name: 'k.pem', content: `${PEM_LINE}\nabc\n` }]) }], {
      user: 'root',
    });
    const p = policy({ checkNonRoot: true, checkSecrets: true, severityThreshold: undefined });
    const findings = await checkCompliance(img, p, async (): Promise<ResolvedImage> => {
      throw new Error('not called');
    });
    expect(findings.map((f) => f.rule)).toEqual(['non-root', 'secret/private-key']);
    for (const f of findings) expect(COMPLIANCE_CHECKS.filter((c) => c.owns(f.rule))).toHaveLength(1);
    const verdict = await evaluatePolicy(
      scanResult([imageResult(img.info, [], findings)]),
      p,
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(verdict.reasons).toEqual([
      '1 compliance finding (check-non-root): non-root in myorg/app:1.0',
      '1 compliance finding (check-secrets): secret/private-key at /k.pem in myorg/app:1.0',
    ]);
  });

  it('whether an enabled check reads the layers (a known image must then be exported anyway)', () => {
    expect(complianceReadsLayers(policy())).toBe(false);
    expect(complianceReadsLayers(policy({ checkNonRoot: true }))).toBe(false);
    expect(complianceReadsLayers(policy({ checkSecrets: true }))).toBe(true);
    expect(complianceReadsLayers(policy({ requiredBaseImage: 'r.io/base:1' }))).toBe(true);
  });
});
