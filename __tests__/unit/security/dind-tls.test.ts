/**
 * The GitLab template talks to docker:dind over TLS by default (a plain-TCP daemon gives root to anything on the
 * service network that reaches it), documents the least-privilege note token, and a missing client-certificate
 * directory is a clear ClairScanError that says what to configure — not a raw ENOENT.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { DockerClient } from '../../../src/environment/docker';
import { ClairScanError } from '../../../src/util/errors';

const TEMPLATE = path.join(__dirname, '../../../templates/clair-scan.gitlab-ci.yml');

test("the template's dind mode talks to dind over TLS with the client certificates dind writes; the default mode needs no daemon", () => {
  const text = fs.readFileSync(TEMPLATE, 'utf8');
  const jobs = parse(text) as Record<
    string,
    { extends?: string; variables: Record<string, string>; services?: unknown[] }
  >;
  // Dind is opt-in (`extends: .clair-scan-dind`), and when chosen it is TLS by default.
  expect(jobs['.clair-scan-dind'].variables).toMatchObject({
    DOCKER_HOST: 'tcp://docker:2376',
    DOCKER_TLS_CERTDIR: '/certs',
    DOCKER_TLS_VERIFY: '1',
    DOCKER_CERT_PATH: '/certs/client',
  });
  // The default (services mode) has no Docker daemon to reach at all: no dind service, no DOCKER_HOST.
  expect(jobs['clair-scan'].extends).toBe('.clair-scan-services');
  expect(JSON.stringify(jobs['.clair-scan-services'])).not.toMatch(/dind|DOCKER_HOST/);
  expect(jobs['clair-scan'].variables).not.toHaveProperty('DOCKER_HOST');
  // The header says how to share the certificates, and what the note token should be and where to keep it.
  expect(text).toMatch(/volumes = \["\/certs\/client"\]/);
  expect(text).toMatch(/PROJECT access token/);
  expect(text).toMatch(/Reporter/);
  expect(text).toMatch(/scope `api`/);
  expect(text).toMatch(/MASKED and PROTECTED/);
});

describe('DOCKER_CERT_PATH without the client files', () => {
  const saved = { ...process.env };
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dind-tls-'));
  });
  afterEach(() => {
    process.env = { ...saved };
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['a directory that does not exist', (d: string) => path.join(d, 'missing')],
    ['an empty directory (dind has not written the files, or the runner does not share them)', (d: string) => d],
  ])('%s: a ClairScanError naming the file and what to set', (_what, certDir) => {
    process.env.DOCKER_TLS_VERIFY = '1';
    process.env.DOCKER_CERT_PATH = certDir(dir);
    let err: unknown;
    try {
      new DockerClient('tcp://127.0.0.1:2376');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ClairScanError);
    const e = err as ClairScanError;
    expect(e.message).toContain(path.join(certDir(dir), 'ca.pem'));
    expect(e.message).toContain('DOCKER_CERT_PATH');
    expect(e.hint).toMatch(/\/certs\/client/);
    expect(e.hint).toMatch(/2375/);
  });
});
