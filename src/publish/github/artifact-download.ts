/**
 * Downloads one file out of a run's artifact zip, with the sizes capped (docs/SECURITY.md, "Decompressed-size caps").
 * @actions/artifact's downloadArtifact unzips the whole artifact with no limit, so a small zip of a huge entry would
 * fill the disk before anything could look at it: here the zip itself and the one entry read are each streamed
 * through a cap. The requests are the ones @actions/artifact makes (GET …/actions/artifacts/{id}/zip with the token,
 * then the 302's signed blob URL without it), with the redirect rule of registries (image/registry.ts
 * redirectAllowed); the token never goes to the blob storage.
 */
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { byteCap, CAPS } from '../../util/caps';
import type { BundleRequire } from '../../util/lazy';
import { redirectAllowed } from '../../image/registry';

interface ZipEntry extends Readable {
  path: string;
  type: 'File' | 'Directory';
  autodrain(): void;
}

type Unzip = { Parse(): NodeJS.ReadWriteStream };
declare const require: BundleRequire;
/** unzip-stream, the zip reader @actions/artifact itself uses: a chunk of its own, loaded only when a baseline is fetched. */
const loadUnzip = (): Promise<Unzip> =>
  typeof require.ensure === 'function'
    ? new Promise((ok, fail) => require.ensure!([], () => ok(require('unzip-stream') as Unzip), fail, 'unzip'))
    : Promise.resolve(require('unzip-stream') as Unzip);

const TIMEOUT_MS = 120_000;
const HINT =
  "the artifact of the base branch's run is not what clair-scan uploads (one clair-scan-result.json of a few MB)";

/** The blob URL of the API's 302, if the redirect rule of registries allows it. */
async function blobUrl(api: URL, location: string | null): Promise<URL> {
  if (!location) throw new Error('the artifact download answered a redirect without a location');
  const to = new URL(location, api);
  if (!(await redirectAllowed(api, to, api.origin)))
    throw new Error(`the artifact download redirected to ${to.protocol}//${to.host}, which is not https: not followed`);
  return to;
}

/**
 * Writes the artifact's `entryName` to `dir/entryName` and returns its path, or undefined when the zip has no such
 * entry. Throws on HTTP errors (their status in the message) and on a zip or entry over its cap.
 */
export async function downloadArtifactFile(opts: {
  apiUrl: string;
  owner: string;
  repo: string;
  artifactId: number;
  token: string;
  entryName: string;
  dir: string;
}): Promise<string | undefined> {
  const api = new URL(
    `${opts.apiUrl.replace(/\/+$/, '')}/repos/${encodeURIComponent(opts.owner)}/${encodeURIComponent(opts.repo)}/actions/artifacts/${opts.artifactId}/zip`,
  );
  const first = await fetch(api, {
    redirect: 'manual',
    headers: {
      authorization: `Bearer ${opts.token}`,
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'user-agent': 'clair-scan',
    },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  await first.body?.cancel();
  if (first.status !== 302 && first.status !== 301 && first.status !== 307)
    throw new Error(`GET ${api.pathname} answered HTTP ${first.status}`);
  const blob = await fetch(await blobUrl(api, first.headers.get('location')), {
    redirect: 'error',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!blob.ok || !blob.body) throw new Error(`the artifact's blob download answered HTTP ${blob.status}`);

  // The zip is read as it arrives (capped), not spooled to disk first: only the one entry is ever written.
  const unzip = await loadUnzip();
  const out = join(opts.dir, opts.entryName);
  let found = false;
  await pipeline(
    Readable.fromWeb(blob.body as Parameters<typeof Readable.fromWeb>[0]),
    byteCap(CAPS.artifactZipBytes, "the baseline artifact's zip", HINT),
    unzip.Parse(),
    new Writable({
      objectMode: true,
      write(entry: ZipEntry, _enc, cb) {
        if (found || entry.type !== 'File' || entry.path !== opts.entryName) {
          entry.autodrain();
          cb();
          return;
        }
        found = true;
        // The next entry is read only once this one is written (or failed): its error ends the pipeline.
        pipeline(
          entry,
          byteCap(CAPS.artifactEntryBytes, `${opts.entryName} in the baseline artifact`, HINT),
          createWriteStream(out, { mode: 0o600 }),
        ).then(
          () => cb(),
          (err: Error) => cb(err),
        );
      },
    }),
  );
  return found ? out : undefined;
}
