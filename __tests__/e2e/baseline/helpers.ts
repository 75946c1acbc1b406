/**
 * Shared by the baseline / VEX end-to-end tests: the fixture images `base:1` and `derived:1` (scripts/fixtures/
 * FIXTURES.md: derived = base + one layer; base has CVE-2099-1002 High and CVE-2099-1003 Medium on zlib1g, derived
 * adds CVE-2099-3001 Medium on requests) tagged under ONE test image name, so a finding's stable key (image name
 * without tag + package + vulnerability) is the same in both; and the CLI run in-process as a user runs it
 * (`runCli`, flags only, a clean environment), its stdout/stderr captured and its run id read from the log.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../../src/cli';
import { loadTestEnv } from '../../helpers/testenv';
import { testTempDir } from '../../helpers/tmp';
import { BUNDLE, docker, fixture, leftoverContainers, leftoverTempDirs } from '../scan/helpers';

export const SEVERITY_ZERO = { Critical: 0, High: 0, Medium: 0, Low: 0, Negligible: 0, Unknown: 0 };
export const counts = (c: Partial<typeof SEVERITY_ZERO>): typeof SEVERITY_ZERO => ({ ...SEVERITY_ZERO, ...c });

/** The test image name (one per test file) with its two tags: `:base` = base:1, `:pr` = derived:1. */
export interface TestImages {
  name: string;
  base: string;
  pr: string;
  /** Keys of the three findings under this name. */
  keys: { zlibHigh: string; zlibMedium: string; requests: string };
  /** Removes the tags (the fixture images keep theirs). */
  remove(): void;
}

export function tagTestImages(label: string): TestImages {
  const name = `localhost/clair-scan-e2e-${label}/app-${randomBytes(4).toString('hex')}`;
  const base = `${name}:base`;
  const pr = `${name}:pr`;
  docker('tag', fixture('base'), base);
  docker('tag', fixture('derived'), pr);
  return {
    name,
    base,
    pr,
    keys: {
      zlibHigh: `${name}|zlib1g|CVE-2099-1002`,
      zlibMedium: `${name}|zlib1g|CVE-2099-1003`,
      requests: `${name}|python:usr/local/lib/python3.11/dist-packages|requests|CVE-2099-3001`,
    },
    remove: () => {
      for (const ref of [base, pr]) {
        try {
          docker('rmi', ref);
        } catch {
          /* already gone */
        }
      }
    },
  };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  runId?: string;
  outDir: string;
  /** A report by file name in the output dir (parsed when it is JSON). */
  file(name: string): string;
  json<T = any>(name?: string): T; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Flags pointing the CLI at the local test images and the fixture data; never pulls. */
export function commonFlags(outDir: string): string[] {
  const env = loadTestEnv();
  return [
    '--clair-image',
    env.clairImage,
    '--postgres-image',
    env.postgresImage,
    '--pull',
    'never',
    '--vuln-data',
    BUNDLE,
    '--output-dir',
    outDir,
  ];
}

/** What a shell gives the CLI: no CLAIR_SCAN_* or CI variables of the test runner's environment. */
function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const k of ['PATH', 'HOME', 'LANG', 'TMPDIR', 'DOCKER_HOST']) if (process.env[k]) env[k] = process.env[k];
  return { ...env, ...extra };
}

/**
 * `clair-scan <args>` in-process (src/cli.ts runCli, the code the bundled CLI runs), with the common flags and a
 * fresh output dir; checks afterwards that the run left no container and no temp dir.
 */
export async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const outDir = testTempDir('cs-e2e-baseline-out-');
  let stdout = '';
  let stderr = '';
  const out = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((c: string | Uint8Array) => ((stdout += String(c)), true));
  const err = jest
    .spyOn(process.stderr, 'write')
    .mockImplementation((c: string | Uint8Array) => ((stderr += String(c)), true));
  let code: number;
  try {
    code = await runCli([...commonFlags(outDir), ...args], cleanEnv(env));
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const runId = /^Run ([a-z0-9-]+) \(if this process is killed/m.exec(stderr)?.[1];
  if (runId) {
    expect(leftoverContainers(runId)).toEqual([]);
    expect(leftoverTempDirs(runId)).toEqual([]);
  }
  return {
    code,
    stdout,
    stderr,
    runId,
    outDir,
    file: (name) => fs.readFileSync(path.join(outDir, name), 'utf8'),
    json: (name = 'clair-scan-result.json') => JSON.parse(fs.readFileSync(path.join(outDir, name), 'utf8')),
  };
}

/** A copy of a run's clair-scan-result.json in its own temp dir (what a later run is given as `--baseline`). */
export function keepResult(run: CliRun, label: string): string {
  const file = path.join(testTempDir(`cs-e2e-baseline-${label}-`), 'clair-scan-result.json');
  fs.copyFileSync(path.join(run.outDir, 'clair-scan-result.json'), file);
  return file;
}

/** "id severity package baselineState allowlisted-reason" per vulnerability of the (single) image, sorted. */
export function stateLines(result: {
  images: { vulnerabilities: { id: string; severity: string; package: { name: string }; baselineState?: string }[] }[];
}): string[] {
  return result.images[0].vulnerabilities
    .map((v) => `${v.id} ${v.severity} ${v.package.name} ${v.baselineState ?? '-'}`)
    .sort();
}
