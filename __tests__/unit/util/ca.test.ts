/**
 * registry-ca-file (util/ca.ts): a PEM bundle added to the default CAs of clair-scan's HTTPS clients. Bad input is
 * exit 2 with a hint; a registry behind a private CA on loopback is spoken to over https (the TLS probe) and trusted
 * only with the CA; without it the error names the registry and the input. Real TLS: openssl-made certificates and
 * Node https servers on 127.0.0.1.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { request } from 'undici';
import { setLogger } from '../../../src/util/log';
import {
  caDispatcher,
  CA_INPUT,
  MAX_CA_BYTES,
  certificateFailure,
  loadCaBundle,
  speaksTls,
  trustedCas,
  untrustedCertificateError,
} from '../../../src/util/ca';
import { ClairScanError, EXIT_ERROR } from '../../../src/util/errors';
import { parseSettings } from '../../../src/inputs/settings';
import { resolveFromRegistry } from '../../../src/image/registry';
import { makeTestCa, startHttpsServer, type TestCa } from '../../helpers/test-ca';
import { removeTestTempDirs, testTempDir } from '../../helpers/tmp';
import { FakeRegistry, makeImage } from '../security/fake-registry';

let ca: TestCa;
let other: TestCa;
let dir: string;
beforeAll(() => {
  ca = makeTestCa('cs unit CA');
  other = makeTestCa('cs other CA');
  dir = testTempDir('cs-ca-input-');
});
afterAll(() => removeTestTempDirs());

function loadError(value: string): ClairScanError {
  try {
    loadCaBundle(value);
  } catch (err) {
    if (err instanceof ClairScanError) return err;
    throw err;
  }
  throw new Error(`loadCaBundle accepted ${value}`);
}

describe('loadCaBundle: what registry-ca-file accepts', () => {
  it('unset or blank is no bundle', () => {
    expect(loadCaBundle(undefined)).toBeUndefined();
    expect(loadCaBundle('  \n')).toBeUndefined();
  });

  it('a PEM file: its certificates and their subjects', () => {
    const two = path.join(dir, 'two.pem');
    fs.writeFileSync(
      two,
      `# comment lines are allowed\n${fs.readFileSync(ca.caFile, 'utf8')}\n${fs.readFileSync(other.caFile, 'utf8')}`,
    );
    const b = loadCaBundle(two);
    expect(b?.source).toBe(two);
    expect(b?.subjects).toEqual(['CN=cs unit CA', 'CN=cs other CA']);
    expect(b?.pems).toHaveLength(2);
    expect(b?.pems[0]).toBe(fs.readFileSync(ca.caFile, 'utf8').trim());
  });

  it("the PEM text itself (GitLab's ADDITIONAL_CA_CERT_BUNDLE holds the contents, not a path)", () => {
    const b = loadCaBundle(fs.readFileSync(ca.caFile, 'utf8'));
    expect(b).toMatchObject({ source: `${CA_INPUT} (PEM text)`, subjects: ['CN=cs unit CA'] });
  });

  it.each([
    [
      'a missing file',
      () => path.join(dir, 'nope.pem'),
      /input "registry-ca-file" names ".*nope\.pem", which does not exist/,
    ],
    ['a directory', () => dir, /which is not a file/],
    [
      'text that is not PEM',
      () => write('notpem.txt', 'hello\n'),
      /is not PEM: it has no -----BEGIN CERTIFICATE----- block/,
    ],
    ['an empty file', () => write('empty.pem', ''), /is not PEM/],
    ['a private key only', () => ca.keyFile, /holds no certificate, only PRIVATE KEY/],
    ['a DER certificate', () => write('ca.der', derOf(ca.caFile)), /looks like a DER \(binary\) certificate, not PEM/],
    [
      'a certificate block that does not parse',
      () => write('broken.pem', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'),
      /certificate 1 of 1 is not a valid X\.509 certificate/,
    ],
    [
      'PEM text without a certificate',
      () => '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
      /holds no certificate, only PUBLIC KEY/,
    ],
  ])('%s is exit 2 with a hint', (_what, value, message) => {
    const err = loadError(value());
    expect(err.message).toMatch(message);
    expect(err.exitCode).toBe(EXIT_ERROR);
    expect(err.hint).toMatch(/registry-ca-file|openssl/);
  });

  it('a file larger than 4 MiB is refused unread (no CA bundle is that large)', () => {
    const big = path.join(dir, 'big.pem');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, MAX_CA_BYTES + 1);
    expect(loadError(big).message).toMatch(/which is larger than 4 MiB: that is no CA bundle/);
  });

  it('a private key beside the certificates is not used, and said so', () => {
    const warnings: string[] = [];
    const previous = setLogger({
      info: () => undefined,
      warn: (m) => warnings.push(m),
      debug: () => undefined,
      mask: () => undefined,
    });
    try {
      const both = write('with-key.pem', `${fs.readFileSync(ca.caFile, 'utf8')}${fs.readFileSync(ca.keyFile, 'utf8')}`);
      expect(loadCaBundle(both)?.pems).toHaveLength(1);
      expect(warnings).toEqual([
        `${both} holds a private key, which is not used (a CA bundle needs only certificates): keep keys out of it.`,
      ]);
    } finally {
      setLogger(previous);
    }
  });

  it('parseSettings checks it before anything starts, and keeps the bundle with the registry settings', () => {
    const raw = (v: Record<string, string>) => (n: string) => v[n];
    expect(() => parseSettings(raw({ image: 'myapp:ci', 'registry-ca-file': path.join(dir, 'missing.pem') }))).toThrow(
      /registry-ca-file/,
    );
    const s = parseSettings(raw({ image: 'myapp:ci', 'registry-ca-file': ca.caFile }));
    expect(s.registry.ca?.subjects).toEqual(['CN=cs unit CA']);
    expect(parseSettings(raw({ image: 'myapp:ci' })).registry.ca).toBeUndefined();
  });
});

function write(name: string, content: string | Buffer): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, content);
  return f;
}

function derOf(pemFile: string): Buffer {
  const b64 = fs
    .readFileSync(pemFile, 'utf8')
    .replace(/-----[A-Z ]+-----/g, '')
    .replace(/\s+/g, '');
  return Buffer.from(b64, 'base64');
}

describe('trust: added to the defaults, never instead of them, never verification off', () => {
  it("trustedCas is Node's default store plus the bundle", () => {
    const b = loadCaBundle(ca.caFile)!;
    const all = trustedCas(b);
    for (const root of tls.rootCertificates) expect(all).toContain(root);
    expect(all.slice(-1)).toEqual(b.pems);
  });

  it('an https server of the private CA: untrusted by default (a clear error naming registry-ca-file), trusted with the bundle, not with another CA', async () => {
    const srv = await startHttpsServer(ca, (_q, r) => r.end('ok'));
    try {
      const url = `https://127.0.0.1:${srv.port}/`;
      const plain = await request(url).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(certificateFailure(plain)?.code).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
      const err = untrustedCertificateError(plain, 'the registry 127.0.0.1', undefined);
      expect(err?.message).toMatch(
        /^the registry 127\.0\.0\.1 presented a TLS certificate that is not trusted \(UNABLE_TO_VERIFY_LEAF_SIGNATURE/,
      );
      expect(err?.hint).toMatch(/registry-ca-file .*CLAIR_SCAN_REGISTRY_CA_FILE.*ADDITIONAL_CA_CERT_BUNDLE/);

      const res = await request(url, { dispatcher: caDispatcher(loadCaBundle(ca.caFile)) });
      expect(res.statusCode).toBe(200);
      expect(await res.body.text()).toBe('ok');

      const wrong = loadCaBundle(other.caFile)!;
      const refused = await request(url, { dispatcher: caDispatcher(wrong) }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(untrustedCertificateError(refused, 'the registry 127.0.0.1', wrong)?.hint).toMatch(
        /other\/ca\.pem|ca\.pem \(given in registry-ca-file\) does not hold the CA that issued this certificate/,
      );
    } finally {
      await srv.close();
    }
  });

  it('a wrong host name is named as such, not as a missing CA', async () => {
    const srv = await startHttpsServer(ca, (_q, r) => r.end('ok'), '127.0.0.2');
    try {
      const err = await request(`https://127.0.0.2:${srv.port}/`, {
        dispatcher: caDispatcher(loadCaBundle(ca.caFile)),
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      // 127.0.0.2 is loopback too (all of 127/8 is), but the certificate names 127.0.0.1 and localhost only.
      expect(untrustedCertificateError(err, 'x', undefined)?.hint).toMatch(/not issued for this host name/);
    } finally {
      await srv.close();
    }
  });

  it('other errors are not called certificate problems', () => {
    expect(
      untrustedCertificateError(
        Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
        'x',
        undefined,
      ),
    ).toBeUndefined();
  });
});

describe('speaksTls: which scheme a loopback registry gets', () => {
  it('true for a TLS server, false for plain HTTP, a closed port and a server that never answers (bounded)', async () => {
    const srv = await startHttpsServer(ca, (_q, r) => r.end('ok'));
    const plain = http.createServer((_q, r) => r.end('ok'));
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
    // Accepts and never answers (nor reads: its sockets are destroyed at the end).
    const muted: net.Socket[] = [];
    const mute = net.createServer((sock) => void muted.push(sock));
    await new Promise<void>((r) => mute.listen(0, '127.0.0.1', r));
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const closedPort = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    try {
      expect(await speaksTls('127.0.0.1', srv.port)).toBe(true);
      expect(await speaksTls('127.0.0.1', (plain.address() as net.AddressInfo).port)).toBe(false);
      expect(await speaksTls('127.0.0.1', closedPort)).toBe(false);
      expect(await speaksTls('127.0.0.1', (mute.address() as net.AddressInfo).port, 300)).toBe(false);
    } finally {
      await srv.close();
      plain.closeAllConnections();
      await new Promise<void>((r) => plain.close(() => r()));
      for (const sock of muted) sock.destroy();
      await new Promise<void>((r) => mute.close(() => r()));
    }
  });
});

describe('a registry behind a private CA on 127.0.0.1', () => {
  let reg: FakeRegistry;
  let srv: Awaited<ReturnType<typeof startHttpsServer>>;
  let host: string;
  beforeAll(async () => {
    reg = new FakeRegistry(await makeImage({ 'etc/os-release': 'ID=debian\nVERSION_ID="12"\n' }));
    // The fake registry's handler behind TLS.
    srv = await startHttpsServer(ca, (q, r) =>
      (reg as unknown as { handle(q: http.IncomingMessage, r: http.ServerResponse): void }).handle(q, r),
    );
    host = `127.0.0.1:${srv.port}`;
  });
  afterAll(() => srv.close());

  it('is read over https with registry-ca-file (the loopback TLS probe picks https)', async () => {
    const img = await resolveFromRegistry(`${host}/team/app:1.0`, { insecure: false, ca: loadCaBundle(ca.caFile) });
    expect(img.info.manifestDigest).toBe(reg.image.manifestDigest);
    const layer = await img.layers[0].open();
    const chunks: Buffer[] = [];
    for await (const c of layer) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(reg.image.layer)).toBe(true);
  });

  it('without it: a TLS error naming the registry and registry-ca-file, exit 2', async () => {
    const err = await resolveFromRegistry(`${host}/team/app:1.0`, { insecure: false }).then(
      () => undefined,
      (e: unknown) => e as ClairScanError,
    );
    expect(err).toBeInstanceOf(ClairScanError);
    expect(err?.message).toBe(
      `the registry ${host} (https://${host}) presented a TLS certificate that is not trusted (UNABLE_TO_VERIFY_LEAF_SIGNATURE: unable to verify the first certificate)`,
    );
    expect(err?.hint).toMatch(/registry-ca-file/);
    expect(err?.exitCode).toBe(EXIT_ERROR);
  });

  it('with another CA: the error says the bundle lacks the issuer', async () => {
    const err = await resolveFromRegistry(`${host}/team/app:1.0`, {
      insecure: false,
      ca: loadCaBundle(other.caFile),
    }).then(
      () => undefined,
      (e: unknown) => e as ClairScanError,
    );
    expect(err?.hint).toBe(
      `${other.caFile} (given in registry-ca-file) does not hold the CA that issued this certificate: add that CA (and any intermediate the server does not send) to it. It is added to the default CAs; verification is never turned off.`,
    );
  });

  it('a plain-HTTP loopback registry is still read over HTTP', async () => {
    const plain = await new FakeRegistry(reg.image).start();
    try {
      const img = await resolveFromRegistry(`${plain.host}/team/app:1.0`, {
        insecure: false,
        ca: loadCaBundle(ca.caFile),
      });
      expect(img.info.manifestDigest).toBe(reg.image.manifestDigest);
    } finally {
      await plain.stop();
    }
  });
});
