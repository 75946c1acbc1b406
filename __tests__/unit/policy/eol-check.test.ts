/**
 * check-eol (issue 22): the lookup of a distribution in the end-of-life table, the finding and notes, its inputs, and
 * how the gate treats it (warn reports, fail gates, allowlists apply).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readEolBytes, type EolTable } from '../../../src/data/eol';
import {
  checkEndOfLife,
  eolCheck,
  eolMode,
  findEolRelease,
  isEndOfLife,
  matchCycle,
  requireEolTable,
} from '../../../src/policy/compliance/eol';
import { evaluatePolicy, validatePolicy } from '../../../src/policy';
import { policyRules } from '../../../src/batch/run';
import type { Settings } from '../../../src/inputs/settings';
import type { Distribution } from '../../../src/findings/model';
import { ClairScanError } from '../../../src/util/errors';
import {
  ALPINE as ALPINE_DIST,
  DEBIAN as DEBIAN_DIST,
  imageInfo,
  imageResult,
  policy,
  scanResult,
} from '../../helpers/model';
import { memoryImage } from '../../helpers/layers';
import { removeTestTempDirs, testTempDir } from '../../helpers/tmp';

afterAll(() => removeTestTempDirs());

// Entries as endoflife.date's v0 API publishes them.
const DEBIAN = [
  { cycle: '13', codename: 'Trixie', releaseDate: '2025-08-09', eol: '2028-08-09', latest: '13.6', lts: false },
  { cycle: '12', codename: 'Bookworm', releaseDate: '2023-06-10', eol: '2026-06-10', latest: '12.15', lts: false },
  { cycle: '11', codename: 'Bullseye', releaseDate: '2021-08-14', eol: '2024-08-14', latest: '11.11', lts: false },
];
const UBUNTU = [
  { cycle: '24.04', codename: 'Noble Numbat', lts: true, eol: '2029-05-31' },
  { cycle: '22.04', codename: 'Jammy Jellyfish', lts: true, eol: '2027-06-01' },
];
const ALPINE = [
  { cycle: '3.2', eol: '2017-05-01' },
  { cycle: '3.19', eol: '2025-11-01' },
  { cycle: '3.1', eol: '2016-11-01' },
];
const RHEL = [
  { cycle: '10', eol: '2035-05-31' },
  { cycle: '9', eol: '2032-05-31' },
];
const PHOTON = [
  { cycle: '5.0', eol: false },
  { cycle: '3.0', eol: true },
];

function doc(products: Record<string, unknown>): Buffer {
  return Buffer.from(JSON.stringify({ source: 'https://endoflife.date/api/', date: '2026-12-01', products }));
}

describe('findEolRelease: os-release ID and VERSION_ID to a product and cycle', () => {
  const table: EolTable = readEolBytes(
    doc({
      debian: DEBIAN,
      ubuntu: UBUNTU,
      'alpine-linux': ALPINE,
      rhel: RHEL,
      photon: PHOTON,
      'amazon-linux': [
        { cycle: '2023', eol: '2029-06-30' },
        { cycle: '2', eol: '2026-06-30' },
        { cycle: '2018.03', eol: '2023-12-31' },
      ],
      'oracle-linux': [{ cycle: '9', eol: '2032-06-30' }],
      sles: [
        { cycle: '15.2', eol: '2021-12-31' },
        { cycle: '15.7', eol: '2031-07-31' },
      ],
      'centos-stream': [{ cycle: '9', eol: '2027-05-31' }],
      centos: [{ cycle: '7', eol: '2024-06-30' }],
    }),
    'x',
  );
  const find = (did: string, versionId: string, more: Record<string, string> = {}): string | undefined => {
    const m = findEolRelease(table, { did, versionId, ...more });
    return m && `${m.product} ${m.release.cycle}`;
  };

  it('maps each distribution to its endoflife.date product', () => {
    expect(find('debian', '12')).toBe('debian 12');
    expect(find('ubuntu', '22.04')).toBe('ubuntu 22.04');
    expect(find('alpine', '3.19.1')).toBe('alpine-linux 3.19');
    // As Clair reports Alpine: VERSION_ID empty, the release in VERSION.
    expect(find('alpine', '', { version: '3.19', prettyName: 'Alpine Linux v3.19' })).toBe('alpine-linux 3.19');
    expect(find('ubuntu', '', { version: '22.04 (Jammy)' })).toBe('ubuntu 22.04');
    expect(find('rhel', '9.4')).toBe('rhel 9');
    expect(find('amzn', '2023')).toBe('amazon-linux 2023');
    expect(find('amzn', '2')).toBe('amazon-linux 2');
    expect(find('amzn', '2018.03')).toBe('amazon-linux 2018.03');
    expect(find('ol', '9.3')).toBe('oracle-linux 9');
    expect(find('photon', '3.0')).toBe('photon 3.0');
    expect(find('centos', '7')).toBe('centos 7');
    expect(find('centos', '9', { name: 'CentOS Stream' })).toBe('centos-stream 9');
  });

  it('takes the longest cycle that prefixes VERSION_ID at a dot boundary', () => {
    // 3.1 and 3.19 both start "3.1": only 3.19 ends at a dot boundary of 3.19.1.
    expect(find('alpine', '3.19.1')).toBe('alpine-linux 3.19');
    expect(find('alpine', '3.1.4')).toBe('alpine-linux 3.1');
    expect(find('alpine', '3.10.2')).toBeUndefined();
    expect(find('debian', '1')).toBeUndefined();
    expect(find('debian', '120')).toBeUndefined();
    expect(
      matchCycle(
        [
          { cycle: '15', eol: true },
          { cycle: '15.2', eol: false },
        ],
        '15.2.1',
      )?.cycle,
    ).toBe('15.2');
  });

  it("reads SLES's service pack when VERSION_ID is only the major release", () => {
    expect(find('sles', '15.2')).toBe('sles 15.2');
    expect(find('sles', '15', { prettyName: 'SUSE Linux Enterprise Server 15 SP2' })).toBe('sles 15.2');
    expect(find('sles', '15', { version: '15-SP7' })).toBe('sles 15.7');
    expect(find('sles', '15')).toBeUndefined();
  });

  it('an older product name the site still answers to is found too', () => {
    const old = readEolBytes(doc({ alpine: ALPINE }), 'x');
    expect(findEolRelease(old, { did: 'alpine', versionId: '3.19.1' })?.product).toBe('alpine');
  });

  it('an OS or release not in the table is undefined (a note, not a finding)', () => {
    expect(find('wolfi', '20230201')).toBeUndefined();
    expect(find('fedora', '40')).toBeUndefined();
    expect(find('ubuntu', '20.04')).toBeUndefined();
    expect(find('__proto__', '1')).toBeUndefined();
    expect(find('debian', '')).toBeUndefined();
  });

  it('isEndOfLife: on or after the eol date, or eol true; never for eol false', () => {
    const deb12 = table.products.get('debian')![1];
    expect(isEndOfLife(deb12, '2026-06-09')).toBe(false);
    expect(isEndOfLife(deb12, '2026-06-10')).toBe(true);
    expect(isEndOfLife(deb12, '2026-12-06')).toBe(true);
    expect(isEndOfLife({ cycle: '3.0', eol: true }, '2000-01-01')).toBe(true);
    expect(isEndOfLife({ cycle: '5.0', eol: false }, '2999-01-01')).toBe(false);
  });
});

const dist = (over: Partial<Distribution>): Distribution => ({ ...DEBIAN_DIST, ...over });
// Debian 12 past its end of life (2026-06-10) by this table, RHEL 9 not (2099); Photon OS is not in it.
const TABLE = readEolBytes(
  doc({ debian: DEBIAN, rhel: [{ cycle: '9', eol: '2099-05-31' }], 'alpine-linux': ALPINE }),
  'fixture.json',
);
const RHEL9 = dist({
  id: '3',
  did: 'rhel',
  name: 'Red Hat Enterprise Linux',
  version: '9.4 (Plow)',
  versionId: '9.4',
  versionCodeName: '',
  prettyName: 'Red Hat Enterprise Linux 9.4 (Plow)',
});
const PHOTON3 = dist({
  id: '4',
  did: 'photon',
  name: 'VMware Photon OS',
  version: '3.0',
  versionId: '3.0',
  versionCodeName: '',
  prettyName: 'VMware Photon OS/Linux',
});
const DEBIAN12_MESSAGE =
  'Debian GNU/Linux 12 (bookworm) (release debian 12 (Bookworm)) reached its end of life on 2026-06-10: it gets no ' +
  'security updates and no new vulnerability data, so no new findings means no data, not a clean image. Rebuild the ' +
  'image on a supported release of the OS, or allowlist rule "eol" for this image with a reason. Source: the ' +
  'end-of-life table of 2026-12-01 (https://endoflife.date/api/).';

describe('checkEndOfLife: the finding and the notes of one image', () => {
  it('an end-of-life release is one High `eol` finding with the release, its date and what no data means', () => {
    const r = checkEndOfLife('myorg/app', [DEBIAN_DIST], TABLE, '2026-12-06');
    expect(r).toEqual({
      findings: [
        {
          kind: 'compliance',
          key: 'myorg/app|eol|debian|12',
          rule: 'eol',
          title: 'End-of-life OS: Debian GNU/Linux 12 (bookworm)',
          message: DEBIAN12_MESSAGE,
          severity: 'High',
        },
      ],
      notes: [],
    });
  });

  it('the day before its eol date it is not end of life; on the date it is', () => {
    expect(checkEndOfLife('a', [DEBIAN_DIST], TABLE, '2026-06-09').findings).toEqual([]);
    expect(checkEndOfLife('a', [DEBIAN_DIST], TABLE, '2026-06-10').findings).toHaveLength(1);
  });

  it('a supported release is nothing; a release the table does not list is a note, not a finding', () => {
    expect(checkEndOfLife('a', [RHEL9], TABLE, '2026-12-06')).toEqual({ findings: [], notes: [] });
    expect(checkEndOfLife('a', [PHOTON3], TABLE, '2026-12-06')).toEqual({
      findings: [],
      notes: [
        'End of life not checked for VMware Photon OS/Linux 3.0 (ID "photon", VERSION_ID "3.0"): the end-of-life table of 2026-12-01 (https://endoflife.date/api/) does not list this release.',
      ],
    });
    expect(checkEndOfLife('a', [], TABLE, '2026-12-06').notes).toEqual([
      'End of life not checked: Clair recognised no OS release in the image (no os-release).',
    ]);
  });

  it('eol true without a date; the same release twice is one finding', () => {
    const t = readEolBytes(doc({ 'alpine-linux': [{ cycle: '3.19', eol: true }] }), 'x');
    const r = checkEndOfLife('a', [ALPINE_DIST, { ...ALPINE_DIST, id: '9' }], t, '2000-01-01');
    expect(r.findings.map((f) => [f.key, f.title])).toEqual([
      ['a|eol|alpine-linux|3.19', 'End-of-life OS: Alpine Linux v3.19'],
    ]);
    expect(r.findings[0].message).toMatch(
      /^Alpine Linux v3\.19 \(release alpine-linux 3\.19\) is past its end of life: /,
    );
  });

  it("a table's source is shown on one line, bounded", () => {
    const t = readEolBytes(
      Buffer.from(
        JSON.stringify({
          source: `https://m.example/\n# x ${'y'.repeat(300)}`,
          date: '2026-12-01',
          products: { debian: DEBIAN },
        }),
      ),
      'x',
    );
    const msg = checkEndOfLife('a', [DEBIAN_DIST], t, '2026-12-06').findings[0].message;
    expect(
      msg.endsWith(
        `Source: the end-of-life table of 2026-12-01 (${`https://m.example/ # x ${'y'.repeat(300)}`.slice(0, 120)}).`,
      ),
    ).toBe(true);
  });

  it('hostile os-release text stays text: no prototype lookup, the values quoted in the note', () => {
    const long = dist({ prettyName: `Debian\n## injected\r\n${'x'.repeat(500)}` });
    const title = checkEndOfLife('a', [long], TABLE, '2026-12-06').findings[0].title;
    expect(title).toBe(`End-of-life OS: Debian ## injected ${'x'.repeat(120 - 'Debian ## injected '.length)} 12`);
    const evil = dist({ did: '__proto__', versionId: 'constructor', prettyName: '', name: '', version: '' });
    expect(checkEndOfLife('a', [evil], TABLE, '2026-12-06')).toEqual({
      findings: [],
      notes: [
        'End of life not checked for __proto__ constructor (ID "__proto__", VERSION_ID "constructor"): the end-of-life table of 2026-12-01 (https://endoflife.date/api/) does not list this release.',
      ],
    });
  });
});

describe('eolCheck: its inputs and its run', () => {
  const img = memoryImage([], { name: 'myorg/app', ref: 'myorg/app:1.0' });
  const resolve = async (): Promise<never> => {
    throw new Error('not called');
  };

  it('check-eol: off | warn | fail; a hand-written policy without it is off; anything else is refused', () => {
    expect(eolMode(policy())).toBe('off');
    expect(eolMode(policy({ checkEol: 'WARN' }))).toBe('warn');
    expect(eolCheck.enabled(policy({ checkEol: 'off' }))).toBe(false);
    expect(eolCheck.enabled(policy({ checkEol: 'warn' }))).toBe(true);
    expect(eolCheck.gates?.(policy({ checkEol: 'warn' }))).toBe(false);
    expect(eolCheck.gates?.(policy({ checkEol: 'fail' }))).toBe(true);
    expect(eolCheck.readsLayers).toBe(false);
    expect(() => eolCheck.validate?.(policy({ checkEol: 'true' }))).toThrow(
      'check-eol: "true" is not one of off, warn, fail',
    );
  });

  it('fail with no table (eol-data nor a member of the data) is exit 2 with a hint; warn, off or a table pass', async () => {
    const err = (() => {
      try {
        requireEolTable(policy({ checkEol: 'fail' }), undefined);
      } catch (e) {
        return e as ClairScanError;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(ClairScanError);
    expect(err!.message).toBe(
      'check-eol: fail needs an end-of-life table, but no eol-data was given and the vulnerability data carries none',
    );
    expect(err!.exitCode).toBe(2);
    expect(err!.hint).toMatch(/^give eol-data an end-of-life table/);
    expect(() => requireEolTable(policy({ checkEol: 'fail' }), TABLE)).not.toThrow();
    expect(() => requireEolTable(policy({ checkEol: 'warn' }), undefined)).not.toThrow();
    expect(() => requireEolTable(policy({ checkEol: 'off' }), undefined)).not.toThrow();
    // The preflight does not refuse an empty eol-data: the vulnerability data may carry the table.
    await expect(validatePolicy(policy({ checkEol: 'fail' }))).resolves.toBeUndefined();
  });

  it('runs on the distributions the context gives (no layer is opened), its notes into the context', async () => {
    const notes: string[] = [];
    const found = await eolCheck.run(img, policy({ checkEol: 'warn' }), {
      resolveImage: resolve,
      notes,
      distributions: [DEBIAN_DIST, PHOTON3],
      eol: TABLE,
    });
    expect(found.map((f) => f.message)).toEqual([DEBIAN12_MESSAGE]);
    expect(found[0].key).toBe('myorg/app|eol|debian|12');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^End of life not checked for VMware Photon OS\/Linux 3\.0 /);
    expect(img.opened).toBe(0);
  });

  it('no table: warn notes that it was not checked; fail never passes silently', async () => {
    const notes: string[] = [];
    const ctx = { resolveImage: resolve, notes, distributions: [DEBIAN_DIST] };
    expect(await eolCheck.run(img, policy({ checkEol: 'warn' }), ctx)).toEqual([]);
    expect(notes).toEqual([
      'End of life not checked (no eol-data): give eol-data an end-of-life table to check the OS release.',
    ]);
    await expect(eolCheck.run(img, policy({ checkEol: 'fail', eolData: 'x' }), ctx)).rejects.toThrow(
      'check-eol: fail, but no end-of-life table was loaded',
    );
  });
});

describe('the gate: warn reports, fail gates, allowlists apply', () => {
  const info = imageInfo();
  const finding = () => checkEndOfLife(info.name, [DEBIAN_DIST], TABLE, '2026-12-06').findings;
  const batch = (p: Settings['policy']): Settings =>
    ({ policy: p, vulnData: 'online', reports: { formats: ['json'] } }) as unknown as Settings;

  it('warn: the High finding is neither counted nor a rule, so the severity threshold passes', async () => {
    const p = policy({ checkEol: 'warn', severityThreshold: 'High' });
    const r = scanResult([imageResult(info, [], finding())]);
    const v = await evaluatePolicy(r, p, new Date('2026-12-06T00:00:00Z'));
    expect(v.status).toBe('pass');
    expect(v.reasons).toEqual([]);
    expect(v.rules).toEqual(['severity-threshold: high']);
    expect(v.counted.High).toBe(0);
    expect(policyRules(batch(p))).toEqual(v.rules);
    expect(r.images[0].compliance).toHaveLength(1);
  });

  it('fail: the finding fails the gate, named by check-eol', async () => {
    const p = policy({ checkEol: 'fail', eolData: 'eol.json' });
    const v = await evaluatePolicy(scanResult([imageResult(info, [], finding())]), p, new Date('2026-12-06T00:00:00Z'));
    expect(v.status).toBe('fail');
    expect(v.rules).toEqual(['check-eol']);
    expect(v.reasons).toEqual(['1 compliance finding (check-eol): eol in myorg/app:1.0']);
    expect(policyRules(batch(p))).toEqual(v.rules);
  });

  it('fail: an allowlist entry for rule eol covers it, and the gate passes', async () => {
    const file = path.join(testTempDir('cs-unit-eol-'), 'allow.yaml');
    fs.writeFileSync(file, 'allowlist:\n  - id: eol\n    reason: Debian 12 LTS until the migration\n');
    const r = scanResult([imageResult(info, [], finding())]);
    const v = await evaluatePolicy(r, policy({ checkEol: 'fail', eolData: 'e', allowlists: [file] }), new Date());
    expect(v.status).toBe('pass');
    expect(r.images[0].compliance[0].allowlisted).toEqual({
      source: `${file}:2`,
      reason: 'Debian 12 LTS until the migration',
    });
  });
});
