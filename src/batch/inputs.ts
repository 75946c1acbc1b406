/**
 * Batch mode's image list: `image` lines, `images-file`, registry listings (filtered by `tags`). `concurrency`,
 * `resume` and `image-timeout` are `Settings.batch` (src/inputs/settings.ts, bounds from the input table), checked
 * here before any listing. The per-image Settings are parsed once the image list is known, so that its registry
 * hosts bind the registry credentials as for any scan.
 */
import * as fs from 'node:fs';
import { ClairScanError, errorMessage } from '../util/errors';
import { loadCaBundle } from '../util/ca';
import { inputDefinition, type InputName } from '../inputs/definitions';
import { parseBatchSettings, parseBoolean, type RawInputs } from '../inputs/settings';
import { normalizeHost, type RegistryAuth } from '../image/registry';
import { credentialHosts, parseImageRequest } from '../image/reference';
import { Listing, parseListing, tagFilter } from './registry-list';

export interface BatchRequest {
  /** Image lines in order (from `image`, then `images-file`), listings included. */
  lines: string[];
  /** The listings among them. */
  listings: Listing[];
  keepTag: (tag: string) => boolean;
}

/** Largest images-file read (a million lines of references is far beyond any fleet). */
const MAX_IMAGES_FILE_BYTES = 64 << 20;

function value(raw: RawInputs, name: InputName): string {
  const v = raw(name);
  return v === undefined || v.trim() === '' ? inputDefinition(name).default : v.trim();
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean);
}

export { isBatch } from './mode';

export function parseBatchInputs(raw: RawInputs): BatchRequest {
  // Settings.batch's inputs fail here, before a registry is listed (runBatch reads them from Settings.batch).
  const batch = parseBatchSettings(raw);
  const all = lines((raw('image') ?? '').replace(/,/g, '\n'));
  const file = batch.imagesFile ?? '';
  if (file) {
    let text: string;
    try {
      const st = fs.statSync(file);
      if (!st.isFile()) throw new Error('not a file');
      if (st.size > MAX_IMAGES_FILE_BYTES) throw new Error(`larger than ${MAX_IMAGES_FILE_BYTES >> 20} MiB`);
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      throw new ClairScanError(`images-file "${file}" cannot be read: ${errorMessage(err)}`, {
        hint: 'give the path of a text file with one image reference per line (# starts a comment).',
      });
    }
    all.push(...lines(text));
  }
  const unique = [...new Set(all)];
  if (unique.length === 0) {
    throw new ClairScanError(file ? `images-file "${file}" lists no image` : 'no image to scan was given', {
      hint: 'write one image reference per line (registry:HOST/ORG/* lists a registry), e.g. registry:ghcr.io/org/app:1.2.',
    });
  }
  const listings = unique.map(parseListing).filter((l): l is Listing => !!l);
  return { lines: unique, listings, keepTag: tagFilter(batch.tags) };
}

/**
 * The hosts registry-username/registry-password are bound to for the whole batch: registry-host, else the
 * registry of the first line that names one (a listing's, or an image's) — one registry, never every registry of
 * the list (an images file may name third-party registries: they are read anonymously or with their own Docker
 * config credentials).
 */
export function batchCredentialHosts(raw: RawInputs, req: Pick<BatchRequest, 'lines' | 'listings'>): string[] {
  const explicit = value(raw, 'registry-host')
    .split(/[\n,]/)
    .map((h) => h.trim())
    .filter(Boolean);
  const imageSource = value(raw, 'image-source').toLowerCase();
  const images = req.lines.map((line) => {
    const listing = req.listings.find((l) => l.input === line.trim());
    return listing ? { ref: `${listing.registry}/listing`, source: 'registry' } : parseImageRequest(line);
  });
  return credentialHosts(explicit, images, imageSource).map(normalizeHost);
}

/** Credentials for listing a registry: bound as for the images (batchCredentialHosts). */
export function listingAuth(raw: RawInputs, req: Pick<BatchRequest, 'lines' | 'listings'>): RegistryAuth {
  const insecure = parseBoolean(value(raw, 'registry-insecure')) ?? false;
  return {
    username: raw('registry-username')?.trim() || undefined,
    password: raw('registry-password')?.trim() || undefined,
    insecure,
    hosts: batchCredentialHosts(raw, req),
    // The listing's registry may be behind a private CA like the images' (registry-ca-file, util/ca.ts).
    ca: loadCaBundle(raw('registry-ca-file')),
  };
}
