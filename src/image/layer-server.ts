/**
 * Serves image layers to Clair over HTTP, streamed from wherever the image source keeps them (spool file,
 * registry). Each path is `/<server token>/layers/<random id of the layer>`: nobody else on the network can
 * guess one, knowing one layer's URL gives no other layer, and the digest is not in it. Tokens and ids are
 * compared in constant time. The server binds one address only (the one Clair reaches us by), never all
 * interfaces, and caps concurrent connections. It is plain HTTP: see docs/SECURITY.md, "Layer server".
 */
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { ClairScanError, errorMessage } from '../util/errors';
import { log } from '../util/log';
import type { ImageLayer } from './types';
import { formatHostPort } from '../environment/address';

export interface LayerServer {
  /** Registers layers; returns the URL Clair should fetch each one from (by digest). */
  publish(layers: ImageLayer[]): Map<string, string>;
  unpublish(layers: ImageLayer[]): void;
  /** Bytes served so far (for benchmarks). */
  bytesServed(): number;
  close(): Promise<void>;
}

/** Concurrent connections the layer server accepts by default (Clair fetches a handful of layers at a time). */
export const DEFAULT_MAX_CONNECTIONS = 64;

/** Constant-time comparison of a decoded secret with the expected one. */
function sameSecret(given: Buffer, secret: Buffer): boolean {
  return given.length === secret.length && timingSafeEqual(given, secret);
}

/** `layer-server-address` (`host`, `host:port`, `[v6]:port`) as the server's bind options. */
export function parseBindAddress(text: string): { bindHost: string; port?: number } {
  const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(text);
  if (!m)
    throw new ClairScanError(`layer-server-address "${text}" is not host or host:port`, {
      hint: 'e.g. 10.0.0.5 or 10.0.0.5:8080.',
    });
  return { bindHost: m[1], port: m[2] ? Number(m[2]) : undefined };
}

export async function startLayerServer(opts: {
  bindHost: string;
  port?: number;
  advertiseHost?: string;
  maxConnections?: number;
}): Promise<LayerServer> {
  const token = randomBytes(16);
  /** By digest: the layer and its random id (one per published digest). */
  const layers = new Map<string, { id: Buffer; layer: ImageLayer }>();
  const sockets = new Set<Socket>();
  let served = 0;
  const server = http.createServer((req, res) => {
    const m = /^\/([0-9a-f]{32})\/layers\/([0-9a-f]{32})$/.exec(req.url ?? '');
    let layer: ImageLayer | undefined;
    if (m && sameSecret(Buffer.from(m[1], 'hex'), token)) {
      // The id decoded once, compared with every published one (a batch publishes tens at a time).
      const id = Buffer.from(m[2], 'hex');
      for (const entry of layers.values()) if (sameSecret(id, entry.id)) layer = entry.layer;
    }
    if (!layer || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404).end();
      return;
    }
    const found = layer;
    // No Content-Encoding: Clair hashes the raw bytes and sniffs the compression itself (clair-v4.md §5).
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/octet-stream' };
    if (found.size !== undefined) headers['content-length'] = found.size;
    if (req.method === 'HEAD') {
      res.writeHead(200, headers).end();
      return;
    }
    const failed = (err: unknown): void => {
      log.debug(`layer ${found.digest} could not be served: ${errorMessage(err)}`);
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    };
    found.open().then((stream) => {
      // pipe with both ends handled, not stream.pipeline: its abort signal made an AbortError (with a stack) per
      // layer served. A read error cuts the response (Clair sees it short of its length); Clair gone ends the read.
      stream.on('error', failed);
      res.on('close', () => stream.destroy());
      res.writeHead(200, headers);
      stream.on('data', (c: Buffer) => (served += c.length));
      stream.pipe(res);
    }, failed);
  });
  // Connections beyond the cap are closed at once (node's `drop`).
  server.maxConnections = opts.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  server.on('drop', () => log.debug('layer server: a connection over the limit was refused'));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) =>
      reject(
        new ClairScanError(
          `the layer server cannot listen on ${formatHostPort(opts.bindHost, opts.port ?? 0)}: ${errorMessage(err)}`,
          {
            hint: 'set layer-server-address to an address of this machine (and a free port) that Clair can reach.',
          },
        ),
      ),
    );
    server.listen(opts.port ?? 0, opts.bindHost, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const base = `http://${formatHostPort(opts.advertiseHost ?? opts.bindHost, port)}/${token.toString('hex')}/layers/`;
  log.debug(`layer server on ${formatHostPort(opts.bindHost, port)}`);
  return {
    publish(list) {
      const urls = new Map<string, string>();
      for (const l of list) {
        const entry = layers.get(l.digest) ?? { id: randomBytes(16), layer: l };
        layers.set(l.digest, entry);
        urls.set(l.digest, base + entry.id.toString('hex'));
      }
      return urls;
    },
    unpublish(list) {
      for (const l of list) layers.delete(l.digest);
    },
    bytesServed: () => served,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
