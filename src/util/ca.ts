/**
 * Private CAs for clair-scan's own HTTPS clients (registries and their token services, `vuln-data` URLs,
 * database-image lookups, `data info --remote`): `registry-ca-file` — a PEM bundle (a path, or the PEM text itself as
 * GitLab's ADDITIONAL_CA_CERT_BUNDLE holds it) ADDED to Node's default CAs, never replacing them. A CA bundle only
 * ever adds trust for certificates it issued: nothing here turns verification off (plain HTTP is the separate,
 * explicit `registry-insecure`).
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as tls from 'node:tls';
import { X509Certificate } from 'node:crypto';
import type { Dispatcher } from 'undici';
import { outboundDispatcher } from './proxy';
import { ClairScanError, errorMessage } from './errors';
import { log } from './log';

/** The input's name (action, `--registry-ca-file`, `CLAIR_SCAN_REGISTRY_CA_FILE`). */
export const CA_INPUT = 'registry-ca-file';

/** Where the input is set, for hints. */
export const CA_INPUT_HINT =
  'registry-ca-file (CLI: --registry-ca-file or CLAIR_SCAN_REGISTRY_CA_FILE; GitLab template: ADDITIONAL_CA_CERT_BUNDLE)';

/** Largest CA bundle read (the whole Mozilla store is about 220 KiB). */
export const MAX_CA_BYTES = 4 << 20;

export interface CaBundle {
  /** Where it came from, for messages: the file path, or `registry-ca-file (PEM text)`. */
  source: string;
  /** The certificates, one PEM block each. */
  pems: string[];
  /** Their subjects, for the log. */
  subjects: string[];
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/**
 * Reads and checks `registry-ca-file`: '' → undefined; a missing or unreadable file, text that is not PEM, a PEM
 * without a certificate, or a certificate that does not parse → ClairScanError (exit 2) naming the input.
 */
export function loadCaBundle(value: string | undefined, input = CA_INPUT): CaBundle | undefined {
  const v = (value ?? '').trim();
  if (!v) return undefined;
  const fix = `give ${input} the path of a PEM file with the CA certificate(s) that issued your registry's certificate (-----BEGIN CERTIFICATE----- blocks), or that PEM text itself.`;
  const fail = (what: string, hint = fix): never => {
    throw new ClairScanError(`input "${input}" ${what}`, { hint });
  };
  let text: string;
  let source: string;
  if (v.includes('-----BEGIN ')) {
    text = v;
    source = `${input} (PEM text)`;
  } else {
    source = v;
    let st: fs.Stats;
    try {
      st = fs.statSync(v);
    } catch (err) {
      return fail(
        `names "${v}", which ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read (${errorMessage(err)})`}`,
      );
    }
    if (!st.isFile()) return fail(`names "${v}", which is not a file`);
    if (st.size > MAX_CA_BYTES)
      return fail(`names "${v}", which is larger than ${MAX_CA_BYTES >> 20} MiB: that is no CA bundle`);
    let raw: Buffer;
    try {
      raw = fs.readFileSync(v);
    } catch (err) {
      return fail(`names "${v}", which cannot be read (${errorMessage(err)})`);
    }
    // DER (binary) starts with an ASN.1 SEQUENCE; PEM is text.
    if (raw[0] === 0x30 && !raw.includes('-----BEGIN ')) {
      return fail(
        `("${v}") looks like a DER (binary) certificate, not PEM`,
        `convert it with \`openssl x509 -inform der -in ${v} -out ca.pem\` and give ${input} the PEM file.`,
      );
    }
    text = raw.toString('utf8');
  }
  const pems: string[] = [];
  const others = new Set<string>();
  for (const m of text.matchAll(PEM_BLOCK)) {
    if (m[1] === 'CERTIFICATE') pems.push(m[0]);
    else others.add(m[1]);
  }
  if (pems.length === 0) {
    return fail(
      others.size
        ? `(${source}) holds no certificate, only ${[...others].join(', ')}`
        : `(${source}) is not PEM: it has no -----BEGIN CERTIFICATE----- block`,
      others.has('TRUSTED CERTIFICATE')
        ? `convert it with \`openssl x509 -in FILE -out ca.pem\` (a plain CERTIFICATE block), then ${fix}`
        : fix,
    );
  }
  if ([...others].some((o) => /PRIVATE KEY/.test(o)))
    log.warn(
      `${source} holds a private key, which is not used (a CA bundle needs only certificates): keep keys out of it.`,
    );
  const subjects: string[] = [];
  const now = Date.now();
  pems.forEach((pem, i) => {
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(pem);
    } catch (err) {
      return fail(
        `(${source}): certificate ${i + 1} of ${pems.length} is not a valid X.509 certificate (${errorMessage(err)})`,
      );
    }
    const subject = cert.subject.replace(/\n/g, ', ');
    subjects.push(subject);
    if (Date.parse(cert.validTo) < now)
      log.warn(
        `${source}: the CA certificate "${subject}" expired on ${cert.validTo}; certificates it issued are not trusted.`,
      );
  });
  return { source, pems, subjects };
}

/** Node's default CAs: its bundled store, plus NODE_EXTRA_CA_CERTS (which an explicit `ca` list would otherwise drop). */
function defaultCas(): string[] {
  const get = (tls as { getCACertificates?: (kind: string) => string[] }).getCACertificates;
  if (get) return get('default');
  const extra: string[] = [];
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (file) {
    try {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(PEM_BLOCK)) if (m[1] === 'CERTIFICATE') extra.push(m[0]);
    } catch {
      // Node itself warned about an unreadable NODE_EXTRA_CA_CERTS at start.
    }
  }
  return [...tls.rootCertificates, ...extra];
}

/** The CA list a TLS client trusts with `ca`: the defaults and the bundle's certificates. */
export function trustedCas(ca: CaBundle): string[] {
  return [...defaultCas(), ...ca.pems];
}

const agents = new WeakMap<CaBundle, Dispatcher>();

/**
 * The undici dispatcher for requests that trust `ca` too (one per bundle), through the environment's proxy if one
 * is set (util/proxy.ts); undefined: undici's global dispatcher (the proxy's, once installProxy ran).
 */
export function caDispatcher(ca: CaBundle | undefined): Dispatcher | undefined {
  if (!ca) return undefined;
  let agent = agents.get(ca);
  if (!agent) agents.set(ca, (agent = outboundDispatcher({ ca: trustedCas(ca) }) as Dispatcher));
  return agent;
}

/** OpenSSL's and Node's codes for a certificate that failed verification. */
const CERT_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'INVALID_CA',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The certificate-verification failure in `err` (or its causes), if that is what it is. */
export function certificateFailure(err: unknown): { code: string; message: string } | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && CERT_CODES.has(code)) return { code, message: errorMessage(e) };
  }
  return undefined;
}

/**
 * A clear error for a TLS certificate `what` (e.g. `the registry 127.0.0.1:5000`) presented that is not trusted,
 * naming registry-ca-file; undefined when `err` is something else.
 */
export function untrustedCertificateError(
  err: unknown,
  what: string,
  ca: CaBundle | undefined,
): ClairScanError | undefined {
  const f = certificateFailure(err);
  if (!f) return undefined;
  let hint: string;
  if (f.code === 'CERT_HAS_EXPIRED' || f.code === 'CERT_NOT_YET_VALID')
    hint =
      "the certificate is outside its validity period (check its dates and this machine's clock); renew it on the server.";
  else if (f.code === 'ERR_TLS_CERT_ALTNAME_INVALID')
    hint =
      'the certificate is not issued for this host name: use the name (or IP address) the certificate names, or reissue it with that name in its subjectAltName.';
  else if (ca)
    hint = `${ca.source} (given in ${CA_INPUT}) does not hold the CA that issued this certificate: add that CA (and any intermediate the server does not send) to it. It is added to the default CAs; verification is never turned off.`;
  else
    hint = `if the server's certificate is issued by a private CA, give that CA's certificate (PEM) in ${CA_INPUT_HINT}: it is added to the default CAs. Verification is never turned off (plain HTTP is registry-insecure, a separate switch).`;
  return new ClairScanError(`${what} presented a TLS certificate that is not trusted (${f.code}: ${f.message})`, {
    hint,
    cause: err,
  });
}

/**
 * Whether something at host:port completes a TLS handshake (certificate not checked: this only picks the scheme,
 * the request that follows verifies). Bounded in time; refused, reset, timed out or not TLS → false.
 */
export function speaksTls(host: string, port: number, timeoutMs = 3000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tls.connect({
      host,
      port,
      rejectUnauthorized: false,
      servername: net.isIP(host) ? undefined : host,
      ALPNProtocols: ['http/1.1'],
    });
    const done = (ok: boolean): void => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    timer.unref();
    socket.once('secureConnect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('close', () => done(false));
  });
}
