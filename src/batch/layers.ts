/**
 * Layers shared between the images of a batch. Images built on the same base share its layers (same digest);
 * while any image that needs a layer is in flight, that layer is published on the layer server ONCE, from the
 * first image that brought it, and that image's spooled files stay on disk until the last image using the
 * layer is done — so concurrent images never unpublish or delete a layer another image is being indexed with.
 *
 * Clair fetches and scans a layer only when it has not scanned it before (claircore's indexer skips layers
 * every scanner has seen), so a base layer is offered to Clair for the first image that has it and, from
 * then on, only named in the manifests. `stats()` says how many layer publications the sharing saved.
 */
import type { LayerServer } from '../image/layer-server';
import type { ImageLayer, ResolvedImage } from '../image/types';
import type { LayerLease } from '../scan';

interface Holder {
  /** 1 while its own image is in flight, plus one per layer entry it backs. */
  refs: number;
  close(): Promise<void>;
}

interface Entry {
  layer: ImageLayer;
  owner: Holder;
  users: number;
  url: string;
}

export class LayerPool {
  private readonly entries = new Map<string, Entry>();
  private published = 0;
  private reused = 0;

  constructor(private readonly server: LayerServer) {}

  /** Publishes what the image brings that is not already published; its own close() waits for every borrower. */
  lease(image: ResolvedImage): LayerLease {
    const holder: Holder = { refs: 1, close: () => image.close() };
    const urls = new Map<string, string>();
    const used: Entry[] = [];
    for (const l of image.layers) {
      if (urls.has(l.digest)) continue; // a layer listed twice in one image
      let e = this.entries.get(l.digest);
      if (e) this.reused++;
      else {
        const url = this.server.publish([l]).get(l.digest) as string;
        e = { layer: l, owner: holder, users: 0, url };
        holder.refs++;
        this.entries.set(l.digest, e);
        this.published++;
      }
      e.users++;
      used.push(e);
      urls.set(l.digest, e.url);
    }
    let released = false;
    return {
      urls,
      release: async () => {
        if (released) return;
        released = true;
        const closing: Holder[] = [holder];
        for (const e of used) {
          if (--e.users > 0) continue;
          this.entries.delete(e.layer.digest);
          this.server.unpublish([e.layer]);
          closing.push(e.owner);
        }
        for (const h of closing) if (--h.refs === 0) await h.close();
      },
    };
  }

  /** Layers published (once each) and layer uses served by an already published copy. */
  stats(): { published: number; reused: number; inFlight: number } {
    return { published: this.published, reused: this.reused, inFlight: this.entries.size };
  }
}
