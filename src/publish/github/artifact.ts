/** Uploads the reports as one workflow artifact with @actions/artifact (the v4 artifact backend). */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BundleRequire } from '../../util/lazy';

declare const require: BundleRequire;
/** @actions/artifact (the Azure storage SDK, archiver), loaded on first use: a chunk of its own in the bundles (src/util/lazy.ts). */
export const loadArtifact = (): Promise<typeof import('@actions/artifact')> =>
  typeof require.ensure === 'function'
    ? new Promise((ok, fail) =>
        require.ensure!(
          [],
          () => ok(require('@actions/artifact') as typeof import('@actions/artifact')),
          fail,
          'artifact',
        ),
      )
    : Promise.resolve(require('@actions/artifact') as typeof import('@actions/artifact'));

export interface ArtifactUpload {
  id?: number;
  size?: number;
  files: string[];
}

/** Uploads the existing files among `files`, zipped with paths relative to `rootDir`. */
export async function uploadReports(
  name: string,
  files: string[],
  rootDir: string,
): Promise<ArtifactUpload | undefined> {
  const root = resolve(rootDir);
  const present = [...new Set(files.map((f) => resolve(f)))].filter((f) => existsSync(f));
  if (present.length === 0) return undefined;
  const { DefaultArtifactClient } = await loadArtifact();
  const client = new DefaultArtifactClient();
  const res = await client.uploadArtifact(name, present, root);
  return { id: res.id, size: res.size, files: present };
}
