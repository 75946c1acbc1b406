import * as http from 'node:http';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { startLayerServer, LayerServer } from '../../../src/image/layer-server';
import type { ImageLayer } from '../../../src/image/types';

const sha = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

function memoryLayer(data: Buffer, opts: { withSize?: boolean } = {}): ImageLayer & { opened: number } {
  const layer = {
    digest: sha(data),
    diffId: sha(data),
    size: opts.withSize === false ? undefined : data.length,
    mediaType: 'application/vnd.oci.image.layer.v1.tar',
    opened: 0,
    open: async () => {
      layer.opened++;
      return Readable.from(data);
    },
    openTar: async () => Readable.from(data),
  };
  return layer;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A plain GET/HEAD with node:http (no decompression, so the raw bytes are what we compare). */
function fetchRaw(
  url: string,
  method: 'GET' | 'HEAD' | 'POST' = 'GET',
  headers: http.OutgoingHttpHeaders = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(10000, () => req.destroy(new Error('request timed out')));
    req.end();
  });
}

// Two layers of distinct, non-trivial content (binary bytes, larger than one chunk).
const dataA = Buffer.from(Array.from({ length: 300000 }, (_, i) => (i * 7) % 256));
const dataB = Buffer.from('second layer\n'.repeat(1000));

describe('layer server', () => {
  let server: LayerServer;
  let a: ReturnType<typeof memoryLayer>;
  let b: ReturnType<typeof memoryLayer>;
  let urls: Map<string, string>;

  beforeAll(async () => {
    server = await startLayerServer({ bindHost: '127.0.0.1' });
    a = memoryLayer(dataA);
    b = memoryLayer(dataB);
    urls = server.publish([a, b]);
  });
  afterAll(() => server.close());

  it('publishes one URL per layer digest on the bind address, under an unguessable token and a random id per layer', () => {
    expect([...urls.keys()]).toEqual([a.digest, b.digest]);
    for (const url of urls.values())
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}\/layers\/[0-9a-f]{32}$/);
    const tokens = [...urls.values()].map((u) => new URL(u).pathname.split('/')[1]);
    expect(tokens[0]).toBe(tokens[1]);
    const ids = [...urls.values()].map((u) => new URL(u).pathname.split('/')[3]);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('GET returns the exact bytes, as octet-stream with a length and no content-encoding', async () => {
    const ra = await fetchRaw(urls.get(a.digest)!, 'GET', { 'accept-encoding': 'gzip, deflate, br' });
    expect(ra.status).toBe(200);
    expect(ra.headers['content-type']).toBe('application/octet-stream');
    expect(ra.headers['content-length']).toBe(String(dataA.length));
    expect(ra.headers['content-encoding']).toBeUndefined();
    expect(sha(ra.body)).toBe(a.digest);
    expect(ra.body.equals(dataA)).toBe(true);
    const rb = await fetchRaw(urls.get(b.digest)!);
    expect(rb.status).toBe(200);
    expect(rb.body.equals(dataB)).toBe(true);
  });

  it('counts the bytes it served', async () => {
    const before = server.bytesServed();
    await fetchRaw(urls.get(b.digest)!);
    expect(server.bytesServed() - before).toBe(dataB.length);
  });

  it('HEAD answers with the headers and no body, without opening the layer', async () => {
    const opened = a.opened;
    const r = await fetchRaw(urls.get(a.digest)!, 'HEAD');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/octet-stream');
    expect(r.headers['content-length']).toBe(String(dataA.length));
    expect(r.body.length).toBe(0);
    expect(a.opened).toBe(opened);
  });

  it('a wrong token, an unknown digest, another path or method → 404', async () => {
    const url = new URL(urls.get(a.digest)!);
    const token = url.pathname.split('/')[1];
    const wrongToken = token.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const base = `http://${url.host}`;
    const unknown = '0'.repeat(32);
    for (const target of [
      `${base}/${wrongToken}/layers/${url.pathname.split('/')[3]}`,
      `${base}/${token}/layers/${a.digest}`,
      `${base}/${token}/layers/${unknown}`,
      `${base}/${token}/layers/`,
      `${base}/layers/${a.digest}`,
      `${base}/`,
      `${base}/${token}/layers/${a.digest}?x=1`,
    ]) {
      const r = await fetchRaw(target);
      expect([target, r.status]).toEqual([target, 404]);
      expect(r.body.length).toBe(0);
    }
    expect((await fetchRaw(urls.get(a.digest)!, 'POST')).status).toBe(404);
  });

  it('an unpublished layer is gone; the others stay', async () => {
    const c = memoryLayer(Buffer.from('third'));
    const url = server.publish([c]).get(c.digest)!;
    expect((await fetchRaw(url)).status).toBe(200);
    server.unpublish([c]);
    expect((await fetchRaw(url)).status).toBe(404);
    expect((await fetchRaw(url, 'HEAD')).status).toBe(404);
    expect((await fetchRaw(urls.get(a.digest)!)).status).toBe(200);
  });

  it('a layer without a known size is streamed without content-length', async () => {
    const data = Buffer.from('unsized layer bytes');
    const c = memoryLayer(data, { withSize: false });
    const url = server.publish([c]).get(c.digest)!;
    const r = await fetchRaw(url);
    expect(r.status).toBe(200);
    expect(r.headers['content-length']).toBeUndefined();
    expect(r.body.equals(data)).toBe(true);
    server.unpublish([c]);
  });

  it('a layer whose open() fails → 502', async () => {
    const broken: ImageLayer = {
      digest: `sha256:${'e'.repeat(64)}`,
      diffId: `sha256:${'e'.repeat(64)}`,
      size: 10,
      mediaType: 'application/vnd.oci.image.layer.v1.tar',
      open: () => Promise.reject(new Error('spool file vanished')),
      openTar: () => Promise.reject(new Error('spool file vanished')),
    };
    const url = server.publish([broken]).get(broken.digest)!;
    const r = await fetchRaw(url);
    expect(r.status).toBe(502);
    expect(r.body.length).toBe(0);
    server.unpublish([broken]);
  });

  it('a layer whose stream fails mid-way: the response is cut short of its length, never complete-looking; the server goes on', async () => {
    const first = Buffer.alloc(1000, 1);
    const failing: ImageLayer = {
      digest: `sha256:${'d'.repeat(64)}`,
      diffId: `sha256:${'d'.repeat(64)}`,
      size: 5000,
      mediaType: 'application/vnd.oci.image.layer.v1.tar',
      open: async () =>
        new Readable({
          read() {
            if (this.readableLength === 0 && !(this as { sent?: boolean }).sent) {
              (this as { sent?: boolean }).sent = true;
              this.push(first);
              setImmediate(() => this.destroy(new Error('the archive changed')));
            }
          },
        }),
      openTar: () => Promise.reject(new Error('unused')),
    };
    const url = server.publish([failing]).get(failing.digest)!;
    const cut = await new Promise<{ status: number; got: number; aborted: boolean }>((resolve, reject) => {
      const req = http.get(url, { agent: false }, (res) => {
        let got = 0;
        res.on('data', (c: Buffer) => (got += c.length));
        res.on('aborted', () => resolve({ status: res.statusCode ?? 0, got, aborted: true }));
        res.on('error', () => resolve({ status: res.statusCode ?? 0, got, aborted: true }));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, got, aborted: false }));
      });
      req.on('error', reject);
      req.setTimeout(10000, () => req.destroy(new Error('request timed out')));
    });
    expect(cut.status).toBe(200);
    expect(cut.aborted).toBe(true);
    expect(cut.got).toBeLessThan(5000);
    server.unpublish([failing]);
    expect((await fetchRaw(urls.get(a.digest)!)).body.equals(dataA)).toBe(true);
  });

  it('a client that goes away mid-layer: the layer stream is destroyed (its file closed), not read to the end', async () => {
    let destroyed = false;
    let reads = 0;
    const endless: ImageLayer = {
      digest: `sha256:${'c'.repeat(64)}`,
      diffId: `sha256:${'c'.repeat(64)}`,
      size: 1 << 30,
      mediaType: 'application/vnd.oci.image.layer.v1.tar',
      open: async () =>
        new Readable({
          read() {
            reads++;
            this.push(Buffer.alloc(64 << 10));
          },
          destroy(err, cb) {
            destroyed = true;
            cb(err);
          },
        }),
      openTar: () => Promise.reject(new Error('unused')),
    };
    const url = server.publish([endless]).get(endless.digest)!;
    await new Promise<void>((resolve, reject) => {
      const req = http.get(url, { agent: false }, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', () => undefined);
      req.setTimeout(10000, () => reject(new Error('request timed out')));
    });
    for (let i = 0; i < 100 && !destroyed; i++) await new Promise((r) => setTimeout(r, 20));
    expect(destroyed).toBe(true);
    const after = reads;
    await new Promise((r) => setTimeout(r, 100));
    expect(reads).toBe(after);
    server.unpublish([endless]);
  });
});

describe('layer server lifecycle', () => {
  it('advertises another host than it binds when asked', async () => {
    const server = await startLayerServer({ bindHost: '127.0.0.1', advertiseHost: 'clair-host.test' });
    try {
      const layer = memoryLayer(Buffer.from('x'));
      expect(server.publish([layer]).get(layer.digest)).toMatch(
        /^http:\/\/clair-host\.test:\d+\/[0-9a-f]{32}\/layers\/[0-9a-f]{32}$/,
      );
    } finally {
      await server.close();
    }
  });

  it('two servers use different tokens', async () => {
    const s1 = await startLayerServer({ bindHost: '127.0.0.1' });
    const s2 = await startLayerServer({ bindHost: '127.0.0.1' });
    try {
      const layer = memoryLayer(Buffer.from('x'));
      const t1 = new URL(s1.publish([layer]).get(layer.digest)!).pathname.split('/')[1];
      const t2 = new URL(s2.publish([layer]).get(layer.digest)!).pathname.split('/')[1];
      expect(t1).not.toBe(t2);
    } finally {
      await s1.close();
      await s2.close();
    }
  });

  it('close() ends open connections, and the port stops listening', async () => {
    const server = await startLayerServer({ bindHost: '127.0.0.1' });
    // A layer that sends a first chunk and then never ends: a download in progress.
    let pushed = false;
    const stalled: ImageLayer = {
      digest: `sha256:${'f'.repeat(64)}`,
      diffId: `sha256:${'f'.repeat(64)}`,
      mediaType: 'application/vnd.oci.image.layer.v1.tar',
      open: async () =>
        new Readable({
          read() {
            if (!pushed) {
              pushed = true;
              this.push(Buffer.alloc(1024, 1));
            }
          },
        }),
      openTar: async () => Readable.from([]),
    };
    const url = server.publish([stalled]).get(stalled.digest)!;
    const outcome = new Promise<string>((resolve) => {
      const req = http.get(url, { agent: false }, (res) => {
        res.once('data', () => {
          // The download has started; now close the server under it.
          void server.close().then(() => resolve('closed'));
        });
        res.on('error', () => undefined);
        res.on('aborted', () => undefined);
      });
      req.on('error', () => undefined);
    });
    // close() resolves only once every connection is gone; a kept-open socket would hang this test.
    expect(await outcome).toBe('closed');
    await expect(fetchRaw(url)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('an address it cannot bind is a ClairScanError naming it', async () => {
    const first = await startLayerServer({ bindHost: '127.0.0.1' });
    try {
      const port = Number(
        new URL(
          first
            .publish([memoryLayer(Buffer.from('y'))])
            .values()
            .next().value as string,
        ).port,
      );
      await expect(startLayerServer({ bindHost: '127.0.0.1', port })).rejects.toMatchObject({
        name: 'ClairScanError',
        message: expect.stringMatching(
          new RegExp(`^the layer server cannot listen on 127\\.0\\.0\\.1:${port}: .*EADDRINUSE`),
        ),
        hint: expect.stringMatching(/layer-server-address/),
      });
    } finally {
      await first.close();
    }
  });
});
