/**
 * Modules only some runs need, loaded on first use. In the ncc bundles (scripts/bundle.js) a `require.ensure` is a
 * split point: webpack puts the module, and everything only it pulls in, into a chunk of its own
 * (dist/<bundle>/<id>.index.js), so the action and the CLI start without reading it. @actions/artifact and
 * @actions/cache bring the Azure storage SDK, archiver and protobuf (~3 MB), the VEX schema validator ajv with the
 * CycloneDX JSON schemas ~0.8 MB, @actions/github its Octokit with every REST endpoint.
 *
 * A loader, written where the module is used (webpack only sees a split point with a literal require inside, and
 * makes the chunk in every bundle that holds the split point's module — in a shared module, the CLI would carry the
 * action's chunks too):
 *
 *     declare const require: BundleRequire;
 *     const loadX = (): Promise<X> =>
 *       typeof require.ensure === 'function'
 *         ? new Promise((ok, fail) => require.ensure!([], () => ok(require('x') as X), fail, 'x'))
 *         : Promise.resolve(require('x') as X);
 *
 * All four arguments: with three, webpack takes a third that is not a function literal for the chunk name, fails
 * to read it as a string and silently bundles the module into the main chunk.
 *
 * Outside a bundle (tests, tsx) `require.ensure` does not exist and the module is required as usual; webpack
 * evaluates `typeof require.ensure` at build time and drops that branch, so the module is not in the main chunk too.
 */

/** Node's require, with webpack's CommonJS split point (undefined in plain Node). */
export type BundleRequire = NodeJS.Require & {
  ensure?: (deps: string[], callback: () => void, onError: (err: unknown) => void, chunkName?: string) => void;
};
