/**
 * The ephemeral Clair container: the official image's layout (entrypoint /usr/bin/clair, CLAIR_CONF and
 * CLAIR_MODE from the image), our config copied into /config before start, a tmpfs on /var/tmp (Clair
 * spools layers there with O_TMPFILE, which overlayfs on older kernels lacks: clair-v4.md §8.1).
 */
import type Docker from 'dockerode';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ClairScanError } from '../util/errors';
import { log } from '../util/log';
import { DockerClient } from './docker';
import { freeLocalPort, randomPort, formatHostPort } from './address';
import { enforcedDropIn, generateClairConfig, OFFLINE_MAPPING_FILES } from './clair-config';
import { ClairClient } from '../clair/client';
import { sleep } from './postgres';

export interface ClairContainer {
  container: Docker.Container;
  client: ClairClient;
  url: string;
}

const PORT_IN_USE = /address already in use|bind:/i;

export async function startClair(
  docker: DockerClient,
  opts: {
    image: string;
    runId: string;
    connString: string;
    listenHost: string;
    airgap: boolean;
    userConfig?: string;
    timeoutMs: number;
    requestTimeoutMs: number;
  },
): Promise<ClairContainer> {
  const deadline = Date.now() + opts.timeoutMs;
  for (let attempt = 1; ; attempt++) {
    const [apiPort, introPort] = docker.endpoint.tcp ? [randomPort(), randomPort()] : [await freeLocalPort(), await freeLocalPort()];
    const params = {
      connString: opts.connString,
      httpListen: formatHostPort(opts.listenHost, apiPort),
      introspectionListen: formatHostPort(opts.listenHost, introPort),
      airgap: opts.airgap,
    };
    const container = await docker.createContainer({
      name: `clair-scan-${opts.runId}-clair${attempt > 1 ? `-${attempt}` : ''}`,
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
    if (opts.userConfig) {
      const ext = path.extname(opts.userConfig).toLowerCase();
      if (ext !== '.yaml' && ext !== '.json') {
        await docker.removeContainer(container.id);
        throw new ClairScanError(`clair-config "${opts.userConfig}" must end in .yaml or .json`, {
          hint: 'Clair reads only .yaml and .json config files (not .yml): rename the file.',
        });
      }
      if (!fs.existsSync(opts.userConfig)) {
        await docker.removeContainer(container.id);
        throw new ClairScanError(`clair-config file "${opts.userConfig}" does not exist`, { hint: 'check the path (relative to the working directory).' });
      }
      // Clair reads only drop-ins with the main file's extension (.yaml); JSON is valid YAML, so a .json
      // file is used as is under a .yaml name.
      files['config.yaml.d/50-user.yaml'] = { path: opts.userConfig };
      files['config.yaml.d/99-clair-scan.yaml'] = enforcedDropIn(params);
    }
    await docker.putFiles(container, '/config', files);
    await container.start();
    const url = `http://${params.httpListen}`;
    const client = new ClairClient({ url, introspectionUrl: `http://${params.introspectionListen}`, requestTimeoutMs: opts.requestTimeoutMs });
    const outcome = await waitReady(docker, container, client, deadline, opts.timeoutMs);
    if (outcome === 'ready') return { container, client, url };
    await client.close();
    const logs = await docker.logsTail(container, 60);
    await docker.removeContainer(container.id);
    if (outcome === 'exited' && PORT_IN_USE.test(logs) && attempt < 3 && Date.now() < deadline) {
      log.info('A Clair port was taken; retrying on other ports.');
      continue;
    }
    throw new ClairScanError(
      outcome === 'exited' ? `the Clair container (${opts.image}) stopped before it was ready` : `Clair (${opts.image}) was not ready within ${Math.round(opts.timeoutMs / 1000)} s`,
      {
        hint:
          outcome === 'exited'
            ? 'see Clair\'s log below: a config error names the bad key (check clair-config); otherwise check that clair-image is a Clair v4 image.'
            : 'raise startup-timeout; see Clair\'s log below for what it was waiting on.',
        details: logs,
      },
    );
  }
}

async function waitReady(docker: DockerClient, container: Docker.Container, client: ClairClient, deadline: number, timeoutMs: number): Promise<'ready' | 'exited' | 'timeout'> {
  const started = Date.now();
  let lastProgress = started;
  while (Date.now() < deadline) {
    if (await client.isReady()) {
      log.info(`Clair is ready (${((Date.now() - started) / 1000).toFixed(1)} s).`);
      return 'ready';
    }
    const state = await docker.isRunning(container);
    if (!state.running) return 'exited';
    if (Date.now() - lastProgress >= 10000) {
      lastProgress = Date.now();
      log.info(`Waiting for Clair to be ready (${Math.round((Date.now() - started) / 1000)} s of at most ${Math.round(timeoutMs / 1000)} s)…`);
    }
    await sleep(500);
  }
  return 'timeout';
}
