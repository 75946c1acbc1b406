/** In-memory image layers for tests: tars built with tar-stream, streamed in chunks, and a ResolvedImage over them. */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import * as tar from 'tar-stream';
import type { ImageInfo } from '../../src/findings/model';
import type { ImageLayer, ResolvedImage } from '../../src/image/types';
import { imageInfo } from './model';

/** One tar entry of a test layer. */
export type TarEntry =
  | { name: string; content: string | Buffer }
  | { name: string; type: 'directory' | 'symlink' | 'link'; linkname?: string };

/** Builds a tar with tar-stream's pack() and returns it as a Buffer. */
export async function makeTar(entries: TarEntry[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pack.on('data', (c: unknown) => chunks.push(c as Buffer));
    pack.on('end', () => resolve());
    pack.on('error', reject);
  });
  for (const e of entries) {
    if ('content' in e) {
      const body = typeof e.content === 'string' ? Buffer.from(e.content) : e.content;
      await new Promise<void>((resolve, reject) =>
        pack.entry({ name: e.name, size: body.length, type: 'file' }, body, (err) => (err ? reject(err) : resolve())),
      );
    } else {
      await new Promise<void>((resolve, reject) =>
        pack.entry({ name: e.name, type: e.type, linkname: e.linkname }, (err) => (err ? reject(err) : resolve())),
      );
    }
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** Sets a tar header block's checksum again, after a test changed the block (hand-made or hostile headers). */
export function setTarChecksum(block: Buffer): void {
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += block[i];
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
}

/** A readable that yields `buf` in chunks of `chunkSize` bytes (to put chunk boundaries where a test wants). */
export function chunked(buf: Buffer, chunkSize: number): Readable {
  let off = 0;
  return new Readable({
    read() {
      if (off >= buf.length) {
        this.push(null);
        return;
      }
      this.push(buf.subarray(off, off + chunkSize));
      off += chunkSize;
    },
  });
}

export interface TestLayer {
  tar: Buffer;
  chunkSize?: number;
}

/** An in-memory ResolvedImage whose layers' openTar() stream the given tars. Counts opens and closes. */
export function memoryImage(
  layers: TestLayer[],
  info: Partial<ImageInfo> = {},
): ResolvedImage & { closed: number; opened: number } {
  const state = { closed: 0, opened: 0 };
  const imageLayers: ImageLayer[] = layers.map((l) => {
    const sha = 'sha256:' + createHash('sha256').update(l.tar).digest('hex');
    return {
      digest: sha,
      diffId: sha,
      size: l.tar.length,
      mediaType: 'application/vnd.oci.image.layer.v1.tar',
      open: async () => {
        state.opened++;
        return chunked(l.tar, l.chunkSize ?? 64 * 1024);
      },
      openTar: async () => {
        state.opened++;
        return chunked(l.tar, l.chunkSize ?? 64 * 1024);
      },
    };
  });
  const img = {
    info: imageInfo({
      ...info,
      layers: imageLayers.map((l) => ({ digest: l.digest, diffId: l.diffId, size: l.size })),
    }),
    layers: imageLayers,
    close: async () => {
      state.closed++;
    },
    get closed() {
      return state.closed;
    },
    get opened() {
      return state.opened;
    },
  };
  return img;
}
