/**
 * The ephemeral Clair container: the official image's layout (entrypoint /usr/bin/clair, CLAIR_CONF and
 * CLAIR_MODE from the image), our config copied into /config before start, a tmpfs on /var/tmp (Clair
 * spools layers there with O_TMPFILE, which overlayfs on older kernels lacks: clair-v4.md §8.1).
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ClairScanError, errorMessage } from '../util/errors';
import type { CaBundle } from '../util/ca';
import { log } from '../util/log';
import { type Container, DockerClient } from './docker';
import { freeLocalPort, randomPort, formatHostPort } from './address';
import { enforcedDropIn, generateClairConfig, OFFLINE_MAPPING_FILES } from './clair-config';
import { ClairClient } from '../clair/client';
import { sleep } from './postgres';
import { ReadyOutcome, startService } from './service';

export interface ClairContainer {
  container: Container;
  client: ClairClient;
  url: string;
  /** The random `auth.psk` key this Clair was started with (base64): its API answers only requests signed with it. */
  psk: string;
}

const PORT_IN_USE = /address already in use|bind:/i;

/** A user's clair-config must exist and be .yaml or .json (what Clair reads). Checked before anything starts. */
export function validateClairConfigFile(file: string): void {
  if (!['.yaml', '.json'].includes(path.extname(file).toLowerCase())) {
    throw new ClairScanError(`clair-config "${file}" must end in .yaml or .json`, {
      hint: 'Clair reads only .yaml and .json config files (not .yml): rename the file.',
    });
  }
  if (!fs.existsSync(file)) {
    throw new ClairScanError(`clair-config file "${file}" does not exist`, {
      hint: 'check the path (relative to the working directory).',
    });
  }
}

/**
 * A Red Hat mapping file given as an input: Clair reads it once at start (the scanner's Configure) and a bad one
 * stops it with a bare JSON error, so check the shape first. Plain JSON or gzip/zstd-compressed (as Clair accepts,
 * claircore's zreader; a compressed file is only checked for being readable here).
 */
function validateMappingFile(
  file: string,
  m: { input: string; what: string; shape: string; url: string; valid: (data: Record<string, unknown>) => boolean },
): void {
  const hint = `download Red Hat's mapping (${m.url}) and give its path in ${m.input}.`;
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (err) {
    throw new ClairScanError(`${m.input} file "${file}" cannot be read: ${errorMessage(err)}`, { hint });
  }
  if (
    buf.subarray(0, 2).equals(Buffer.from([0x1f, 0x8b])) ||
    buf.subarray(0, 4).equals(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]))
  )
    return;
  let doc: unknown;
  try {
    doc = JSON.parse(buf.toString('utf8'));
  } catch (err) {
    throw new ClairScanError(`${m.input} file "${file}" is not JSON: ${errorMessage(err)}`, { hint });
  }
  const data = (doc as { data?: unknown } | null)?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data) || !m.valid(data as Record<string, unknown>)) {
    throw new ClairScanError(`${m.input} file "${file}" is not ${m.what} (${m.shape})`, { hint });
  }
}

/**
 * `rhel-repo2cpe` (rhel-repository-scanner's repo2cpe_mapping_file): {"data": {"<repoid>": {"cpes": ["cpe:/…", …]}, …}}.
 */
export function validateRepo2cpeFile(file: string): void {
  validateMappingFile(file, {
    input: 'rhel-repo2cpe',
    what: 'a repository-to-CPE mapping',
    shape: '{"data": {"<repoid>": {"cpes": ["cpe:/…"]}}}',
    url: 'https://security.access.redhat.com/data/metrics/repository-to-cpe.json',
    valid: (data) =>
      Object.values(data).every((r) => {
        const cpes = (r as { cpes?: unknown } | null)?.cpes;
        return Array.isArray(cpes) && cpes.every((c) => typeof c === 'string' && /^cpe:(\/|2\.3:)/.test(c));
      }),
  });
}

/**
 * `rhel-name2repos` (rhel_containerscanner's name2repos_mapping_file, claircore rhel/rhcc `mappingFile`):
 * {"data": {"<name label>": ["<repository>", …]}, …}. Every repository becomes a package of the image; a name
 * without an entry stays its only one.
 */
export function validateName2reposFile(file: string): void {
  validateMappingFile(file, {
    input: 'rhel-name2repos',
    what: 'a container name-to-repositories mapping',
    shape: '{"data": {"<name label>": ["<repository>", …]}}',
    url: 'https://security.access.redhat.com/data/metrics/container-name-repos-map.json',
    valid: (data) =>
      Object.values(data).every(
        (repos) => Array.isArray(repos) && repos.every((r) => typeof r === 'string' && r !== ''),
      ),
  });
}

/**
 * Preflight (single scan and batch): the files a user gives the ephemeral Clair — its config drop-in and Red Hat's
 * two mapping files — are checked before anything starts. With `clair-url` none of them is used.
 */
export function validateClairFiles(s: {
  clairUrl?: string;
  clairConfig?: string;
  rhelRepo2cpe?: string;
  rhelName2repos?: string;
}): void {
  if (s.clairUrl) return;
  if (s.clairConfig) validateClairConfigFile(s.clairConfig);
  if (s.rhelRepo2cpe) validateRepo2cpeFile(s.rhelRepo2cpe);
  if (s.rhelName2repos) validateName2reposFile(s.rhelName2repos);
}

/** Where `registry-ca-file` goes in the Clair container: a directory of the image's SSL_CERT_DIR. */
export const CA_FILE_IN_CLAIR = '/var/run/certs/clair-scan-ca.pem';

/**
 * Go adds every file in SSL_CERT_DIR's directories to its default roots, and the official image lists /var/run/certs
 * there for this. Written into the deepest directory that exists (the Engine API creates none, and a directory entry
 * for /var/run would replace the symlink it is in some images).
 */
async function putCaBundle(docker: DockerClient, container: Container, ca: CaBundle): Promise<void> {
  const pem = `${ca.pems.join('\n')}\n`;
  const parts = CA_FILE_IN_CLAIR.split('/').slice(1);
  for (let depth = parts.length - 1; depth >= 0; depth--) {
    try {
      await docker.putFiles(container, `/${parts.slice(0, depth).join('/')}`, { [parts.slice(depth).join('/')]: pem });
      return;
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode !== 404 || depth === 0) throw err;
    }
  }
}

/** Where the official image's Clair reads its config (`ENV CLAIR_CONF`), and so where we write ours. */
const CONFIG_DIR = '/config';
const CONFIG_FILE = `${CONFIG_DIR}/config.yaml`;

function notAClairImage(image: string, what: string): ClairScanError {
  return new ClairScanError(
    `input "clair-image" (${image}) is not a Clair v4 image laid out like quay.io/projectquay/clair: ${what}`,
    {
      hint:
        'set clair-image to a Clair v4 image such as quay.io/projectquay/clair:4.9.0 (or leave it unset for that default). ' +
        `An image of your own must keep the official layout: clair as the entrypoint, ENV CLAIR_CONF=${CONFIG_FILE} and a ${CONFIG_DIR} directory (VOLUME ${CONFIG_DIR}).`,
    },
  );
}

/**
 * Checks, from the image's config alone, that `image` reads its config where we write it (CLAIR_CONF, like the
 * official image). Called once the image is present and before PostgreSQL or Clair start, so a wrong
 * clair-image (e.g. the application image) fails in seconds with what to do.
 */
export async function checkClairImage(docker: DockerClient, image: string): Promise<void> {
  const info = await docker.imageInspect(image);
  if (!info) return; // ensureImage has already said whether it is there
  const conf = (info.Config?.Env ?? []).find((e) => e.startsWith('CLAIR_CONF='))?.slice('CLAIR_CONF='.length);
  if (conf === undefined)
    throw notAClairImage(
      image,
      'it sets no CLAIR_CONF environment variable, so Clair would not read the config clair-scan writes',
    );
  if (conf !== CONFIG_FILE)
    throw notAClairImage(image, `it reads its config from CLAIR_CONF=${conf}, but clair-scan writes ${CONFIG_FILE}`);
  // We start the image's own command (no Cmd of ours): it must run clair, possibly behind an init wrapper.
  const command = [...(info.Config?.Entrypoint ?? []), ...(info.Config?.Cmd ?? [])];
  if (!command.some((part) => path.posix.basename(part) === 'clair')) {
    throw notAClairImage(
      image,
      command.length
        ? `its command (${command.join(' ')}) does not run clair`
        : 'it has no entrypoint or command, so nothing would run clair',
    );
  }
}

export async function startClair(
  docker: DockerClient,
  opts: {
    image: string;
    runId: string;
    connString: string;
    listenHost: string;
    airgap: boolean;
    userConfig?: string;
    /** `rhel-repo2cpe`: a Red Hat repository-to-CPE mapping file. */
    repo2cpe?: string;
    /** `rhel-name2repos`: a Red Hat container name-to-repositories mapping file. */
    name2repos?: string;
    /** `registry-ca-file`: trusted by Clair's updaters too (an internal mirror, a TLS-intercepting proxy). */
    ca?: CaBundle;
    timeoutMs: number;
    requestTimeoutMs: number;
  },
): Promise<ClairContainer> {
  if (opts.userConfig) validateClairConfigFile(opts.userConfig);
  if (opts.repo2cpe) validateRepo2cpeFile(opts.repo2cpe);
  if (opts.name2repos) validateName2reposFile(opts.name2repos);
  const deadline = Date.now() + opts.timeoutMs;
  const psk = randomBytes(32).toString('base64');
  return startService(docker, {
    name: 'Clair',
    deadline,
    portInUse: PORT_IN_USE,
    attempt: async (n) => {
      const [apiPort, introPort] = docker.endpoint.tcp
        ? [randomPort(), randomPort()]
        : [await freeLocalPort(), await freeLocalPort()];
      const params = {
        psk,
        connString: opts.connString,
        httpListen: formatHostPort(opts.listenHost, apiPort),
        introspectionListen: formatHostPort(opts.listenHost, introPort),
        airgap: opts.airgap,
        repo2cpeFile: !!opts.repo2cpe,
        name2reposFile: !!opts.name2repos,
      };
      const container = await docker.createContainer({
        name: `clair-scan-${opts.runId}-clair${n > 1 ? `-${n}` : ''}`,
        image: opts.image,
        runId: opts.runId,
        role: 'clair',
        tmpfs: { '/var/tmp': 'rw,exec,mode=1777' },
      });
      const files: Record<string, string | { path: string }> = { 'config.yaml': generateClairConfig(params) };
      if (opts.airgap) {
        files[path.posix.basename(OFFLINE_MAPPING_FILES.repo2cpe)] = '{"data":{}}\n';
        files[path.posix.basename(OFFLINE_MAPPING_FILES.name2repos)] = '{"data":{}}\n';
      }
      if (opts.repo2cpe) files[path.posix.basename(OFFLINE_MAPPING_FILES.repo2cpe)] = { path: opts.repo2cpe };
      if (opts.name2repos) files[path.posix.basename(OFFLINE_MAPPING_FILES.name2repos)] = { path: opts.name2repos };
      if (opts.userConfig) {
        // Clair reads only drop-ins with the main file's extension (.yaml); JSON is valid YAML, so a .json
        // file is used as is under a .yaml name.
        files['config.yaml.d/50-user.yaml'] = { path: opts.userConfig };
        files['config.yaml.d/99-clair-scan.yaml'] = enforcedDropIn(params);
      }
      try {
        await docker.putFiles(container, CONFIG_DIR, files);
      } catch (err) {
        // The Engine API answers 404 when the image has no such directory: not a Clair image after all.
        if ((err as { statusCode?: number }).statusCode !== 404) throw err;
        await docker.removeContainer(container.id);
        throw notAClairImage(
          opts.image,
          `it has no ${CONFIG_DIR} directory to put the config in (${errorMessage(err)})`,
        );
      }
      if (opts.ca) await putCaBundle(docker, container, opts.ca);
      await docker.startContainer(container);
      const url = `http://${params.httpListen}`;
      const client = new ClairClient({
        url,
        introspectionUrl: `http://${params.introspectionListen}`,
        requestTimeoutMs: opts.requestTimeoutMs,
        psk,
      });
      return {
        container,
        value: { container, client, url, psk },
        outcome: await waitReady(
          { isReady: () => client.isReady(), isRunning: async () => (await docker.isRunning(container)).running },
          deadline,
          opts.timeoutMs,
        ),
        discard: () => client.close(),
      };
    },
    failure: (outcome, logs) =>
      new ClairScanError(
        outcome === 'exited'
          ? `the Clair container (${opts.image}) stopped before it was ready`
          : `Clair (${opts.image}) was not ready within ${Math.round(opts.timeoutMs / 1000)} s`,
        {
          hint:
            outcome === 'exited'
              ? "see Clair's log below: a config error names the bad key (check clair-config); otherwise check that clair-image is a Clair v4 image."
              : "raise startup-timeout; see Clair's log below for what it was waiting on.",
          details: logs,
        },
      ),
  });
}

/**
 * Readiness poll interval: Clair started on a database image answers in about 0.3 s, so a poll every 500 ms
 * cost a scan up to half a second of waiting. Fast for the first seconds (a refused connection on loopback costs
 * next to nothing), then slower for a Clair that is loading or migrating.
 */
export function readyPollMs(elapsedMs: number): number {
  return elapsedMs < 5000 ? 20 : 250;
}

/** The container's state is a Docker API call: asked at most this often, not on every readiness poll. */
const STATE_CHECK_MS = 500;

/**
 * Waits until Clair answers ready, its container stops ('exited') or the deadline passes ('timeout'; checked
 * once more for a stopped container then, so a crash is reported as such with its log).
 */
export async function waitReady(
  probe: { isReady(): Promise<boolean>; isRunning(): Promise<boolean> },
  deadline: number,
  timeoutMs: number,
): Promise<ReadyOutcome> {
  const started = Date.now();
  let lastProgress = started;
  let lastState = started;
  while (Date.now() < deadline) {
    if (await probe.isReady()) {
      log.info(`Clair is ready (${((Date.now() - started) / 1000).toFixed(1)} s).`);
      return 'ready';
    }
    if (Date.now() - lastState >= STATE_CHECK_MS) {
      lastState = Date.now();
      if (!(await probe.isRunning())) return 'exited';
    }
    if (Date.now() - lastProgress >= 10000) {
      lastProgress = Date.now();
      log.info(
        `Waiting for Clair to be ready (${Math.round((Date.now() - started) / 1000)} s of at most ${Math.round(timeoutMs / 1000)} s)…`,
      );
    }
    await sleep(Math.min(readyPollMs(Date.now() - started), Math.max(0, deadline - Date.now())));
  }
  return (await probe.isRunning()) ? 'timeout' : 'exited';
}
