/**
 * Batch mode: many images in one run against one Clair, a RunPlan of scan.ts's runScan. The images (`image` lines,
 * `images-file`, registry listings) go through a queue worked by `concurrency` workers; each is scanImage, then its
 * own verdict and reports, under `image-timeout`. A failing image is recorded and the batch goes on; finished images
 * go to batch-state.jsonl for `resume`. Exit code: 2 if any image errored, else 1 if any failed an enforced policy,
 * else 0. The whole note: docs/decisions/batch-mode.md.
 *
 * May import: scan.ts and every stage below it (environment/, data/, image/, inputs/, findings/, policy/, report/,
 * util/). Imported by the entry points (cli.ts; main.ts through main-batch.ts) and, for types and outputs.ts, publish/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { ClairScanError, errorMessage, EXIT_ERROR, EXIT_OK, EXIT_POLICY_FAILED } from '../util/errors';
import { log } from '../util/log';
import { inImage, runPhase } from '../util/phase';
import { parseSettings, type RawInputs, type Settings } from '../inputs/settings';
import type { RunState } from '../environment/run-state';
import type { ClairService } from '../environment';
import { locateImage, openImage, validateRequest } from '../image';
import type { ImageSourceKind } from '../image/reference';
import type { ResolvedImage } from '../image/types';
import { shareLayersInRun } from '../image/docker-daemon';
import { countBySeverity, type ImageResult, type ScanResult } from '../findings/model';
import { evaluatePolicy, gatingChecks, refuseNewRulesWithoutBaseline } from '../policy';
import { enrichResult } from '../findings/enrich';
import { writeReports } from '../report';
import { TOOL_VERSION } from '../version';
import { ImageContext, requireReports, runScan, scanImage, scanResult } from '../scan';
import { parseBatchInputs, listingAuth, type BatchRequest } from './inputs';
import { listImages } from './registry-list';
import { LayerPool } from './layers';
import { batchImageRequest, expandPlatforms } from './platforms';
import {
  BATCH_SUMMARY_SCHEMA_VERSION,
  BatchImageEntry,
  BatchState,
  BatchSummary,
  failedRules,
  imageDirName,
  SUMMARY_FILE,
  VULNERABLE_LIST_FILE,
  vulnerableList,
  writeAtomic,
} from './outputs';

export interface BatchOutcome {
  summary: BatchSummary;
  /** The per-image settings every image was scanned with (their publish part is what the action publishes with). */
  settings: Settings;
  exitCode: 0 | 1 | 2;
  files: { summary: string; vulnerableList: string; state: string };
  /** Seconds per phase, summed over images (for benchmarks). */
  timings: Record<string, number>;
  /** Layer publications the sharing saved, Clair retries. */
  stats: { layersPublished: number; layersReused: number; clairRetries: number; bytesServed: number };
}

export interface BatchOptions {
  onState?(s: RunState): void;
  /** Called after each image (for progress displays and tests). */
  onImage?(e: BatchImageEntry, done: number, total: number): void;
}

/** What the images of a batch are, with listings expanded, and the per-image Settings. */
export async function resolveBatch(
  raw: RawInputs,
  req: BatchRequest = parseBatchInputs(raw),
): Promise<{ settings: Settings; images: string[]; listingErrors: BatchImageEntry[] }> {
  const images: string[] = [];
  const listingErrors: BatchImageEntry[] = [];
  const auth = listingAuth(raw, req);
  for (const line of req.lines) {
    const listing = req.listings.find((l) => l.input === line.trim());
    if (!listing) {
      images.push(line);
      continue;
    }
    const listed = await runPhase(
      'list',
      10 * 60 * 1000,
      () => listImages(listing, req.keepTag, auth),
      'the registry stopped answering while listing its catalog or tags; check it.',
    );
    log.info(
      `${listing.input}: ${listed.refs.length} image${listed.refs.length === 1 ? '' : 's'} with tags matching the tags input${listed.failures.length ? `, ${listed.failures.length} repositor${listed.failures.length === 1 ? 'y' : 'ies'} whose tags could not be listed` : ''}.`,
    );
    images.push(...listed.refs.map((r) => `registry:${r}`));
    for (const f of listed.failures) listingErrors.push(errorEntry(`registry:${f.ref}`, f.error, 0));
  }
  const unique = [...new Set(images)];
  if (unique.length === 0 && listingErrors.length === 0) {
    throw new ClairScanError('the batch has no image to scan: the registry listings matched no repository or tag', {
      hint: 'check the repository pattern (registry:HOST/ORG/* is one level under ORG, ** any depth) and the tags input (default: latest).',
    });
  }
  // The per-image settings, validated as for any scan; the credentials stay bound to the one registry of the
  // list's first line (or registry-host), whatever order the listings expanded in.
  const bound = auth.hosts?.join(',') ?? '';
  const settings = parseSettings((name) =>
    name === 'image'
      ? unique.join('\n') || listingErrors.map((e) => e.image).join('\n')
      : name === 'registry-host' && bound
        ? bound
        : raw(name),
  );
  // `platform: all`: one batch image per platform of each registry index (batch/platforms.ts).
  const expanded = await expandPlatforms(unique, settings);
  for (const f of expanded.failed) listingErrors.push(errorEntry(f.image, f.error, 0));
  return { settings, images: expanded.images, listingErrors };
}

function errorEntry(image: string, err: unknown, seconds: number): BatchImageEntry {
  const e =
    err instanceof ClairScanError
      ? err
      : new ClairScanError(`internal error: ${errorMessage(err)}`, {
          hint: 'this is a bug in clair-scan; please report it with this log.',
        });
  const clair = clairMessage(e);
  return {
    image,
    verdict: 'error',
    failedRules: [],
    reasons: [],
    error: {
      message: e.message,
      hint: e.hint,
      ...(clair ? { clair } : {}),
      ...(e.details ? { details: e.details.slice(0, 4000) } : {}),
    },
    seconds,
    finishedAt: new Date().toISOString(),
  };
}

/**
 * What Clair itself said about a failed index: the `message` of its error JSON (HTTP 500 `internal-error`, the
 * report then stored as IndexError), or the `err` of an IndexError report.
 */
export function clairMessage(e: ClairScanError): string | undefined {
  if (!/^Clair (could not|failed to) index/.test(e.message) || !e.details) return undefined;
  try {
    const body = JSON.parse(e.details) as { message?: unknown };
    if (typeof body.message === 'string') return body.message;
  } catch {
    // not JSON: an IndexError report's err text
  }
  return e.details.trim() || undefined;
}

/** Policy, data and Clair of a run: a resumed run must use the same. */
export function fingerprint(settings: Settings): string {
  const allowlists = settings.policy.allowlists.map((f) => {
    try {
      return createHash('sha256').update(fs.readFileSync(f)).digest('hex');
    } catch {
      return f;
    }
  });
  // The key's content, not its path: a resumed batch must not reuse results checked against another key.
  const baseImagePublicKey = settings.policy.baseImagePublicKey && keyFingerprint(settings.policy.baseImagePublicKey);
  const data = {
    policy: { ...settings.policy, allowlists, baseImagePublicKey },
    vulnData: settings.vulnData,
    clairUrl: settings.clairUrl ?? null,
    formats: settings.reports.formats,
  };
  return createHash('sha256').update(JSON.stringify(data)).digest('hex');
}

export async function runBatch(raw: RawInputs, opts: BatchOptions = {}): Promise<BatchOutcome> {
  const req = parseBatchInputs(raw);
  const startedAt = new Date();
  const { settings, images, listingErrors } = await resolveBatch(raw, req);
  const { concurrency, resume, imageTimeoutSec } = settings.batch;
  const outDir = path.resolve(settings.reports.outputDir);
  const batchState = new BatchState(outDir, fingerprint(settings), resume);
  const todo = images.filter((i) => !batchState.done.has(i));
  if (resume) log.info(`Resuming: ${images.length - todo.length} of ${images.length} images were already done.`);

  const fresh = new Map<string, BatchImageEntry>();
  let pool: LayerPool | undefined;
  return runScan(settings, opts.onState, {
    banner: (runId) =>
      `Batch run ${runId}: ${todo.length} image${todo.length === 1 ? '' : 's'} to scan, ${concurrency} at a time (if this process is killed: clair-scan cleanup --run-id ${runId}).`,
    preflight: async () => {
      refuseNewRulesWithoutBaseline(settings.policy, 'batch mode');
    },
    needsClair: todo.length > 0,
    // Layers shared between images are published once (batch/layers.ts).
    lease: (server) => {
      pool = new LayerPool(server);
      const layers = pool;
      return (image) => layers.lease(image);
    },
    clair: (env) => serializeOnlineData(env, settings),
    body: async (run, opened) => {
      if (opened) {
        // Daemon images built on one base spool its layers once (image/docker-daemon.ts).
        shareLayersInRun(run.state);
        const { ctx } = opened;
        let next = 0;
        let finished = 0;
        const worker = async (): Promise<void> => {
          // Each worker reads its next archive while Clair works on its current image (openAhead), and goes on to
          // the next image once Clair has answered this one's match: its verdict and reports (local work) overlap
          // the next image's Clair work. Clair still gets one image per worker at a time; at most two images per
          // worker are in flight.
          let ahead = next < todo.length ? openAhead(ctx, todo[next++]) : undefined;
          let previous: Promise<void> | undefined;
          while (ahead) {
            const { image, opened } = ahead;
            ahead = next < todo.length ? openAhead(ctx, todo[next++]) : undefined;
            let clairDone!: () => void;
            const released = new Promise<void>((resolve) => (clairDone = resolve));
            const done = scanOne(afterMatch(ctx, clairDone), image, imageTimeoutSec * 1000, outDir, opened)
              .then((entry) => {
                fresh.set(image, entry);
                batchState.record(entry);
                finished++;
                const what =
                  entry.verdict === 'error'
                    ? `error: ${entry.error?.message}`
                    : entry.verdict === 'fail'
                      ? `FAIL (${entry.failedRules.join('; ')})`
                      : 'pass';
                log.info(`[${finished}/${todo.length}] ${image}: ${what} (${entry.seconds.toFixed(1)} s)`);
                opts.onImage?.(entry, finished, todo.length);
              })
              .finally(clairDone);
            // Awaited below (as `previous`): a failure meanwhile is not an unhandled rejection.
            done.catch(() => undefined);
            await released;
            await previous;
            previous = done;
          }
          await previous;
        };
        await Promise.all(Array.from({ length: Math.min(concurrency, todo.length) }, () => worker()));
      }
      const env = opened?.env;
      const entries = [
        ...listingErrors,
        ...images.map((i) => fresh.get(i) ?? (batchState.done.get(i) as BatchImageEntry)),
      ];
      const count = (v: BatchImageEntry['verdict']): number => entries.filter((e) => e.verdict === v).length;
      const failedEnforced = settings.policy.fail && count('fail') > 0;
      const exitCode: 0 | 1 | 2 = count('error') > 0 ? EXIT_ERROR : failedEnforced ? EXIT_POLICY_FAILED : EXIT_OK;
      const summary: BatchSummary = {
        schemaVersion: BATCH_SUMMARY_SCHEMA_VERSION,
        tool: { name: 'clair-scan', version: TOOL_VERSION },
        clair: {
          version: env?.version,
          url: env && !env.ephemeral ? env.client.url : settings.clairUrl,
          ephemeral: env?.ephemeral ?? !settings.clairUrl,
        },
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        rules: policyRules(settings),
        concurrency,
        totals: {
          images: entries.length,
          passed: count('pass'),
          failed: count('fail'),
          errored: count('error'),
          resumed: images.length - todo.length,
        },
        exitCode,
        images: entries,
      };
      const files = {
        summary: path.join(outDir, SUMMARY_FILE),
        vulnerableList: path.join(outDir, VULNERABLE_LIST_FILE),
        state: batchState.file,
      };
      await run.time('reports', async () => {
        writeAtomic(files.vulnerableList, vulnerableList(entries));
        writeAtomic(files.summary, `${JSON.stringify(summary, null, 2)}\n`);
      });
      const stats = pool?.stats();
      return {
        summary,
        settings,
        exitCode,
        files,
        timings: run.timings,
        stats: {
          layersPublished: stats?.published ?? 0,
          layersReused: stats?.reused ?? 0,
          clairRetries: env?.client.retries ?? 0,
          bytesServed: opened?.server.bytesServed() ?? 0,
        },
      };
    },
  });
}

/** The rules as evaluatePolicy names them (for the summary, also when no image was scanned). */
export function policyRules(settings: Settings): string[] {
  const p = settings.policy;
  return [
    ...(p.severityThreshold ? [`severity-threshold: ${p.severityThreshold.toLowerCase()}`] : []),
    ...(p.failOn?.trim() ? [`fail-on: ${p.failOn.trim()}`] : []),
    // The compliance checks as the verdict names them (policy/compliance/index.ts).
    ...gatingChecks(p).map((c) => c.label(p)),
  ];
}

function keyFingerprint(file: string): string {
  try {
    return `sha256:${createHash('sha256').update(fs.readFileSync(file)).digest('hex')}`;
  } catch {
    return file;
  }
}

/**
 * With `vuln-data: online` the ephemeral Clair fetches data per distribution on first sight: concurrent
 * images must not run the same updaters twice, so the data step is taken one image at a time there.
 */
function serializeOnlineData(env: ClairService, settings: Settings): ClairService {
  if (!env.ephemeral || settings.vulnData.toLowerCase() !== 'online') return env;
  let chain: Promise<unknown> = Promise.resolve();
  return {
    ...env,
    ensureData: (index, ref) => {
      const p = chain.then(() => env.ensureData(index, ref));
      chain = p.catch(() => undefined);
      return p;
    },
  };
}

/** The image's context whose Clair client calls `f` once the vulnerability report has been answered (or failed). */
function afterMatch(ctx: ImageContext, f: () => void): ImageContext {
  const client = new Proxy(ctx.env.client, {
    get(target, prop) {
      const v: unknown = Reflect.get(target, prop, target);
      if (prop === 'vulnerabilityReport')
        return (...args: Parameters<typeof target.vulnerabilityReport>) =>
          target.vulnerabilityReport(...args).finally(f);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { ...ctx, env: { ...ctx.env, client } };
}

/** An image located (and, an archive file, opened) ahead of its scan. */
type Ahead = { image: string; opened: Promise<{ source: ImageSourceKind; image?: ResolvedImage }> };

/**
 * Locates the image and, when it is an archive file, opens it (read and hashed in place: no temp dir, no daemon or
 * registry, so nothing held that the run would not hold anyway) — called for a worker's next image while its
 * current one is with Clair: at concurrency 1 the archive's hashing overlaps Clair's index instead of adding to
 * it. Clair still gets one image per worker at a time. Other sources are opened by the image's scan as before (an
 * export ahead would hold a second spool per worker).
 */
function openAhead(ctx: ImageContext, image: string): Ahead {
  const { settings } = ctx;
  const opened = inImage(image, async () => {
    const request = batchImageRequest(image, settings);
    validateRequest(request, settings);
    const source = await locateImage(request, settings, ctx.docker);
    if (source !== 'archive') return { source };
    return {
      source,
      image: await ctx.time('image-export', () => openImage(request, settings, ctx.docker, ctx.state, source)),
    };
  });
  // Awaited by the image's scan: a failure meanwhile is not an unhandled rejection.
  opened.catch(() => undefined);
  return { image, opened };
}

/** One image: scan, its verdict and reports; never throws (an error is the entry's). */
async function scanOne(
  ctx: ImageContext,
  image: string,
  deadlineMs: number,
  outDir: string,
  ahead?: Ahead['opened'],
): Promise<BatchImageEntry> {
  const t0 = Date.now();
  const seconds = (): number => Math.round((Date.now() - t0) / 100) / 10;
  const { settings } = ctx;
  // The image's own async context: a stall or unhandled error in its work names this image and its phase, not
  // whichever phase another image entered last.
  const work = inImage(image, async (): Promise<BatchImageEntry> => {
    const request = batchImageRequest(image, settings);
    validateRequest(request, settings);
    const pre = await ahead;
    const result: ImageResult = await scanImage(ctx, request, pre?.source, pre?.image && Promise.resolve(pre.image));
    const single: ScanResult = scanResult(ctx.env, new Date(t0), [result]);
    // The run's exploit data (loaded once, in runScan's preflight and data load) on this image, before its policy.
    enrichResult(single, ctx.exploit ?? {});
    result.notes = [...(result.notes ?? []), ...(ctx.exploit?.notes ?? [])];
    single.verdict = await ctx.time('policy', () => evaluatePolicy(single, settings.policy));
    const dir = imageDirName(image);
    if (settings.reports.formats.length) {
      const imageDir = path.join(outDir, 'images', dir);
      const reports = await ctx.time('reports', () =>
        writeReports(single, { ...settings.reports, outputDir: imageDir }),
      );
      requireReports(settings.reports.formats, reports, imageDir);
    }
    const v = single.verdict;
    const all = countBySeverity(result.vulnerabilities);
    return {
      image,
      digest: result.image.manifestDigest,
      verdict: v.status,
      failedRules: v.status === 'fail' ? failedRules(v) : [],
      reasons: v.reasons,
      counts: {
        ...all,
        total: result.vulnerabilities.length,
        fixable: result.vulnerabilities.filter((f) => f.fixable).length,
      },
      counted: v.counted,
      ...(settings.reports.formats.length ? { reportDir: path.posix.join('images', dir) } : {}),
      seconds: seconds(),
      finishedAt: new Date().toISOString(),
    };
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ClairScanError(`${image} did not finish within image-timeout (${Math.round(deadlineMs / 1000)} s)`, {
            hint: 'check Clair and the image source; raise image-timeout for very large images.',
          }),
        ),
      deadlineMs,
    );
    timer.unref();
  });
  try {
    return await Promise.race([work, deadline]);
  } catch (err) {
    // Over the deadline: the image's work is abandoned but still holds its slot until it settles (its phases
    // have deadlines of their own), so the batch never runs more than `concurrency` images at once.
    await work.catch(() => undefined);
    const entry = errorEntry(image, err, seconds());
    log.warn(`${image}: ${entry.error?.message}${entry.error?.clair ? ` — Clair: ${entry.error.clair}` : ''}`);
    return entry;
  } finally {
    if (timer) clearTimeout(timer);
  }
}
