/**
 * The pipeline: settings → environment → image source → Clair → findings → policy → reports.
 * Everything this run starts is registered in its RunState and removed in the `finally` below, whatever happens.
 */
import * as fs from 'node:fs';
import { ClairScanError } from './util/errors';
import { log } from './util/log';
import type { ImageRequest, ImageSourceKind, ReportFormat, Settings } from './inputs/settings';
import { parseImageRequest } from './inputs/settings';
import { newRunId, RunState, trackRun } from './environment/run-state';
import { runPhase } from './util/phase';
import { cleanupRun } from './environment/cleanup';
import { DockerClient } from './environment/docker';
import { layerServerAddressFor, localAddressTowards } from './environment/address';
import { ClairEnvironment, openClairEnvironment } from './environment';
import { startLayerServer, LayerServer } from './image/layer-server';
import { validateClairConfigFile } from './environment/clair-container';
import type { ResolvedImage } from './image/types';
import { isInDaemon, resolveFromDaemon } from './image/docker-daemon';
import { resolveFromArchiveFile, splitArchiveSpec } from './image/archive-file';
import { resolveFromRegistry } from './image/registry';
import { parseReference } from './image/reference';
import { normalizeReport } from './findings/normalize';
import { ImageResult, NOTHING_TO_MATCH_NOTE, RESULT_SCHEMA_VERSION, ScanResult } from './findings/model';
import { checkCompliance, evaluatePolicy, validatePolicy } from './policy';
import { loadBaseline, summarizeDelta, useBaseline, type BaselineFetcher } from './findings/delta';
import { writeReports } from './report';
import { TOOL_VERSION } from './version';

export interface ScanOutcome {
  result: ScanResult;
  reports: Partial<Record<ReportFormat, string>>;
  exitCode: 0 | 1 | 2;
  /** Seconds per phase (for benchmarks and the log). */
  timings: Record<string, number>;
}

export interface ScanOptions {
  /** Called as soon as the run state exists and again whenever it changes (for the action's post step). */
  onState?(s: RunState): void;
  /** Fetches the baseline from the CI platform (the action: GitHub; the CLI in GitLab CI: GitLab). */
  fetchBaseline?: BaselineFetcher;
}

export async function scan(settings: Settings, opts: ScanOptions = {}): Promise<ScanOutcome> {
  const state: RunState = { runId: newRunId(), dockerHost: settings.dockerHost, tempDirs: [] };
  const untrack = trackRun(state);
  opts.onState?.(state);
  log.info(`Run ${state.runId} (if this process is killed: clair-scan cleanup --run-id ${state.runId}).`);
  const timings: Record<string, number> = {};
  const deadlines = phaseDeadlines(settings);
  // Every phase runs under a deadline (fail closed: a stalled phase is an error naming it, never a silent end).
  const time = async <T>(phase: string, f: () => Promise<T>): Promise<T> => {
    const t0 = process.hrtime.bigint();
    try {
      const d = deadlines[phase] ?? deadlines.default;
      return await runPhase(phase, d.ms, f, d.hint);
    } finally {
      timings[phase] = (timings[phase] ?? 0) + Number(process.hrtime.bigint() - t0) / 1e9;
    }
  };
  const startedAt = new Date();
  let docker: DockerClient | undefined;
  const dockerClient = (): DockerClient => (docker ??= new DockerClient(settings.dockerHost));
  let env: ClairEnvironment | undefined;
  let server: LayerServer | undefined;
  try {
    // Fail fast on inputs that need no Docker or Clair to check.
    const sources = new Map<ImageRequest, ImageSourceKind>();
    await time('preflight', async () => {
      for (const r of settings.images) validateRequest(r, settings);
      await validatePolicy(settings.policy);
      validateDataSource(settings);
      if (settings.clairConfig && !settings.clairUrl) validateClairConfigFile(settings.clairConfig);
      for (const r of settings.images) sources.set(r, await locateImage(r, settings, dockerClient));
    });
    env = await openClairEnvironment(settings, dockerClient, state, time);
    opts.onState?.(state);
    server = await time('layer-server', () => startServer(settings, env as ClairEnvironment, dockerClient));
    const images: ImageResult[] = [];
    const ctx: ImageContext = {
      settings,
      env,
      state,
      docker: dockerClient,
      time,
      onState: opts.onState,
      lease: (image) => {
        const urls = (server as LayerServer).publish(image.layers);
        return {
          urls,
          release: async () => {
            (server as LayerServer).unpublish(image.layers);
            await image.close();
          },
        };
      },
    };
    for (const req of settings.images) images.push(await scanImage(ctx, req, sources.get(req)));
    const result: ScanResult = {
      schemaVersion: RESULT_SCHEMA_VERSION,
      tool: { name: 'clair-scan', version: TOOL_VERSION },
      clair: { version: env.version, ephemeral: env.ephemeral, url: env.ephemeral ? undefined : env.client.url },
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      images,
    };
    // The comparison with a baseline (findings/delta.ts): never an error, a notice when it cannot be made.
    const compared = useBaseline(result, await time('baseline', () => loadBaseline(settings.baseline ?? '', opts.fetchBaseline)));
    for (const n of compared.notices) log.warn(`baseline: ${n}`);
    result.verdict = await time('policy', () => evaluatePolicy(result, settings.policy));
    summarizeDelta(result);
    if (compared.headline) log.info(`baseline: ${compared.headline} (allowlisted not counted)`);
    const reports = await time('reports', () => writeReports(result, settings.reports));
    // Fail closed: exit 0 or 1 only when every requested report exists.
    const missing = settings.reports.formats.filter((f) => !reports[f] || !fs.existsSync(reports[f] as string));
    if (missing.length) {
      throw new ClairScanError(`the ${missing.join(', ')} report${missing.length > 1 ? 's were' : ' was'} not written`, { hint: `check that output-dir (${settings.reports.outputDir}) is writable and has free space.` });
    }
    const exitCode = result.verdict.status === 'fail' && result.verdict.enforced ? 1 : 0;
    return { result, reports, exitCode, timings };
  } finally {
    await server?.close();
    try {
      await time('cleanup', async () => {
        await env?.close();
        await cleanupRun(state);
      });
    } finally {
      untrack();
    }
  }
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
  env: ClairEnvironment;
  state: RunState;
  docker: () => DockerClient;
  /** Runs one phase under its deadline and records its time. */
  time: <T>(phase: string, f: () => Promise<T>) => Promise<T>;
  onState?(s: RunState): void;
  /** Publishes the image's layers for Clair; the lease is released when the image is done, whatever happened. */
  lease(image: ResolvedImage): LayerLease;
}

/**
 * One image: export → index → data check → match → normalize → compliance. `source`: where locateImage
 * already found it (else it is located here). Throws ClairScanError for anything that went wrong.
 */
export async function scanImage(ctx: ImageContext, req: ImageRequest, source?: ImageSourceKind): Promise<ImageResult> {
  const { settings, env, state, time } = ctx;
  const dockerClient = ctx.docker;
  log.info(`Scanning ${req.input} …`);
  const image = await time('image-export', () => resolveImage(req, settings, dockerClient, state, source));
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
    await time('data', () => env.ensureData(index, image.info.ref));
    const vr = await time('match', () => env.client.vulnerabilityReport(image.info.manifestDigest));
    if (vr.status === 'no-data') {
      throw new ClairScanError('Clair\'s matcher has no vulnerability data at all; refusing to report the image as clean', {
        hint: 'load vulnerability data first (vuln-data), or wait for the shared Clair\'s updaters to finish their first run.',
      });
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
      checkCompliance(image, settings.policy, (ref) => resolveImage(parseImageRequest(ref), settings, dockerClient, state), { notes: result.notes, registry: settings.registry }),
    );
    log.info(`${req.input}: ${plural(result.packages.length, 'package')}, ${plural(result.vulnerabilities.length, 'vulnerability', 'vulnerabilities')}, ${plural(result.compliance.length, 'compliance finding')}.`);
    // Said in the log as in every report: e.g. nothing Clair can match, or stale vulnerability data.
    for (const note of result.notes ?? []) (note === NOTHING_TO_MATCH_NOTE || dataNotes.has(note) ? log.warn : log.info)(`${req.input}: ${note}`);
    return result;
  } finally {
    if (lease) await lease.release();
    else await image.close();
  }
}

interface PhaseDeadline {
  ms: number;
  hint: string;
}

/** How long each phase may take, from the timeout inputs; every phase has one. */
export function phaseDeadlines(settings: Settings): Record<string, PhaseDeadline> & { default: PhaseDeadline } {
  const startup = { ms: settings.startupTimeoutSec * 1000 + 30000, hint: 'PostgreSQL or Clair did not start in time: check the Docker daemon, or raise startup-timeout.' };
  const data = { ms: settings.dataTimeoutSec * 1000 + 30000, hint: 'loading vulnerability data took too long: check the Docker daemon\'s disk and the data source, or raise data-timeout.' };
  const scanning = { ms: settings.scanTimeoutSec * 1000 + 30000, hint: 'Clair or the image source stopped answering: check them, or raise scan-timeout for very large images.' };
  const local = { ms: 10 * 60 * 1000, hint: 'this step does no network I/O; a stall here is a bug in clair-scan: please report it with this log.' };
  return {
    preflight: startup,
    pull: startup,
    'start-postgres': startup,
    'start-clair': startup,
    'data-load': data,
    data,
    'layer-server': { ms: 60000, hint: 'the layer server could not start: check layer-server-address.' },
    'image-export': scanning,
    index: scanning,
    match: scanning,
    compliance: scanning,
    normalize: local,
    policy: local,
    reports: { ms: 10 * 60 * 1000, hint: `writing the reports stalled: check that output-dir (${settings.reports.outputDir}) is on a healthy, writable disk.` },
    cleanup: { ms: 5 * 60 * 1000, hint: 'removing the containers stalled: check the Docker daemon; leftovers carry the label io.clair-scan.run.' },
    default: scanning,
  };
}

export function validateRequest(r: ImageRequest, settings: Settings): void {
  const source = r.source ?? (settings.imageSource === 'auto' ? undefined : settings.imageSource);
  if (source === 'archive' || (source === undefined && fs.existsSync(r.ref))) return;
  if (!parseReference(r.ref)) {
    throw new ClairScanError(`"${r.ref}" is not a valid image reference`, {
      hint: 'use the form [registry/]name[:tag][@sha256:digest] (lower-case), e.g. myapp:ci or ghcr.io/org/app:1.2, or the path of an image archive.',
    });
  }
}

export function validateDataSource(settings: Settings): void {
  const v = settings.vulnData;
  if (settings.clairUrl || v.toLowerCase() === 'online' || /^(https?|oci):\/\//i.test(v)) return;
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(v);
  } catch {
    throw new ClairScanError(`vulnerability data file "${v}" does not exist`, {
      hint: 'set vuln-data to a snapshot or bundle made by `clair-scan data export` / `clairctl export-updaters` (.json, .json.gz or .json.zst), an http(s) URL, oci://REGISTRY/REPO:TAG, or `online`.',
    });
  }
  if (!st.isFile() || st.size === 0) {
    throw new ClairScanError(`vulnerability data file "${v}" is empty or not a file`, { hint: 'regenerate it with `clairctl export-updaters`; an empty bundle holds no vulnerabilities.' });
  }
}

/**
 * Where an image comes from. `auto`: an existing file is an archive; an image the daemon has is read from there;
 * a name carrying a registry host is read from that registry. Cheap (no layer is read), so the scan calls it for
 * every image before starting any container: a typo fails in a second, not after Clair has started.
 */
export async function locateImage(req: ImageRequest, settings: Settings, docker: () => DockerClient): Promise<ImageSourceKind> {
  const explicit = req.source ?? (settings.imageSource === 'auto' ? undefined : settings.imageSource);
  if (explicit === 'archive') splitArchiveSpec(req.ref);
  if (explicit === 'docker') {
    const d = docker();
    await d.ping();
    if (!(await isInDaemon(d, req.ref))) throw new ClairScanError(`image "${req.ref}" was not found in the Docker daemon at ${d.endpoint.host}`, { hint: NOT_FOUND_HINT });
  }
  if (explicit) return explicit;
  if (fs.existsSync(req.ref)) return 'archive';
  const d = docker();
  await d.ping();
  if (await isInDaemon(d, req.ref)) return 'docker';
  const notInDaemon = `image "${req.ref}" was not found in the Docker daemon at ${d.endpoint.host}`;
  if (!(parseReference(req.ref) && /^[^/]+[.:][^/]*\/|^localhost\//.test(req.ref))) {
    throw new ClairScanError(notInDaemon, { hint: NOT_FOUND_HINT });
  }
  // The name carries a registry host: it must be there, and if it is not either, say both.
  try {
    await (await resolveFromRegistry(req.ref, settings.registry)).close();
  } catch (err) {
    const why = err instanceof ClairScanError ? err.message : String(err);
    throw new ClairScanError(`${notInDaemon}, and the registry did not provide it either (${why})`, { hint: NOT_FOUND_HINT });
  }
  return 'registry';
}

const NOT_FOUND_HINT =
  'build it in an earlier step (docker/build-push-action needs `load: true`) and check the name and tag; to scan from a registry, write `registry:<ref>` (Docker Hub is never used implicitly).';

/** `source`: where locateImage already found the image (it is not looked up again). */
export async function resolveImage(req: ImageRequest, settings: Settings, docker: () => DockerClient, state: RunState, source?: ImageSourceKind): Promise<ResolvedImage> {
  switch (source ?? (await locateImage(req, settings, docker))) {
    case 'archive':
      return resolveFromArchiveFile(req.ref, state);
    case 'registry':
      return resolveFromRegistry(req.ref, settings.registry);
    case 'docker': {
      const d = docker();
      await d.ping();
      return resolveFromDaemon(d, req.ref, state);
    }
  }
}

export async function startServer(settings: Settings, env: ClairEnvironment, docker: () => DockerClient): Promise<LayerServer> {
  if (settings.layerServerAddress) {
    const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(settings.layerServerAddress);
    if (!m) throw new ClairScanError(`layer-server-address "${settings.layerServerAddress}" is not host or host:port`, { hint: 'e.g. 10.0.0.5 or 10.0.0.5:8080.' });
    return startLayerServer({ bindHost: m[1], port: m[2] ? Number(m[2]) : undefined });
  }
  let host: string;
  if (env.ephemeral) host = await layerServerAddressFor(docker().endpoint);
  else {
    const u = new URL(env.client.url);
    host = await localAddressTowards(u.hostname.replace(/^\[|\]$/g, ''), Number(u.port || (u.protocol === 'https:' ? 443 : 80)));
  }
  return startLayerServer({ bindHost: host });
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
