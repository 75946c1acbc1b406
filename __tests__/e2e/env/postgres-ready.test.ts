/**
 * The ephemeral PostgreSQL's readiness (environment/postgres.ts): pingPostgres is pg_isready made from this process
 * (PQping's rule: an authentication request, or any error but 57P03 "starting up", means the server accepts
 * connections). Against the real PostgreSQL image started by startPostgres; the "starting up" answer, which a real
 * server gives only for an instant, from a loopback TCP server of this test that answers exactly that message.
 */
import * as net from 'node:net';
import { DockerClient } from '../../../src/environment/docker';
import { pingPostgres, startPostgres } from '../../../src/environment/postgres';
import { newRunId } from '../../../src/environment/run-state';
import { cleanupRun } from '../../../src/environment/cleanup';
import { freeLocalPort } from '../../../src/environment/address';
import { setLogger } from '../../../src/util/log';
import { loadTestEnv } from '../../helpers/testenv';
import { leftoverContainers } from '../../helpers/runs';

setLogger({ info: () => undefined, warn: () => undefined, debug: () => undefined, mask: () => undefined });

/** A server that answers every connection's first bytes with `reply` (or never, for undefined); counts connections. */
async function answering(
  reply: Buffer | undefined,
): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let n = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    n++;
    sockets.add(s);
    s.on('error', () => undefined);
    s.once('data', () => reply && s.write(reply));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => n,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** A protocol-3 ErrorResponse with SQLSTATE `code`. */
function errorResponse(code: string, message: string): Buffer {
  const body = Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0\0`, 'latin1');
  const head = Buffer.alloc(5);
  head.write('E', 0, 'latin1');
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}

const who = { user: 'clair', database: 'clair' };

it('a real PostgreSQL: ready once startPostgres returns; nothing listening: not ready', async () => {
  const env = loadTestEnv();
  const runId = newRunId();
  try {
    const pg = await startPostgres(new DockerClient(undefined), {
      image: env.postgresImage,
      runId,
      timeoutMs: 120_000,
    });
    expect(await pingPostgres(pg)).toBe(true);
    // A user that does not exist is still asked to authenticate (or refused): the server accepts connections, as pg_isready says.
    expect(await pingPostgres({ port: pg.port, user: 'nobody', database: 'nothing' })).toBe(true);
    await cleanupRun({ runId, tempDirs: [] });
    expect(await pingPostgres(pg)).toBe(false);
  } finally {
    await cleanupRun({ runId, tempDirs: [] });
  }
  expect(leftoverContainers(runId)).toEqual([]);
  expect(await pingPostgres({ port: await freeLocalPort(), ...who })).toBe(false);
});

it('"the database system is starting up" (57P03) is not ready; another error is; silence times out as not ready', async () => {
  const starting = await answering(errorResponse('57P03', 'the database system is starting up'));
  const refusing = await answering(errorResponse('28P01', 'password authentication failed for user "clair"'));
  const silent = await answering(undefined);
  try {
    expect(await pingPostgres({ port: starting.port, ...who })).toBe(false);
    expect(await pingPostgres({ port: refusing.port, ...who })).toBe(true);
    expect(await pingPostgres({ port: silent.port, ...who }, 300)).toBe(false);
    expect([starting.connections(), refusing.connections(), silent.connections()]).toEqual([1, 1, 1]);
  } finally {
    await Promise.all([starting.close(), refusing.close(), silent.close()]);
  }
});
