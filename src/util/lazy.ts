/**
 * Modules only some runs need, loaded on first use: in the ncc bundles a `require.ensure` with a literal require
 * inside is a split point, so the action and the CLI start without reading the heavy ones (@actions/artifact,
 * @actions/cache, ajv with the CycloneDX schemas, Octokit). The loader is written where the module is used, with
 * all four `require.ensure` arguments; outside a bundle the module is required as usual.
 * The loader pattern and why each detail matters: docs/decisions/lazy-chunks.md.
 */

/** Node's require, with webpack's CommonJS split point (undefined in plain Node). */
export type BundleRequire = NodeJS.Require & {
  ensure?: (deps: string[], callback: () => void, onError: (err: unknown) => void, chunkName?: string) => void;
};
