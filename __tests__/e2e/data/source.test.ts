/**
 * The vuln-data hook (src/data/source.ts → prepareVulnData, called by the ephemeral environment before
 * importBundle): `oci://` snapshots pulled from the real test registry into a private temp dir of the run that
 * the run's cleanup removes; a snapshot older than vuln-data-max-age used with a warning naming its age (log and
 * notes) when it cannot be refreshed; a corrupt snapshot refused with exit 2.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { prepareVulnData } from '../../../src/data/source';
import { UNAUTHENTICATED_NOTE } from '../../../src/data/signing';
import { ociPush } from '../../../src/data/oci';
import { manifestPathFor, writeSnapshot } from '../../../src/data/snapshot';
import { cleanupRun } from '../../../src/environment/cleanup';
import { newRunId, RunState } from '../../../src/environment/run-state';
import { ClairScanError } from '../../../src/util/errors';
import { setLogger } from '../../../src/util/log';
import { loadTestEnv } from '../../helpers/testenv';
import { BUNDLE, leftoverTempDirs } from '../scan/helpers';

const reg = loadTestEnv().registry;
const auth = { username: reg.username, password: reg.password, insecure: false };
let dir: string;
let state: RunState;
let warnings: string[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-e2e-data-source-'));
  state = { runId: newRunId(), tempDirs: [] };
  warnings = [];
  setLogger({ info: () => undefined, warn: (m) => warnings.push(m), debug: () => undefined, mask: () => undefined });
});
afterEach(async () => {
  await cleanupRun(state);
  expect(leftoverTempDirs(state.runId)).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});

async function snapshot(createdAt: Date): Promise<string> {
  const file = path.join(dir, 'clair-data.json.gz');
  await writeSnapshot(Readable.from([zlib.gzipSync(fs.readFileSync(BUNDLE))]), file, {
    updaterSets: ['debian', 'alpine', 'osv'],
    createdAt,
  });
  return file;
}

const input = (vulnData: string, vulnDataMaxAge = '') => ({
  vulnData,
  vulnDataMaxAge,
  registry: auth,
  dataTimeoutSec: 60,
});

describe('prepareVulnData', () => {
  it('online stays online; a fresh file is used as it is', async () => {
    expect(await prepareVulnData(input('online', '1h'), state)).toEqual({ bundle: 'online', notes: [] });
    const file = await snapshot(new Date());
    const p = await prepareVulnData(input(file, '24h'), state);
    expect(p.bundle).toBe(file);
    // Without vuln-data-public-key: the one thing said is that nobody verified the data (scanImage logs it).
    expect(p.notes).toEqual([UNAUTHENTICATED_NOTE]);
    expect(warnings).toEqual([]);
    // Counted by the verification pass: importBundle needs no pass of its own to know there are no ranges.
    expect(p.rangeRecords).toBe(0);
  });

  it("oci:// is pulled into a private temp dir of the run, which the run's cleanup removes", async () => {
    const file = await snapshot(new Date());
    const ref = `oci://${reg.address}/clair-scan-test/source-${randomBytes(4).toString('hex')}:latest`;
    await ociPush(ref, file, auth);
    const p = await prepareVulnData(input(ref, '24h'), state);
    expect(p.bundle.startsWith(path.join(os.tmpdir(), `clair-scan-${state.runId}-vuln-data-`))).toBe(true);
    expect(fs.readFileSync(p.bundle)).toEqual(fs.readFileSync(file));
    expect(p.rangeRecords).toBe(0);
    expect((fs.statSync(path.dirname(p.bundle)).mode & 0o777).toString(8)).toBe('700');
    expect(leftoverTempDirs(state.runId)).toHaveLength(1);
  });

  it('older than vuln-data-max-age and nothing to refresh with: used, with a warning naming its age in the log and the notes', async () => {
    const createdAt = new Date(Date.now() - 50 * 3600_000);
    const file = await snapshot(createdAt);
    const p = await prepareVulnData(input(file, '24h'), state);
    expect(p.bundle).toBe(file);
    expect(p.notes).toHaveLength(2);
    expect(p.notes[1]).toBe(UNAUTHENTICATED_NOTE);
    expect(p.notes[0]).toMatch(
      new RegExp(
        `is 2 d 2 h old \\(created ${createdAt.toISOString().replace(/\./g, '\\.')}\\), older than vuln-data-max-age \\(24 h\\); no Clair to refresh it with\\. It was used anyway`,
      ),
    );
    expect(warnings).toEqual(p.notes.slice(0, 1));
  });

  it("a bare bundle: its age comes from its updaters' dates", async () => {
    const p = await prepareVulnData(input(BUNDLE, '1h'), state);
    expect(p.bundle).toBe(BUNDLE);
    expect(p.ageMs).toBeGreaterThan(0);
    expect(p.notes.join('')).toMatch(
      /older than vuln-data-max-age \(1 h\); no Clair to refresh it with\. It was used anyway/,
    );
  });

  it('a corrupt snapshot is an error (exit 2), and a bad max-age names the input', async () => {
    const file = await snapshot(new Date());
    fs.truncateSync(file, fs.statSync(file).size - 20);
    const err = await prepareVulnData(input(file), state).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClairScanError);
    expect((err as ClairScanError).message).toMatch(
      /is corrupt: its size \(\d+ bytes\) does not match the manifest \(\d+ bytes\): it is truncated or was changed/,
    );
    fs.rmSync(manifestPathFor(file));
    const err2 = await prepareVulnData(input(file), state).catch((e: unknown) => e);
    expect((err2 as ClairScanError).message).toMatch(/is corrupt: its gzip data is damaged or truncated/);
    await expect(prepareVulnData(input(file, 'tomorrow'), state)).rejects.toThrow(
      /input "vuln-data-max-age" has an invalid value "tomorrow"/,
    );
  });
});
