/**
 * Compliance checks against the real fixture images in the Docker daemon (scripts/fixtures/build.sh),
 * exported through the Engine API like a scan does. Needs Docker and the fixture images; no Clair.
 */
import { rmSync } from 'node:fs';
import { DockerClient } from '../../../src/environment/docker';
import { newRunId, RunState } from '../../../src/environment/run-state';
import { resolveFromDaemon } from '../../../src/image/docker-daemon';
import type { ResolvedImage } from '../../../src/image/types';
import { checkCompliance, evaluatePolicy } from '../../../src/policy';
import type { Settings } from '../../../src/inputs/settings';
import type { ScanResult } from '../../../src/findings/model';
import { RESULT_SCHEMA_VERSION } from '../../../src/findings/model';

const { secretValues } = require('../../../scripts/fixtures/secret-material.js') as {
  secretValues(): Record<string, string>;
};

// The e2e project's testTimeout is not applied by jest to per-project configs; set it here.
jest.setTimeout(600_000);

const FIX = 'localhost/clair-scan-fixture';
const docker = new DockerClient(process.env.DOCKER_HOST);
const state: RunState = { runId: newRunId(), tempDirs: [] };
const opened: ResolvedImage[] = [];

async function resolve(ref: string): Promise<ResolvedImage> {
  const img = await resolveFromDaemon(docker, ref, state);
  opened.push(img);
  return img;
}

function pol(over: Partial<Settings['policy']>): Settings['policy'] {
  return { ignoreUnfixed: false, fail: true, allowlists: [], checkNonRoot: false, checkSecrets: false, ...over };
}

afterAll(async () => {
  for (const img of opened) await img.close();
  for (const d of state.tempDirs) rmSync(d, { recursive: true, force: true });
});

describe('compliance checks on fixture images', () => {
  it('secret: finds the fake credentials of layer 2 although layer 3 deleted them; never prints a value', async () => {
    const img = await resolve(`${FIX}/secret:1`);
    const notes: string[] = [];
    const findings = await checkCompliance(img, pol({ checkSecrets: true }), resolve, { notes });
    const got = findings.map((f) => `${f.rule} ${f.path}`).sort();
    expect(got).toEqual(
      [
        'secret/ssh-private-key-file /app/.ssh/id_rsa',
        'secret/private-key /app/.ssh/id_rsa',
        'secret/aws-credentials-file /app/.aws/credentials',
        'secret/aws-access-key-id /app/.aws/credentials',
        'secret/npmrc-token /app/.npmrc',
      ].sort(),
    );
    for (const f of findings) {
      expect(f.layer).toBe(img.info.layers[1].diffId);
      expect(f.message).toContain("deleted later (layer 3) but is still in the image's history");
    }
    const json = JSON.stringify(findings);
    for (const raw of Object.values(secretValues())) {
      // The PEM armour ("-----BEGIN RSA PRIVATE KEY-----") is not secret; the key body is.
      const value = raw.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
      for (let i = 0; i + 8 <= value.length; i += 4) expect(json.includes(value.slice(i, i + 8))).toBe(false);
    }
    expect(notes[0]).toMatch(/^secrets check: \d+ files in 3 layers; content of \d+ text files scanned/);

    const result: ScanResult = {
      schemaVersion: RESULT_SCHEMA_VERSION,
      tool: { name: 'clair-scan', version: 'test' },
      clair: { ephemeral: true },
      startedAt: '',
      finishedAt: '',
      images: [{ image: img.info, distributions: [], packages: [], vulnerabilities: [], compliance: findings, notes }],
    };
    const verdict = await evaluatePolicy(result, pol({ checkSecrets: true }));
    expect(verdict.status).toBe('fail');
    expect(verdict.reasons[0]).toMatch(/^5 compliance findings \(check-secrets\): /);
  });

  it('clean has no secrets and runs as root; nonroot does not', async () => {
    const clean = await resolve(`${FIX}/clean:1`);
    expect(
      (await checkCompliance(clean, pol({ checkSecrets: true, checkNonRoot: true }), resolve)).map((f) => f.rule),
    ).toEqual(['non-root']);
    const nonroot = await resolve(`${FIX}/nonroot:1`);
    expect(nonroot.info.user).toBe('10001:10001');
    expect(await checkCompliance(nonroot, pol({ checkSecrets: true, checkNonRoot: true }), resolve)).toEqual([]);
  });

  it('required base image: derived is built on base, not-derived is not', async () => {
    const derived = await resolve(`${FIX}/derived:1`);
    expect(await checkCompliance(derived, pol({ requiredBaseImage: `${FIX}/base:1` }), resolve)).toEqual([]);
    const notDerived = await resolve(`${FIX}/not-derived:1`);
    const f = await checkCompliance(notDerived, pol({ requiredBaseImage: `${FIX}/base:1` }), resolve);
    expect(f.map((x) => x.rule)).toEqual(['required-base-image']);
    expect(f[0].message).toMatch(/layer 1 differs|the base image has \d+ layers but the image has only/);
  });

  it('large: the ~300 MiB layer streams through; big binary file skipped, no false positives', async () => {
    const img = await resolve(`${FIX}/large:1`);
    const notes: string[] = [];
    const findings = await checkCompliance(img, pol({ checkSecrets: true }), resolve, { notes });
    expect(findings).toEqual([]);
    expect(notes[0]).toMatch(/ [1-9]\d* files over 1 MiB/);
  });
});
