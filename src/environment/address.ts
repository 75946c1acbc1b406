/**
 * Addresses, found rather than asked for: the field's most common failure was a scanner whose own IP had to
 * be typed in by hand and was wrong inside docker-in-docker.
 *
 * - Our address as seen by Clair = the local address the kernel picks for a connection to where Clair runs
 *   (the Docker daemon's host, or the host of `clair-url`). Loopback for a local daemon.
 * - Where an ephemeral Clair listens = loopback of the daemon's host for a local daemon; for a remote daemon
 *   (dind) the daemon host's own address that we reach it by, since its loopback is not ours.
 */
import * as net from 'node:net';
import * as dns from 'node:dns/promises';
import { ClairScanError, errorMessage } from '../util/errors';
import type { DockerEndpoint } from './docker';

export async function localAddressTowards(host: string, port: number, timeoutMs = 10000): Promise<string> {
  const ip = await resolveHost(host);
  if (isLoopback(ip)) return ip.includes(':') ? '::1' : '127.0.0.1';
  return new Promise<string>((resolve, reject) => {
    const sock = net.connect({ host: ip, port });
    const timer = setTimeout(() => {
      sock.destroy();
      reject(
        new ClairScanError(
          `could not connect to ${host}:${port} to find the local address it reaches us by (timed out)`,
          {
            hint: 'check that the host is reachable, or set layer-server-address to an address of this machine that the Clair host can reach.',
          },
        ),
      );
    }, timeoutMs);
    sock.once('connect', () => {
      clearTimeout(timer);
      const addr = sock.localAddress ?? '';
      sock.destroy();
      resolve(addr.replace(/^::ffff:/, ''));
    });
    sock.once('error', (err) => {
      clearTimeout(timer);
      reject(
        new ClairScanError(
          `could not connect to ${host}:${port} to find the local address it reaches us by: ${errorMessage(err)}`,
          {
            hint: 'check that the host is reachable, or set layer-server-address to an address of this machine that the Clair host can reach.',
          },
        ),
      );
    });
  });
}

async function resolveHost(host: string): Promise<string> {
  if (net.isIP(host)) return host;
  try {
    return (await dns.lookup(host)).address;
  } catch (err) {
    throw new ClairScanError(`cannot resolve host name "${host}": ${errorMessage(err)}`, {
      hint: 'check the host name in docker-host / clair-url.',
    });
  }
}

function isLoopback(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.') || ip === 'localhost' || ip.startsWith('::ffff:127.');
}

/** Where our layer server must listen so that Clair, running near `endpoint`, can fetch from it. */
export async function layerServerAddressFor(endpoint: DockerEndpoint): Promise<string> {
  if (!endpoint.tcp) return '127.0.0.1';
  return localAddressTowards(endpoint.tcp.host, endpoint.tcp.port);
}

/** Where an ephemeral Clair on `endpoint`'s host must listen so that we can reach it. */
export async function clairListenAddressFor(endpoint: DockerEndpoint): Promise<string> {
  if (!endpoint.tcp) return '127.0.0.1';
  const ip = await resolveHost(endpoint.tcp.host);
  return isLoopback(ip) ? '127.0.0.1' : ip;
}

/** A free TCP port on this machine's loopback (used for a local daemon, which shares our network). */
export async function freeLocalPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address() as net.AddressInfo;
      srv.close(() => resolve(addr.port));
    });
  });
}

/** A port for a service on a remote daemon's host, where we cannot probe: random in a high range, retried on conflict. */
export function randomPort(): number {
  return 20000 + Math.floor(Math.random() * 25000);
}

export function formatHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
