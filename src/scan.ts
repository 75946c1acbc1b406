/**
 * The pipeline, phase by phase: settings → Clair → image source → index → data check → match → findings →
 * policy → reports. Each phase runs under its deadline (environment/run.ts); everything the run starts is
 * registered in its RunState and removed when it ends, whatever happens. The work is in the folders:
 * image/ (which image, opened how), environment/ (the running Clair), findings/, policy/, report/.
 */
import { ClairScanError, EXIT_OK, EXIT_POLICY_FAILED } from './util/errors';
import { log } from './util/log';
import { inImage } from './util/phase';
import { formatTimings, phaseSeconds } from './util/timings';
import {
  parseImageRequest,
  type ImageRequest,
  type ImageSourceKind,
  type ReportFormat,
  type Settings,
} from './inputs/settings';
import type { RunState } from './environment/run-state';
import { type PhaseTimer, type Run, startRun } from './environment/run';
import type { DockerClient } from './environment/docker';
import { ClairService, openClairService } from './environment';
import { vulnDataLoader } from './data';
import type { ExploitLoad } from './data/exploit';
import type { EolTable } from './data/eol';
import type { DataMembersSink } from './data';
import { parseMaxAge } from './data/snapshot';
import { validateClairFiles } from './environment/clair-container';
import { locateImage, openImage, openLayerServer, validateRequest } from './image';
import { clairKnows } from './clair/known';
import type { LayerServer } from './image/layer-server';
import { platformTargets } from './image/platform-list';
import type { ResolvedImage } from './image/types';
import { normalizeReport } from './findings/normalize';
import { enrichResult } from './findings/enrich';
import { ImageResult, NOTHING_TO_MATCH_NOTE, RESULT_SCHEMA_VERSION, ScanResult } from './findings/model';
import type { ScanOutcome } from './outcome';
import {
  checkCompliance,
  complianceReadsLayers,
  evaluatePolicy,
  exploitDataNeeded,
  requireEolTable,
  readBasePolicy,
  recordPolicyChange,
  validatePolicy,
  type BasePolicyReader,
} from './policy';
import { loadBaseline, summarizeDelta, useBaseline, type BaselineFetcher } from './findings/delta';
import { missingReports, writeReports } from './report';
import { TOOL_VERSION } from './version';

import type { BundleRequire } from './util/lazy';
declare const require: BundleRequire;
const loadExploit = (): Promise<typeof import('./data/exploit')> =>
  typeof require.ensure === 'function'
    ? new Promise((ok, fail) =>
        require.ensure!(
          [],
          () => ok(require('./data/exploit') as typeof import('./data/exploit')),
          fail,
          'exploit-data',
        ),
      )
    : Promise.resolve(require('./data/exploit') as typeof import('./data/exploit'));
// eol-data's reader (check-eol): in the exploit data's chunk, which it shares its download with.
const loadEolData = (): Promise<typeof import('./data/eol')> =>
  typeof require.ensure === 'function'
    ? new Promise((ok, fail) =>
        require.ensure!([], () => ok(require('./data/eol') as typeof import('./data/eol')), fail, 'exploit-data'),
      )
    : Promise.resolve(require('./data/eol') as typeof import('./data/eol'));

export type { ScanOutcome };

export interface ScanOptions {
  /** Called as soon as the run state exists and again whenever it changes (for the action's post step). */
  onState?(s: RunState): void;
  /** Fetches the baseline from the CI platform (the action: GitHub; the CLI in GitLab CI: GitLab). */
  fetchBaseline?: BaselineFetcher;
  /** The base branch's policy files in a pull / merge request (policy/base.ts); undefined elsewhere. */
  basePolicy?: BasePolicyReader;
}

export async function scan(settings: Settings, opts: ScanOptions = {}): Promise<ScanOutcome> {
  const startedAt = new Date();
  const sources = new Map<ImageRequest, ImageSourceKind>();
  // The images to scan: settings.images, or with `platform: all` one target per platform of each (image/platform-list.ts).
  const targets: ImageRequest[] = [];
  // The first image, exported while the run's own Clair starts (whileClairStarts); taken by its scan.
  let first: { image: Promise<ResolvedImage>; taken: boolean } | undefined;
  return runScan(settings, opts.onState, {
    banner: (runId) => `Run ${runId} (if this process is killed: clair-scan cleanup --run-id ${runId}).`,
    // Fail fast on what needs no Clair (the inputs themselves were checked by parseSettings).
    preflight: async (run) => {
      for (const r of settings.images) validateRequest(r, settings);
      for (const r of settings.images) sources.set(r, await locateImage(r, settings, run.docker));
      for (const r of settings.images) {
        for (const t of await platformTargets(r, sources.get(r) as ImageSourceKind, settings, run.docker, run.state)) {
          sources.set(t, sources.get(r) as ImageSourceKind);
          targets.push(t);
        }
      }
    },
    // The export of the first image overlaps the start of an ephemeral Clair (containers: a fresh database that has
    // indexed nothing, so no known-manifest check is lost; process mode may run on a database that has, so it waits).
    whileClairStarts: (run) => {
      if (settings.clairMode === 'process' || !targets.length) return undefined;
      const req = targets[0];
      const image = run.time('image-export', () => openImage(req, settings, run.docker, run.state, sources.get(req)));
      // Awaited by the first image's scan or by discard: a failure meanwhile is not an unhandled rejection.
      image.catch(() => undefined);
      const held: { image: Promise<ResolvedImage>; taken: boolean } = { image, taken: false };
      first = held;
      return {
        discard: async () => {
          if (held.taken) return;
          held.taken = true;
          await image.then(
            (i) => i.close(),
            () => undefined,
          );
        },
      };
    },
    body: async (run, opened) => {
      const { ctx, env } = opened!;
      const { time } = run;
      const images: ImageResult[] = [];
      // One collapsible group per image (its export, index, data check, match, compliance), one image at a time.
      for (const [i, req] of targets.entries()) {
        const label = req.platform ? `${req.input} (${req.platform})` : req.input;
        const early = i === 0 && first && !first.taken ? ((first.taken = true), first.image) : undefined;
        images.push(
          await log.group(`image-${i + 1}`, `Scanning ${label}`, () =>
            inImage(label, () => scanImage(ctx, req, sources.get(req), early)),
          ),
        );
      }
      const result = scanResult(env, startedAt, images);
      // CISA KEV / EPSS on the findings (kev-data, epss-data, or what the data carries), before the policy.
      enrichResult(result, ctx.exploit ?? {});
      for (const img of result.images) img.notes = [...(img.notes ?? []), ...(ctx.exploit?.notes ?? [])];
      // The comparison with a baseline (findings/delta.ts): never an error, a notice when it cannot be made.
      const compared = useBaseline(
        result,
        await time('baseline', () => loadBaseline(settings.baseline ?? '', opts.fetchBaseline)),
      );
      for (const n of compared.notices) log.warn(`baseline: ${n}`);
      // Policy files the change under review edits: compared with the base's; policy-from-base lets the base's decide.
      const basePolicy = opts.basePolicy
        ? await time('policy', () => readBasePolicy(settings.policy, opts.basePolicy!))
        : undefined;
      const fromBase = !!(basePolicy && settings.policy.policyFromBase);
      result.verdict = await time('policy', () =>
        evaluatePolicy(result, settings.policy, undefined, fromBase ? { entries: basePolicy!.entries } : {}),
      );
      const changeLine = basePolicy
        ? await recordPolicyChange(result, settings.policy, basePolicy, fromBase)
        : undefined;
      if (changeLine) log.warn(`policy: ${changeLine}`);
      summarizeDelta(result);
      // The phases so far (the reports and cleanup follow; the line that ends the scan in the log has every phase).
      result.timings = phaseSeconds(run.timings);
      if (compared.headline) log.info(`baseline: ${compared.headline} (allowlisted not counted)`);
      const reports = await log.group('reports', 'Writing reports', () =>
        time('reports', () => writeReports(result, settings.reports)),
      );
      requireReports(settings.reports.formats, reports, settings.reports.outputDir);
      const exitCode = result.verdict.status === 'fail' && result.verdict.enforced ? EXIT_POLICY_FAILED : EXIT_OK;
      return { result, reports, exitCode, timings: run.timings };
    },
    ended: (run) => log.info(formatTimings(run.timings, (Date.now() - startedAt.getTime()) / 1000)),
  });
}

/** What one mode of a run (a scan; a batch: src/batch/run.ts) does inside the skeleton `runScan` gives it. */
export interface RunPlan<T> {
  /** The run's first log line: its id, and how to clean up if this process is killed. */
  banner(runId: string): string;
  /** This mode's checks before Clair starts (after the policy files' and Clair's files', in the `preflight` phase). */
  preflight?(run: Run): Promise<void>;
  /** False when there is nothing to scan (a resumed batch that was done): no Clair, no layer server. */
  needsClair?: boolean;
  /** How an image's layers are offered to Clair; default: published on the layer server while the image is scanned. */
  lease?(server: LayerServer): ImageContext['lease'];
  /** How the per-image steps see Clair; default: as it is. */
  clair?(env: ClairService): ClairService;
  /**
   * Work started while the run's own Clair starts (that waits on PostgreSQL and Clair, not on this process): a
   * scan's first image export. `discard` frees it when the body did not take it (Clair failed to start, …).
   */
  whileClairStarts?(run: Run): { discard(): Promise<void> } | undefined;
  /** The images, their policy and reports; `opened` is there unless needsClair is false. */
  body(run: Run, opened?: OpenedRun): Promise<T>;
  /** After the cleanup, whatever happened. */
  ended?(run: Run): void;
}

/** The running parts a run's body scans with. */
export interface OpenedRun {
  ctx: ImageContext;
  /** Clair as it was opened (ctx.env may wrap it). */
  env: ClairService;
  server: LayerServer;
}

/**
 * The one run skeleton of a scan and a batch: run state → preflight → Clair (with its data) → layer server →
 * the mode's body → cleanup, whatever happened. Every phase runs under its deadline (environment/run.ts).
 */
export async function runScan<T>(
  settings: Settings,
  onState: ((s: RunState) => void) | undefined,
  plan: RunPlan<T>,
): Promise<T> {
  const run = startRun(settings, onState);
  const { state, time } = run;
  log.info(plan.banner(state.runId));
  let env: ClairService | undefined;
  let server: LayerServer | undefined;
  let early: { discard(): Promise<void> } | undefined;
  // Exploit data (issue 22): kev-data / epss-data (or online, the published files) read in the preflight, so a bad
  // file fails in seconds, before Clair starts; what they leave empty, the vulnerability data's members fill.
  const exploitOpts = {
    ca: settings.registry.ca,
    online: !settings.vulnDbImage && settings.vulnData.trim().toLowerCase() === 'online',
    needs: exploitDataNeeded(settings.policy),
    maxAgeMs: parseMaxAge(settings.vulnDataMaxAge),
  };
  let exploit: ExploitLoad = { notes: [] };
  const members: DataMembersSink = {};
  // The end-of-life table (eol-data) for check-eol, read in the preflight like the exploit data.
  let eol: EolTable | undefined;
  try {
    await time('preflight', async () => {
      await validatePolicy(settings.policy);
      validateClairFiles(settings);
      await plan.preflight?.(run);
      // The KEV/EPSS parsers load only when some exploit data may come (util/lazy.ts).
      const { kevData, epssData } = settings.policy;
      if (kevData || epssData || exploitOpts.online)
        exploit = await (await loadExploit()).loadExploitData(settings.policy, exploitOpts);
      const eolData = settings.policy.eolData?.trim();
      // `none`: no table, not even the one the vulnerability data carries (check-eol warn notes it, fail refuses).
      if (eolData && eolData.toLowerCase() !== 'none') {
        eol = await (await loadEolData()).loadEol(eolData, settings.registry.ca);
        // vuln-data-max-age covers it by its own date, as the KEV/EPSS inputs.
        (await loadExploit()).checkExploitAge('eol', eol, `eol-data ${eolData}`, exploitOpts.maxAgeMs);
      }
    });
    if (plan.needsClair === false) return await plan.body(run);
    // An existing Clair (clair-url) is up already: nothing to overlap.
    early = settings.clairUrl ? undefined : plan.whileClairStarts?.(run);
    const opened = (env = await openClairService(
      settings,
      run.docker,
      state,
      time,
      vulnDataLoader(settings, state, members),
    ));
    onState?.(state);
    // clair-mode process: the database image's members come from its database (environment/process-service.ts).
    if (!members.snapshot && !members.image && opened.dataMembers) members.image = opened.dataMembers;
    if (members.snapshot || members.image || exploitOpts.needs.kev || exploitOpts.needs.epss) {
      exploit = await time('data-load', async () =>
        (await loadExploit()).completeExploitData(exploit, members, settings.policy, exploitOpts),
      );
      eol ??= exploit.eol;
    }
    // check-eol: fail with no table from eol-data or the data's members: exit 2 before any image is scanned.
    requireEolTable(settings.policy, eol);
    const layers = (server = await time('layer-server', () => openLayerServer(settings, opened, run.docker)));
    const ctx: ImageContext = {
      settings,
      exploit,
      eol,
      env: plan.clair ? plan.clair(opened) : opened,
      state,
      docker: run.docker,
      time,
      onState,
      lease: plan.lease
        ? plan.lease(layers)
        : (image) => ({
            urls: layers.publish(image.layers),
            release: async () => {
              layers.unpublish(image.layers);
              await image.close();
            },
          }),
    };
    return await plan.body(run, { ctx, env: opened, server: layers });
  } finally {
    await early?.discard();
    try {
      await run.end({ first: server, clair: env });
    } finally {
      plan.ended?.(run);
    }
  }
}

/** Fail closed: a run exits 0 or 1 only when every requested report exists (`dir`: where they were written). */
export function requireReports(
  formats: ReportFormat[],
  reports: Partial<Record<ReportFormat, string>>,
  dir: string,
): void {
  const missing = missingReports(formats, reports);
  if (!missing.length) return;
  throw new ClairScanError(`the ${missing.join(', ')} report${missing.length > 1 ? 's were' : ' was'} not written`, {
    hint: `check that output-dir (${dir}) is writable and has free space.`,
  });
}

/** The result of a run's images, before baseline and policy. */
export function scanResult(env: ClairService, startedAt: Date, images: ImageResult[]): ScanResult {
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    tool: { name: 'clair-scan', version: TOOL_VERSION },
    clair: { version: env.version, ephemeral: env.ephemeral, url: env.ephemeral ? undefined : env.client.url },
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    images,
  };
}

/** Layers offered to Clair for one image, and how to withdraw them (and free the image) afterwards. */
export interface LayerLease {
  /** digest → URL Clair fetches the layer from. */
  urls: Map<string, string>;
  release(): Promise<void>;
}

/** What the per-image steps need from the run around them (scan() here; src/batch/ runs many at once). */
export interface ImageContext {
  settings: Settings;
  /** The run's exploit data (KEV, EPSS) and the notes saying where it came from; applied before each policy. */
  exploit?: ExploitLoad;
  /** The end-of-life table (eol-data) check-eol reads. */
  eol?: EolTable;
  env: ClairService;
  state: RunState;
  docker: () => DockerClient;
  /** Runs one phase under its deadline and records its time. */
  time: PhaseTimer;
  onState?(s: RunState): void;
  /** Publishes the image's layers for Clair; the lease is released when the image is done, whatever happened. */
  lease(image: ResolvedImage): LayerLease;
}

/**
 * One image: export → index → data check → match → normalize → compliance. `source`: where locateImage
 * already found it (else it is located here). Throws ClairScanError for anything that went wrong.
 */
export async function scanImage(
  ctx: ImageContext,
  req: ImageRequest,
  source?: ImageSourceKind,
  opened?: Promise<ResolvedImage>,
): Promise<ImageResult> {
  const { settings, env, state, time } = ctx;
  log.info(`Scanning ${req.input} …`);
  // A daemon image Clair already indexed is not exported (image/known.ts) unless a compliance check reads its layers.
  const known = complianceReadsLayers(settings.policy) ? undefined : clairKnows(env.client);
  // `opened`: exported already, while Clair started (scan's whileClairStarts).
  const image = opened
    ? await opened
    : await time('image-export', () => openImage(req, settings, ctx.docker, state, source, known));
  ctx.onState?.(state);
  let lease: LayerLease | undefined;
  try {
    lease = ctx.lease(image);
    const urls = lease.urls;
    const index = await time('index', () =>
      env.client.index({
        hash: image.info.manifestDigest,
        layers: image.layers.map((l) => ({ hash: l.digest, uri: urls.get(l.digest) as string, headers: {} })),
      }),
    );
    const data = time('data', () => env.ensureData(index, image.info.ref));
    // Online data is loaded by the check: the match waits for it. A check that only reads runs beside the match
    // (the coverage query was ~5 % of a warm first scan); either failing fails the image, nothing is used before both.
    if (env.loadsData) await data;
    const [, vr] = await Promise.all([
      data,
      time('match', () => env.client.vulnerabilityReport(image.info.manifestDigest)),
    ]);
    if (vr.status === 'no-data') {
      throw new ClairScanError(
        "Clair's matcher has no vulnerability data at all; refusing to report the image as clean",
        {
          hint: "load vulnerability data first (vuln-data), or wait for the shared Clair's updaters to finish their first run.",
        },
      );
    }
    if (vr.status === 'not-found') {
      throw new ClairScanError(`Clair has no index report for ${image.info.ref} although it just indexed it`, {
        hint: 'a shared Clair may have deleted it meanwhile (garbage collection); run the scan again.',
      });
    }
    const result = await time('normalize', async () => normalizeReport(image.info, vr.report));
    // E.g. "the vulnerability data is 3 d old": said in every report, never silently.
    result.notes = [...env.dataNotes, ...(result.notes ?? [])];
    const dataNotes = new Set(env.dataNotes);
    result.compliance = await time('compliance', () =>
      // A `platform: all` target's base is read as that platform too: the arm64 image is built on the base's arm64 image.
      checkCompliance(
        image,
        settings.policy,
        (ref) =>
          openImage(
            { ...parseImageRequest(ref), ...(req.platform ? { platform: req.platform } : {}) },
            settings,
            ctx.docker,
            state,
          ),
        {
          notes: result.notes,
          registry: settings.registry,
          // check-eol reads the OS release from Clair's index report, not from the layers.
          distributions: result.distributions,
          eol: ctx.eol,
        },
      ),
    );
    log.info(
      `${req.input}: ${plural(result.packages.length, 'package')}, ${plural(result.vulnerabilities.length, 'vulnerability', 'vulnerabilities')}, ${plural(result.compliance.length, 'compliance finding')}.`,
    );
    // Said in the log as in every report: e.g. nothing Clair can match, or stale vulnerability data.
    for (const note of result.notes ?? [])
      (note === NOTHING_TO_MATCH_NOTE || dataNotes.has(note) ? log.warn : log.info)(`${req.input}: ${note}`);
    return result;
  } finally {
    if (lease) await lease.release();
    else await image.close();
  }
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
