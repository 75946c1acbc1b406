/**
 * Security: the layer server's paths are a server token plus a random id per layer (no digest), secrets are
 * compared with crypto.timingSafeEqual, and concurrent connections are capped.
 */
import crypto from 'node:crypto';
import * as http from 'node:http';
import * as net from 'node:net';
import { Readable } from 'node:stream';
import { startLayerServer, LayerServer, DEFAULT_MAX_CONNECTIONS } from '../../../src/image/layer-server';
import type { ImageLayer } from '../../../src/image/types';

const sha = (b: Buffer): string => `sha256:${crypto.createHash('sha256').update(b).digest('hex')}`;

function layerOf(text: string): ImageLayer {
  const data = Buffer.from(text);
  return {
    digest: sha(data),
    diffId: sha(data),
    size: data.length,
    mediaType: 'application/vnd.oci.image.layer.v1.tar',
    open: async () => Readable.from(data),
    openTar: async () => Readable.from(data),
  };
}

function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

const servers: LayerServer[] = [];
afterEach(async () => {
  jest.restoreAllMocks();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function start(opts: { maxConnections?: number } = {}): Promise<LayerServer> {
  const s = await startLayerServer({ bindHost: '127.0.0.1', ...opts });
  servers.push(s);
  return s;
}

describe('layer server paths', () => {
  it('carry a random id per layer, not the digest: a digest path with the right token is 404', async () => {
    const server = await start();
    const a = layerOf('layer a');
    const b = layerOf('layer b');
    const urls = server.publish([a, b]);
    const ua = new URL(urls.get(a.digest)!);
    const ub = new URL(urls.get(b.digest)!);
    expect(ua.pathname).not.toContain(a.digest.slice(7));
    const [, token, , idA] = ua.pathname.split('/');
    const idB = ub.pathname.split('/')[3];
    expect(idA).toMatch(/^[0-9a-f]{32}$/);
    expect(idA).not.toBe(idB);
    expect(await get(ua.toString())).toBe(200);
    expect(await get(`${ua.origin}/${token}/layers/${a.digest}`)).toBe(404);
    // Ids are per server run: another server publishing the same layer hands out another id.
    const other = await start();
    expect(new URL(other.publish([a]).get(a.digest)!).pathname.split('/')[3]).not.toBe(idA);
  });

  it('compares the token and the layer id with crypto.timingSafeEqual', async () => {
    const spy = jest.spyOn(crypto, 'timingSafeEqual');
    const server = await start();
    const a = layerOf('layer a');
    const url = new URL(server.publish([a]).get(a.digest)!);
    const [, token, , id] = url.pathname.split('/');
    expect(await get(url.toString())).toBe(200);
    const compared = spy.mock.calls.map(([x, y]) => [
      Buffer.from(x as Uint8Array).toString('hex'),
      Buffer.from(y as Uint8Array).toString('hex'),
    ]);
    expect(compared).toContainEqual([token, token]);
    expect(compared).toContainEqual([id, id]);
  });
});

describe('concurrent connections are capped', () => {
  async function openSockets(
    port: number,
    count: number,
  ): Promise<{ sockets: net.Socket[]; closedByServer: () => number }> {
    let closed = 0;
    const sockets = await Promise.all(
      Array.from(
        { length: count },
        () =>
          new Promise<net.Socket>((resolve, reject) => {
            const s = net.connect(port, '127.0.0.1', () => resolve(s));
            s.on('close', () => closed++);
            s.on('error', () => undefined);
            s.once('error', reject);
          }),
      ),
    );
    // Give the server time to accept (or drop) every connection.
    await new Promise((r) => setTimeout(r, 300));
    return { sockets, closedByServer: () => closed };
  }

  it('connections over the limit are closed at once; the layer is served again when they are gone', async () => {
    const server = await start({ maxConnections: 4 });
    const a = layerOf('layer a');
    const url = new URL(server.publish([a]).get(a.digest)!);
    const { sockets, closedByServer } = await openSockets(Number(url.port), 10);
    expect(closedByServer()).toBe(6);
    for (const s of sockets) s.destroy();
    await new Promise((r) => setTimeout(r, 100));
    expect(await get(url.toString())).toBe(200);
  });

  it(`the default limit is ${DEFAULT_MAX_CONNECTIONS}`, async () => {
    const server = await start();
    const a = layerOf('layer a');
    const url = new URL(server.publish([a]).get(a.digest)!);
    const { sockets, closedByServer } = await openSockets(Number(url.port), DEFAULT_MAX_CONNECTIONS + 5);
    expect(closedByServer()).toBe(5);
    for (const s of sockets) s.destroy();
  });
});
