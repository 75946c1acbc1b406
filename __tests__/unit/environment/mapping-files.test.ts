/**
 * Red Hat mapping files given as inputs (rhel-repo2cpe, rhel-name2repos) are checked before Clair starts: Clair
 * reads them once at start and a bad one stops it with a bare JSON error. A file that is not the mapping is exit 2
 * naming the input, with where to download Red Hat's file; a compressed file (Clair reads gzip/zstd) passes.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { validateName2reposFile, validateRepo2cpeFile } from '../../../src/environment/clair-container';
import { ClairScanError } from '../../../src/util/errors';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-unit-mapping-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(content: string | Buffer): string {
  const f = path.join(dir, `mapping-${++n}.json`);
  fs.writeFileSync(f, content);
  return f;
}

function errorOf(fn: () => void): ClairScanError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ClairScanError);
    return err as ClairScanError;
  }
  throw new Error('the file was accepted but should not have been');
}

const NAME2REPOS_URL = 'https://security.access.redhat.com/data/metrics/container-name-repos-map.json';

describe('validateName2reposFile (rhel-name2repos)', () => {
  it.each([
    [
      "Red Hat's shape",
      {
        data: {
          'openshift4/ose-cli': ['openshift4/ose-cli', 'openshift4/ose-cli-rhel9'],
          'toolbox-container': ['rhel8/toolbox', 'ubi8/toolbox'],
        },
      },
    ],
    ['an empty mapping', { data: {} }],
    ['a name with no repositories', { data: { 'openshift4/ose-cli': [] } }],
    ['other top-level keys beside data', { data: { a: ['b'] }, generated: '2026-11-26' }],
  ])('accepts %s', (_what, doc) => {
    expect(() => validateName2reposFile(file(JSON.stringify(doc)))).not.toThrow();
  });

  it('accepts a gzip-compressed file (Clair decompresses it) without reading it', () => {
    expect(() => validateName2reposFile(file(gzipSync('not even JSON')))).not.toThrow();
  });

  it.each([
    [
      'a repository-to-CPE mapping (the other Red Hat file)',
      { data: { 'rhel-9-for-x86_64-baseos-rpms': { cpes: ['cpe:/o:redhat:enterprise_linux:9::baseos'] } } },
    ],
    ['a name mapped to one string, not a list', { data: { 'openshift4/ose-cli': 'openshift4/ose-cli-rhel9' } }],
    ['a list with a non-string', { data: { 'openshift4/ose-cli': ['openshift4/ose-cli', 7] } }],
    ['an empty repository name', { data: { 'openshift4/ose-cli': [''] } }],
    ['no data key', { 'openshift4/ose-cli': ['openshift4/ose-cli'] }],
    ['data as a list', { data: [['openshift4/ose-cli']] }],
    ['null', null],
  ])('refuses %s: exit 2 naming the input and the expected shape, with where to download it', (_what, doc) => {
    const f = file(JSON.stringify(doc));
    const err = errorOf(() => validateName2reposFile(f));
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe(
      `rhel-name2repos file "${f}" is not a container name-to-repositories mapping ({"data": {"<name label>": ["<repository>", …]}})`,
    );
    expect(err.hint).toBe(`download Red Hat's mapping (${NAME2REPOS_URL}) and give its path in rhel-name2repos.`);
  });

  it('refuses a file that is not JSON, and one that cannot be read', () => {
    const bad = file('{"data": {');
    const notJson = errorOf(() => validateName2reposFile(bad));
    expect([notJson.exitCode, notJson.message]).toEqual([
      2,
      expect.stringMatching(
        new RegExp(`^rhel-name2repos file "${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" is not JSON: `),
      ),
    ]);
    expect(notJson.hint).toContain(NAME2REPOS_URL);
    const missing = path.join(dir, 'missing.json');
    const unreadable = errorOf(() => validateName2reposFile(missing));
    expect([unreadable.exitCode, unreadable.message]).toEqual([
      2,
      expect.stringContaining(`rhel-name2repos file "${missing}" cannot be read: `),
    ]);
  });
});

describe('validateRepo2cpeFile (rhel-repo2cpe), after sharing the checks', () => {
  it('accepts the repository-to-CPE shape and refuses a name-to-repositories mapping, naming its own input', () => {
    expect(() =>
      validateRepo2cpeFile(
        file(
          JSON.stringify({
            data: { 'rhel-9-for-x86_64-baseos-rpms': { cpes: ['cpe:/o:redhat:enterprise_linux:9::baseos'] } },
          }),
        ),
      ),
    ).not.toThrow();
    const f = file(JSON.stringify({ data: { 'openshift4/ose-cli': ['openshift4/ose-cli'] } }));
    const err = errorOf(() => validateRepo2cpeFile(f));
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe(
      `rhel-repo2cpe file "${f}" is not a repository-to-CPE mapping ({"data": {"<repoid>": {"cpes": ["cpe:/…"]}}})`,
    );
    expect(err.hint).toBe(
      "download Red Hat's mapping (https://security.access.redhat.com/data/metrics/repository-to-cpe.json) and give its path in rhel-repo2cpe.",
    );
  });
});
