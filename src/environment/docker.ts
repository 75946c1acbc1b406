/**
 * The only module that talks to the Docker Engine API (through dockerode, so no `docker` CLI is needed in
 * the job image: GitLab jobs often run in a plain Node image next to a `docker:dind` service). Other modules
 * hold a container as an opaque `Container` handle that only DockerClient's methods act on (the architecture test
 * checks that nothing else imports dockerode).
 */
import Docker from 'dockerode';
import { PassThrough, Readable } from 'node:stream';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import * as tar from 'tar-stream';
import { ClairScanError, errorMessage } from '../util/errors';
import { log } from '../util/log';
import { LABEL_OWNER, LABEL_RUN, OWNER_VALUE } from './run-state';

export interface DockerEndpoint {
  /** As the user would write it: unix:///var/run/docker.sock or tcp://host:2375. */
  host: string;
  /** For tcp endpoints: the daemon's host name/address and port (to find our own address towards it). */
  tcp?: { host: string; port: number; tls: boolean };
}

export function resolveEndpoint(dockerHost?: string): DockerEndpoint {
  const host = dockerHost || process.env.DOCKER_HOST || 'unix:///var/run/docker.sock';
  const m = /^(tcp|http|https):\/\/\[?([^\]/]+?)\]?(?::(\d+))?\/?$/.exec(host);
  if (m) {
    // As the Docker CLI reads it: any non-empty DOCKER_TLS_VERIFY (even "0" or "false") turns TLS verification on.
    const tls = m[1] === 'https' || !!process.env.DOCKER_TLS_VERIFY;
    return { host, tcp: { host: m[2], port: Number(m[3] ?? (tls ? 2376 : 2375)), tls } };
  }
  if (/^unix:\/\//.test(host) || host.startsWith('/')) return { host };
  throw new ClairScanError(`unsupported Docker host "${host}"`, {
    hint: 'set docker-host (or DOCKER_HOST) to unix:///path/to/docker.sock or tcp://host:port.',
  });
}

export interface ContainerSpec {
  name: string;
  image: string;
  runId: string;
  role: string;
  cmd?: string[];
  env?: Record<string, string>;
  user?: string;
  tmpfs?: Record<string, string>;
  /**
   * Capabilities the container keeps; every other one is dropped. Clair runs as nobody and needs none; the
   * PostgreSQL entrypoint (official image's interface) starts as root to chown its data dir, then drops to the
   * postgres user.
   */
  capAdd?: string[];
}

declare const HANDLE: unique symbol;
/** A container, as the rest of the code holds it: its id, and nothing to call (DockerClient's methods act on it). */
export interface Container {
  readonly id: string;
  readonly [HANDLE]: true;
}
/** The dockerode object behind a handle (a handle is one, typed opaque). */
const engine = (c: Container): Docker.Container => c as unknown as Docker.Container;
const handleOf = (c: Docker.Container): Container => c as unknown as Container;

/** Processes (and threads) one service container may have: bounds a fork bomb, far above what Clair or PostgreSQL use. */
const PIDS_LIMIT = 2048;

/** Credentials for one registry, as the Engine API takes them (X-Registry-Auth). */
export interface RegistryCredentials {
  username: string;
  password: string;
  serveraddress: string;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export class DockerClient {
  readonly endpoint: DockerEndpoint;
  private readonly api: Docker;

  constructor(dockerHost?: string) {
    this.endpoint = resolveEndpoint(dockerHost);
    this.api = new Docker(dockerodeOptions(this.endpoint));
  }

  /** Fails with an actionable error when the daemon does not answer. */
  async ping(): Promise<void> {
    try {
      await withTimeout(this.api.ping(), 15000, 'docker ping');
    } catch (err) {
      throw new ClairScanError(`cannot reach the Docker daemon at ${this.endpoint.host}: ${errorMessage(err)}`, {
        hint: 'start Docker or point docker-host / DOCKER_HOST at a running daemon (GitLab: add the docker:dind service and set DOCKER_HOST=tcp://docker:2375).',
        cause: err,
      });
    }
  }

  async imageInspect(ref: string): Promise<Docker.ImageInspectInfo | undefined> {
    try {
      return await this.api.getImage(ref).inspect();
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  /**
   * Makes sure `ref` is present, pulling per the policy. `auth`: registry credentials for this pull only (the
   * caller has bound them to the image's registry); otherwise the daemon pulls anonymously.
   */
  async ensureImage(
    ref: string,
    pull: 'missing' | 'always' | 'never',
    timeoutMs: number,
    auth?: RegistryCredentials,
  ): Promise<void> {
    const present = await this.imageInspect(ref);
    if (present && pull !== 'always') return;
    if (!present && pull === 'never') {
      throw new ClairScanError(`image ${ref} is not present on the Docker daemon and pulling is disabled`, {
        hint: `build or load ${ref} first, or set pull to "missing".`,
      });
    }
    log.info(`Pulling ${ref} …`);
    try {
      const stream = await this.api.pull(ref, auth ? { authconfig: auth } : {});
      await this.followProgress(stream, timeoutMs, `pull ${ref}`);
    } catch (err) {
      throw new ClairScanError(`could not pull ${ref}: ${errorMessage(err)}`, {
        hint: 'check the image name and the daemon\'s registry access, or load the image beforehand and set pull to "never".',
        cause: err,
      });
    }
  }

  /**
   * Follows a pull/push progress stream to its end. The daemon reports a failure mid-way (refused credentials, a
   * missing tag) as an `error` line in a 200 answer, not as an HTTP status: that line is the error.
   */
  private async followProgress(stream: NodeJS.ReadableStream, timeoutMs: number, what: string): Promise<void> {
    await withTimeout(
      new Promise<void>((resolve, reject) =>
        this.api.modem.followProgress(
          stream,
          (err: Error | null, output: { error?: string; errorDetail?: { message?: string } }[]) => {
            const failed = (output ?? []).find((o) => o && (o.error || o.errorDetail));
            if (err) reject(err);
            else if (failed) reject(new Error(failed.errorDetail?.message || failed.error || 'failed'));
            else resolve();
          },
        ),
      ),
      timeoutMs,
      what,
    );
  }

  /** Stops a container (its image's stop signal, then SIGKILL after `graceSec`) and returns its exit code. */
  async stopContainer(handle: Container, graceSec: number): Promise<number | undefined> {
    const container = engine(handle);
    try {
      await container.stop({ t: graceSec });
    } catch (err) {
      if (statusOf(err) !== 304) throw err; // 304: already stopped
    }
    return (await container.inspect()).State.ExitCode;
  }

  /**
   * `docker commit`: the container's file system changes become a new image `repo:tag`. The daemon merges the
   * container's own config into `config` for every key `config` does not set (Labels, Env, Cmd …): the caller
   * sets what must not be inherited. Returns the image id.
   */
  async commitContainer(
    handle: Container,
    ref: { repo: string; tag: string },
    config: Record<string, unknown>,
    comment: string,
  ): Promise<string> {
    const container = engine(handle);
    const res = (await container.commit({
      _query: { container: container.id, repo: ref.repo, tag: ref.tag, comment, pause: false },
      _body: config,
    } as unknown as Record<string, unknown>)) as { Id?: string };
    if (!res?.Id)
      throw new ClairScanError(`committing container ${container.id.slice(0, 12)} gave no image id`, {
        hint: "check the Docker daemon's log and disk space.",
      });
    return res.Id;
  }

  /** `docker push` of `ref` with credentials bound to its registry by the caller (none: anonymous). */
  async pushImage(ref: string, timeoutMs: number, auth?: RegistryCredentials): Promise<void> {
    const stream = (await this.api
      .getImage(ref)
      .push({ ...(auth ? { authconfig: auth } : {}) })) as unknown as NodeJS.ReadableStream;
    await this.followProgress(stream, timeoutMs, `push ${ref}`);
  }

  /** `docker tag`. */
  async tagImage(image: string, target: { repo: string; tag: string }): Promise<void> {
    await this.api.getImage(image).tag({ repo: target.repo, tag: target.tag });
  }

  /** Removes an image (`docker rmi`); absent is fine. */
  async removeImage(ref: string, force = false): Promise<void> {
    try {
      await this.api.getImage(ref).remove({ force });
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
    }
  }

  /** Creates (does not start) a container with host networking and our labels. */
  async createContainer(spec: ContainerSpec): Promise<Container> {
    if (shuttingDown)
      throw new ClairScanError('the run is being stopped', { hint: 'nothing to do: this run was cancelled.' });
    const p = this.doCreate(spec);
    inFlight.add(p);
    try {
      return handleOf(await p);
    } finally {
      inFlight.delete(p);
    }
  }

  private doCreate(spec: ContainerSpec): Promise<Docker.Container> {
    return this.api.createContainer({
      name: spec.name,
      Image: spec.image,
      Cmd: spec.cmd,
      Env: spec.env ? Object.entries(spec.env).map(([k, v]) => `${k}=${v}`) : undefined,
      User: spec.user,
      Labels: { [LABEL_OWNER]: OWNER_VALUE, [LABEL_RUN]: spec.runId, 'io.clair-scan.role': spec.role },
      HostConfig: {
        // Host networking: the services listen on loopback ports of the daemon's host, chosen per run, so
        // nothing is published on other interfaces and parallel jobs don't fight over fixed ports.
        NetworkMode: 'host',
        Tmpfs: spec.tmpfs,
        AutoRemove: false,
        // Least privilege: no capabilities beyond what the service needs, no privilege gain through setuid
        // binaries, a bound on processes. No memory limit: Clair sizes its heap from the cgroup limit
        // (GOMEMLIMIT, clair-v4.md §8.4) and a fixed cap would OOM-kill the scan of a large image.
        CapDrop: ['ALL'],
        CapAdd: spec.capAdd,
        SecurityOpt: ['no-new-privileges:true'],
        PidsLimit: PIDS_LIMIT,
      },
    });
  }

  /**
   * Copies files (name → content) into `dir` of a (created or running) container, streamed: the tar is
   * produced while the Engine API reads it, so memory stays bounded whatever the size (a vulnerability bundle is
   * hundreds of MB). The upload must be reading before the first entry is written: tar-stream applies
   * backpressure, and a pack written to completion first would fill, stall and never settle (that stall once
   * let the whole process run dry and exit 0 without scanning).
   */
  async putFiles(
    handle: Container,
    dir: string,
    files: Record<string, string | { path: string }>,
    opts: { mode?: number; onBytes?: (n: number) => void } = {},
  ): Promise<void> {
    const container = engine(handle);
    const mode = opts.mode ?? 0o644;
    const pack = tar.pack();
    let current: fs.ReadStream | undefined;
    const upload = container.putArchive(pack as unknown as NodeJS.ReadableStream, { path: dir });
    const write = async (): Promise<void> => {
      // Parent directories first: the Engine API does not create them.
      const dirs = new Set<string>();
      for (const name of Object.keys(files)) {
        const parts = name.split('/').slice(0, -1);
        for (let i = 1; i <= parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
      }
      for (const d of [...dirs].sort()) pack.entry({ name: d, type: 'directory', mode: 0o755, uid: 0, gid: 0 });
      for (const [name, content] of Object.entries(files)) {
        if (typeof content === 'string') {
          pack.entry({ name, mode, uid: 0, gid: 0 }, content);
          continue;
        }
        const st = await fs.promises.stat(content.path);
        await new Promise<void>((resolve, reject) => {
          const entry = pack.entry({ name, size: st.size, mode, uid: 0, gid: 0 }, (err) =>
            err ? reject(err) : resolve(),
          );
          const src = (current = fs.createReadStream(content.path));
          src.on('error', (err) => {
            entry.destroy(err);
            reject(err);
          });
          src.on('data', (chunk: Buffer | string) => {
            opts.onBytes?.(chunk.length);
            if (!entry.write(chunk)) {
              src.pause();
              entry.once('drain', () => src.resume());
            }
          });
          src.on('end', () => entry.end(() => undefined));
        });
        current = undefined;
      }
      pack.finalize();
    };
    const writing = write();
    // Either side failing ends both: a rejected upload (e.g. no such directory in the image) must not leave the
    // writer waiting for a drain that never comes, and a failed read must not leave the upload waiting for data.
    writing.catch((err: unknown) => pack.destroy(err instanceof Error ? err : new Error(String(err))));
    try {
      await Promise.all([upload, writing]);
    } catch (err) {
      current?.destroy();
      pack.destroy();
      throw err;
    }
  }

  async exec(
    handle: Container,
    cmd: string[],
    opts: { env?: Record<string, string>; timeoutMs: number; user?: string },
  ): Promise<ExecResult> {
    const container = engine(handle);
    const exec = await container.exec({
      Cmd: cmd,
      AttachStdout: true,
      AttachStderr: true,
      User: opts.user,
      Env: opts.env ? Object.entries(opts.env).map(([k, v]) => `${k}=${v}`) : undefined,
    });
    const stream = await exec.start({ hijack: true, stdin: false });
    const out = new Collector();
    const err = new Collector();
    this.api.modem.demuxStream(stream, out, err);
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        stream.on('end', resolve);
        stream.on('close', resolve);
        stream.on('error', reject);
      }),
      opts.timeoutMs,
      `${cmd[0]} in ${container.id.slice(0, 12)}`,
    ).catch((e) => {
      stream.destroy();
      throw e;
    });
    const info = await exec.inspect();
    return { exitCode: info.ExitCode ?? -1, stdout: out.text(), stderr: err.text() };
  }

  async isRunning(handle: Container): Promise<{ running: boolean; exitCode?: number }> {
    const container = engine(handle);
    const info = await container.inspect();
    return { running: info.State.Running, exitCode: info.State.ExitCode };
  }

  /** The last lines of a container's output, for error messages. Never throws. */
  async logsTail(handle: Container, lines = 40): Promise<string> {
    const container = engine(handle);
    try {
      const buf = (await container.logs({
        stdout: true,
        stderr: true,
        tail: lines,
        follow: false,
      })) as unknown as Buffer;
      return demuxBuffer(buf).trimEnd();
    } catch (err) {
      return `(could not read the container log: ${errorMessage(err)})`;
    }
  }

  /** `docker image history`: the image config's history, newest first (CreatedBy, and Size 0 for empty layers). */
  async imageHistory(ref: string): Promise<{ CreatedBy?: string; Size?: number }[]> {
    return (await withTimeout(this.api.getImage(ref).history(), 60000, 'docker image history')) as {
      CreatedBy?: string;
      Size?: number;
    }[];
  }

  /** Streams `docker save` of one image (the Engine API's image export). */
  async exportImage(ref: string): Promise<Readable> {
    return (await this.api.getImage(ref).get()) as unknown as Readable;
  }

  async listRunContainers(runId?: string): Promise<Docker.ContainerInfo[]> {
    const label = runId ? [`${LABEL_RUN}=${runId}`] : [`${LABEL_OWNER}=${OWNER_VALUE}`];
    return this.api.listContainers({ all: true, filters: { label } });
  }

  /** Removes a container and its anonymous volumes; returns once it is gone (also when another caller removes it). */
  async removeContainer(id: string): Promise<void> {
    try {
      await this.api.getContainer(id).remove({ force: true, v: true });
    } catch (err) {
      const s = statusOf(err);
      if (s === 404) return;
      if (s !== 409) throw err;
      // 409: a removal is already in progress (e.g. the scan's own cleanup racing a signal handler's). Wait
      // for it, bounded, so that "cleaned up" means gone — vfs deletes a whole root filesystem copy.
      for (let i = 0; i < 120; i++) {
        if (!(await this.exists(id))) return;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new ClairScanError(`container ${id.slice(0, 12)} is still being removed after 30 s`, {
        hint: `the Docker daemon is slow to delete it (a storage driver copying whole filesystems, e.g. vfs); check it later with \`docker ps -a --filter id=${id.slice(0, 12)}\` and remove what is left with \`docker rm -f\`.`,
      });
    }
  }

  private async exists(id: string): Promise<boolean> {
    try {
      await this.api.getContainer(id).inspect();
      return true;
    } catch (err) {
      if (statusOf(err) === 404) return false;
      throw err;
    }
  }

  /**
   * Streams one regular file out of a container (the Engine API's archive endpoint, unpacked on the fly): never
   * held in memory. Resolves once the file's entry starts; its stream errors if the archive breaks off.
   */
  async getFile(handle: Container, filePath: string): Promise<{ size: number; stream: Readable }> {
    const container = engine(handle);
    let archive: Readable;
    try {
      archive = (await container.getArchive({ path: filePath })) as unknown as Readable;
    } catch (err) {
      throw new ClairScanError(
        `cannot read ${filePath} from container ${container.id.slice(0, 12)}: ${errorMessage(err)}`,
        {
          hint:
            statusOf(err) === 404
              ? "the file was not written: see the command's output above."
              : 'check the Docker daemon.',
          cause: err,
        },
      );
    }
    const extract = tar.extract();
    return new Promise((resolve, reject) => {
      let found = false;
      extract.on('entry', (header, stream, next) => {
        stream.on('end', () => next());
        if (found || header.type !== 'file') return void stream.resume();
        found = true;
        extract.on('error', (err) => stream.destroy(err));
        resolve({ size: header.size ?? 0, stream: stream as unknown as Readable });
      });
      extract.on(
        'finish',
        () => found || reject(new Error(`${filePath} in container ${container.id.slice(0, 12)} is not a regular file`)),
      );
      extract.on('error', (err) => found || reject(err));
      archive.on('error', (err) => extract.destroy(err));
      archive.pipe(extract);
    });
  }

  container(id: string): Container {
    return handleOf(this.api.getContainer(id));
  }

  /** Starts a created container. */
  async startContainer(handle: Container): Promise<void> {
    await engine(handle).start();
  }

  /** `docker inspect` of a container. */
  async inspectContainer(handle: Container): Promise<Docker.ContainerInspectInfo> {
    return engine(handle).inspect();
  }
}

let shuttingDown = false;
const inFlight = new Set<Promise<unknown>>();

/**
 * Called when the process is told to stop: no new containers are created from now on, and the returned
 * promise settles once creations already sent to the daemon have finished — so a cleanup that lists the
 * run's containers afterwards cannot miss one created a moment later.
 */
export async function beginShutdown(timeoutMs = 15000): Promise<void> {
  shuttingDown = true;
  await withTimeout(Promise.allSettled([...inFlight]), timeoutMs, 'pending container creation').catch(() => undefined);
}

function dockerodeOptions(ep: DockerEndpoint): Docker.DockerOptions {
  // No keep-alive: Node's default agent keeps idle daemon connections open, which keeps a finished CLI
  // (or action step) alive until they time out.
  if (!ep.tcp)
    return {
      socketPath: ep.host.replace(/^unix:\/\//, ''),
      agent: new http.Agent({ keepAlive: false }),
    } as Docker.DockerOptions;
  const opts: Docker.DockerOptions = { host: ep.tcp.host, port: ep.tcp.port, protocol: ep.tcp.tls ? 'https' : 'http' };
  if (!ep.tcp.tls) (opts as { agent?: http.Agent }).agent = new http.Agent({ keepAlive: false });
  if (ep.tcp.tls) {
    const certDir = process.env.DOCKER_CERT_PATH;
    if (certDir) {
      const read = (name: string): Buffer => {
        const file = path.join(certDir, name);
        try {
          return fs.readFileSync(file);
        } catch (err) {
          throw new ClairScanError(
            `cannot read the Docker TLS client file ${file} (DOCKER_CERT_PATH): ${errorMessage(err)}`,
            {
              hint:
                'DOCKER_CERT_PATH must be a directory with ca.pem, cert.pem and key.pem. With GitLab docker:dind over TLS set ' +
                'DOCKER_TLS_CERTDIR: "/certs" and DOCKER_CERT_PATH: "/certs/client", and share /certs/client with the job ' +
                '(runner config.toml: volumes = ["/certs/client"]); dind writes the files when it starts. Without TLS use ' +
                'DOCKER_HOST: tcp://docker:2375 with DOCKER_TLS_CERTDIR, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH empty.',
            },
          );
        }
      };
      opts.ca = read('ca.pem');
      opts.cert = read('cert.pem');
      opts.key = read('key.pem');
    }
  }
  return opts;
}

class Collector extends PassThrough {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  constructor(private readonly limit = 1 << 20) {
    super();
    this.on('data', (c: Buffer) => {
      if (this.size < this.limit) {
        this.chunks.push(c);
        this.size += c.length;
      }
    });
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/** Docker's multiplexed log format: 8-byte headers (stream, 0,0,0, size BE32) before each frame. */
function demuxBuffer(buf: Buffer): string {
  if (!Buffer.isBuffer(buf)) return String(buf);
  const parts: Buffer[] = [];
  let i = 0;
  while (i + 8 <= buf.length && (buf[i] === 1 || buf[i] === 2) && buf[i + 1] === 0) {
    const n = buf.readUInt32BE(i + 4);
    parts.push(buf.subarray(i + 8, i + 8 + n));
    i += 8 + n;
  }
  return i === 0 ? buf.toString('utf8') : Buffer.concat(parts).toString('utf8');
}

export function statusOf(err: unknown): number | undefined {
  const s = (err as { statusCode?: unknown })?.statusCode;
  return typeof s === 'number' ? s : undefined;
}

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} timed out after ${Math.round(ms / 1000)} s`)), ms);
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}
