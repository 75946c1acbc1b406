/**
 * A private CA and a server certificate it issued (subjectAltName IP 127.0.0.1, DNS localhost and any extra DNS names), made with the
 * openssl CLI in a temp dir of the test file (removed with the file's other temp dirs), and an https server with it.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { testTempDir } from './tmp';

export interface TestCa {
  dir: string;
  /** The CA certificate (PEM file). */
  caFile: string;
  /** The server certificate and key (PEM files), for 127.0.0.1 / localhost. */
  certFile: string;
  keyFile: string;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
}

/** A new CA (CN `name`) and a server certificate it signed, valid for a day. */
export function makeTestCa(name = 'clair-scan test CA', extraDnsNames: string[] = []): TestCa {
  const dir = testTempDir('cs-ca-');
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  openssl(
    [
      'req',
      '-x509',
      ...ec,
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '1',
      '-subj',
      `/CN=${name}`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  openssl(['req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1'], dir);
  fs.writeFileSync(
    path.join(dir, 'server.ext'),
    `subjectAltName=IP:127.0.0.1,DNS:localhost${extraDnsNames.map((n) => `,DNS:${n}`).join('')}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\nkeyUsage=digitalSignature\n`,
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'server.pem',
      '-days',
      '1',
      '-extfile',
      'server.ext',
    ],
    dir,
  );
  return {
    dir,
    caFile: path.join(dir, 'ca.pem'),
    certFile: path.join(dir, 'server.pem'),
    keyFile: path.join(dir, 'server.key'),
  };
}

/** An https server on `host` (default 127.0.0.1; a free port) with the CA's server certificate. */
export async function startHttpsServer(
  ca: TestCa,
  handler: RequestListener,
  host = '127.0.0.1',
): Promise<{ server: https.Server; port: number; close: () => Promise<void> }> {
  const server = https.createServer({ cert: fs.readFileSync(ca.certFile), key: fs.readFileSync(ca.keyFile) }, handler);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
