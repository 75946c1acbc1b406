/**
 * A compliance check is one object in one list (src/policy/compliance/index.ts): the verdict, batch mode's summary,
 * the resume fingerprint and the export choice all read it, so their names for a check cannot disagree.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkCompliance, COMPLIANCE_CHECKS, complianceReadsLayers, evaluatePolicy } from '../../../src/policy';
import { fingerprint, policyRules } from '../../../src/batch/run';
import { inputReader, parseCheckOptions, parseSettings, type Settings } from '../../../src/inputs/settings';
import { INPUTS, type InputDefinition } from '../../../src/inputs/definitions';
import { ClairScanError } from '../../../src/util/errors';
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

describe('a check is its file, its line in the list, and its input row', () => {
  const raw =
    (values: Record<string, string>) =>
    (name: string): string | undefined =>
      values[name];

  it('every input marked `check: true` belongs to exactly one check, and every check input is so marked', () => {
    const marked = INPUTS.filter((d) => d.check).map((d) => d.name);
    const claimed = COMPLIANCE_CHECKS.flatMap((c) => c.inputs);
    expect([...claimed].sort()).toEqual([...marked].sort());
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(marked).toEqual([
      'check-non-root',
      'check-secrets',
      'required-base-image',
      'base-image-public-key',
      'check-eol',
      'eol-data',
    ]);
  });

  it('a new row marked `check: true` reaches Settings.policy under its camelCase name, parsed by its type', () => {
    const rows: InputDefinition[] = [
      ...INPUTS,
      { name: 'check-example-2fa', group: 'policy', type: 'boolean', default: 'false', description: '', check: true },
      {
        name: 'example-max-age',
        group: 'policy',
        type: 'integer',
        min: 1,
        max: 9,
        default: '3',
        description: '',
        check: true,
      },
      { name: 'example-list', group: 'policy', type: 'list', default: '', description: '', check: true },
      { name: 'example-ref', group: 'policy', type: 'string', default: '', description: '', check: true },
      // Not a check's input: stays out of the check options.
      { name: 'example-other', group: 'policy', type: 'boolean', default: 'true', description: '' },
    ];
    const read = (values: Record<string, string>) => parseCheckOptions(inputReader(raw(values), rows), rows);
    expect(read({ 'check-example-2fa': 'yes', 'example-list': 'a, b\nc', 'example-ref': ' r.io/x:1 ' })).toEqual({
      checkNonRoot: false,
      checkSecrets: false,
      requiredBaseImage: undefined,
      baseImagePublicKey: undefined,
      checkEol: 'warn',
      eolData: undefined,
      checkExample2fa: true,
      exampleMaxAge: 3,
      exampleList: ['a', 'b', 'c'],
      exampleRef: 'r.io/x:1',
    });
    // A bad value is the usual input error, naming the input and what it takes.
    for (const [name, value, hint] of [
      ['check-example-2fa', 'maybe', 'set "check-example-2fa" to `true` or `false`.'],
      ['example-max-age', '10', 'set "example-max-age" to a whole number from 1 to 9.'],
    ]) {
      const err = (() => {
        try {
          read({ [name]: value });
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(err).toBeInstanceOf(ClairScanError);
      expect((err as ClairScanError).message).toBe(`input "${name}" has an invalid value "${value}"`);
      expect((err as ClairScanError).hint).toBe(hint);
    }
  });

  it('parseSettings puts the check options where the policy always had them (the resume fingerprint stays the same)', () => {
    const s = parseSettings(
      raw({
        image: 'a',
        'check-secrets': 'true',
        'required-base-image': 'r.io/base:1',
        'base-image-public-key': 'k.pub',
      }),
    );
    // Key order is part of the batch resume fingerprint (JSON of the policy): unchanged from before the checks' fields
    // were derived from the input table.
    expect(Object.keys(s.policy)).toEqual([
      'severityThreshold',
      'failOn',
      'ignoreUnfixed',
      'fail',
      'allowlists',
      'checkNonRoot',
      'checkSecrets',
      'requiredBaseImage',
      'baseImagePublicKey',
      // check-eol's inputs (issue 22): new keys, so a batch state of an older version (no EOL check) is not resumed.
      'checkEol',
      'eolData',
      'vex',
      'failOnNew',
      'policyFromBase',
      'kevData',
      'epssData',
    ]);
    expect(s.policy).toMatchObject({
      checkNonRoot: false,
      checkSecrets: true,
      requiredBaseImage: 'r.io/base:1',
      baseImagePublicKey: 'k.pub',
    });
    expect(COMPLIANCE_CHECKS.filter((c) => c.enabled(s.policy)).map((c) => c.label(s.policy))).toEqual([
      'check-secrets',
      'required-base-image: r.io/base:1, signed by the key in k.pub',
      // On by default (warn): it runs and reports, but is no rule of the gate (gatingChecks).
      'check-eol',
    ]);
  });
});
