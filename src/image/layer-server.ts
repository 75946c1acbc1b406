/**
 * Serves image layers to Clair over HTTP, streamed from wherever the image source keeps them (spool file,
 * registry). Paths carry a random token, so nobody else on the network can read the image; the server binds
 * one address only (the one Clair reaches us by), never all interfaces.
 */
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
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

export async function startLayerServer(opts: { bindHost: string; port?: number; advertiseHost?: string }): Promise<LayerServer> {
  const token = randomBytes(16).toString('hex');
  const layers = new Map<string, ImageLayer>();
  const sockets = new Set<Socket>();
  let served = 0;
  const server = http.createServer((req, res) => {
    const m = /^\/([0-9a-f]{32})\/layers\/(sha256:[0-9a-f]{64})$/.exec(req.url ?? '');
    const layer = m && m[1] === token ? layers.get(m[2]) : undefined;
    if (!layer || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404).end();
      return;
    }
    // No Content-Encoding: Clair hashes the raw bytes and sniffs the compression itself (clair-v4.md §5).
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/octet-stream' };
    if (layer.size !== undefined) headers['content-length'] = layer.size;
    if (req.method === 'HEAD') {
      res.writeHead(200, headers).end();
      return;
    }
    layer
      .open()
      .then(async (stream) => {
        res.writeHead(200, headers);
        stream.on('data', (c: Buffer) => (served += c.length));
        await pipeline(stream, res);
      })
      .catch((err) => {
        log.debug(`layer ${layer.digest} could not be served: ${errorMessage(err)}`);
        if (!res.headersSent) res.writeHead(502).end();
        else res.destroy();
      });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) =>
      reject(
        new ClairScanError(`the layer server cannot listen on ${formatHostPort(opts.bindHost, opts.port ?? 0)}: ${errorMessage(err)}`, {
          hint: 'set layer-server-address to an address of this machine (and a free port) that Clair can reach.',
        }),
      ),
    );
    server.listen(opts.port ?? 0, opts.bindHost, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const base = `http://${formatHostPort(opts.advertiseHost ?? opts.bindHost, port)}/${token}/layers/`;
  log.debug(`layer server on ${formatHostPort(opts.bindHost, port)}`);
  return {
    publish(list) {
      const urls = new Map<string, string>();
      for (const l of list) {
        layers.set(l.digest, l);
        urls.set(l.digest, base + l.digest);
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
