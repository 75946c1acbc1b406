/**
 * A shared Clair deployed split, as a platform team runs it (docs/shared-clair.md): PostgreSQL, an indexer
 * container (CLAIR_MODE=indexer) and a matcher container (CLAIR_MODE=matcher, `indexer_addr` → the indexer),
 * both with `auth.psk`, and a path router in front (what the Ingress / reverse proxy of the docs does):
 * `/indexer/…` → indexer, `/matcher/…` → matcher. clair-scan gets the router's URL as `clair-url`.
 *
 * Started with the test Clair and PostgreSQL images through the product's DockerClient (labels of a run id,
 * so cleanupRun removes everything).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { stringify } from 'yaml';
import { type Container, DockerClient } from '../../../src/environment/docker';
import { startPostgres, Postgres } from '../../../src/environment/postgres';
import { freeLocalPort } from '../../../src/environment/address';
import { importBundle } from '../../../src/environment/vuln-data';
import { newRunId } from '../../../src/environment/run-state';
import { cleanupRun } from '../../../src/environment/cleanup';
import { loadTestEnv } from '../../helpers/testenv';

export interface SplitClair {
  runId: string;
  /** The router's URL: what clair-url is set to. */
  url: string;
  psk: string;
  indexer: { container: Container; url: string };
  matcher: { container: Container; url: string };
  /** Requests the router forwarded, by service (proves both services answered). */
  forwarded: { indexer: number; matcher: number };
  /** Answer the next `n` requests to /indexer/ with 429 + Retry-After (a shared Clair over its concurrency). */
  throttleIndexer(n: number, retryAfterSec: number): void;
  loadData(bundle: string): Promise<void>;
  stop(): Promise<void>;
}

async function waitReady(url: string, container: Container, docker: DockerClient, what: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get(`${url}/readyz`, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on('error', () => resolve(false));
      req.setTimeout(2000, () => req.destroy());
    });
    if (ok) return;
    const { running } = await docker.isRunning(container);
    if (!running) throw new Error(`${what} exited:\n${await docker.logsTail(container, 60)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} not ready in 180 s:\n${await docker.logsTail(container, 60)}`);
}

export async function startSplitClair(): Promise<SplitClair> {
  const env = loadTestEnv();
  const docker = new DockerClient();
  const runId = newRunId();
  const psk = randomBytes(32).toString('base64');
  let pg: Postgres | undefined;
  let router: http.Server | undefined;
  try {
    pg = await startPostgres(docker, { image: env.postgresImage, runId, timeoutMs: 180_000 });
    const [iApi, iIntro, mApi, mIntro] = [
      await freeLocalPort(),
      await freeLocalPort(),
      await freeLocalPort(),
      await freeLocalPort(),
    ];
    const auth = { psk: { key: psk, iss: ['clair-intraservice'] } };
    const indexerConfig = stringify({
      http_listen_addr: `127.0.0.1:${iApi}`,
      introspection_addr: `127.0.0.1:${iIntro}`,
      log_level: 'warn',
      auth,
      indexer: {
        connstring: pg.connString,
        migrations: true,
        airgap: true,
        scanner: {
          package: {
            java: { disable_api: true },
            rhel_containerscanner: { name2repos_mapping_file: '/config/name2repos.json' },
          },
          repo: { 'rhel-repository-scanner': { repo2cpe_mapping_file: '/config/repo2cpe.json' } },
        },
      },
    });
    const matcherConfig = stringify({
      http_listen_addr: `127.0.0.1:${mApi}`,
      introspection_addr: `127.0.0.1:${mIntro}`,
      log_level: 'warn',
      auth,
      matcher: {
        connstring: pg.connString,
        migrations: true,
        disable_updaters: true,
        indexer_addr: `http://127.0.0.1:${iApi}`,
      },
    });
    const start = async (mode: 'indexer' | 'matcher', config: string): Promise<Container> => {
      const c = await docker.createContainer({
        name: `clair-scan-${runId}-clair-${mode}`,
        image: env.clairImage,
        runId,
        role: `clair-${mode}`,
        env: { CLAIR_MODE: mode },
        tmpfs: { '/var/tmp': 'rw,exec,mode=1777' },
      });
      const files: Record<string, string> = { 'config.yaml': config };
      if (mode === 'indexer')
        Object.assign(files, { 'repo2cpe.json': '{"data":{}}\n', 'name2repos.json': '{"data":{}}\n' });
      await docker.putFiles(c, '/config', files);
      await docker.startContainer(c);
      return c;
    };
    // The indexer first: the matcher's migrations and the indexer's share the database.
    const indexer = await start('indexer', indexerConfig);
    await waitReady(`http://127.0.0.1:${iIntro}`, indexer, docker, 'the Clair indexer');
    const matcher = await start('matcher', matcherConfig);
    await waitReady(`http://127.0.0.1:${mIntro}`, matcher, docker, 'the Clair matcher');

    const forwarded = { indexer: 0, matcher: 0 };
    let throttle = { n: 0, retryAfter: 0 };
    router = http.createServer((req, res) => {
      const url = req.url ?? '';
      const target = url.startsWith('/indexer/')
        ? { port: iApi, svc: 'indexer' as const }
        : url.startsWith('/matcher/')
          ? { port: mApi, svc: 'matcher' as const }
          : undefined;
      if (!target) {
        res.writeHead(404).end();
        return;
      }
      if (target.svc === 'indexer' && throttle.n > 0) {
        throttle.n--;
        req.resume();
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(throttle.retryAfter) });
        res.end('{"code":"too-many-requests","message":"server busy"}');
        return;
      }
      forwarded[target.svc]++;
      const up = http.request(
        { host: '127.0.0.1', port: target.port, method: req.method, path: url, headers: req.headers },
        (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        },
      );
      up.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
      req.pipe(up);
    });
    await new Promise<void>((resolve) => (router as http.Server).listen(0, '127.0.0.1', resolve));
    const routerServer = router;
    const url = `http://127.0.0.1:${(router.address() as AddressInfo).port}`;
    return {
      runId,
      url,
      psk,
      indexer: { container: indexer, url: `http://127.0.0.1:${iApi}` },
      matcher: { container: matcher, url: `http://127.0.0.1:${mApi}` },
      forwarded,
      throttleIndexer: (n, retryAfterSec) => (throttle = { n, retryAfter: retryAfterSec }),
      // clairctl import-updaters with the matcher's config (it uses matcher.connstring).
      loadData: (bundle) => importBundle(docker, matcher, bundle, 180_000),
      stop: async () => {
        routerServer.closeAllConnections();
        await new Promise<void>((resolve) => routerServer.close(() => resolve()));
        await cleanupRun({ runId, tempDirs: [] });
      },
    };
  } catch (err) {
    router?.close();
    await cleanupRun({ runId, tempDirs: [] });
    throw err;
  }
}
