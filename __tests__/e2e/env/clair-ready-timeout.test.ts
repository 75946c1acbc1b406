/**
 * The ephemeral Clair's readiness wait (environment/clair-container.ts), with the real Clair image: polled fast at
 * first, it still ends at startup-timeout with a clear error when Clair never gets ready — here because its
 * PostgreSQL accepts connections and never answers (a loopback TCP server of this test) — and the container is
 * removed.
 */
import * as net from 'node:net';
import { DockerClient } from '../../../src/environment/docker';
import { startClair } from '../../../src/environment/clair-container';
import { newRunId } from '../../../src/environment/run-state';
import { ClairScanError } from '../../../src/util/errors';
import { loadTestEnv } from '../../helpers/testenv';
import { leftoverContainers } from '../../helpers/runs';

it('a Clair whose database never answers: "not ready within 3 s", raise startup-timeout, nothing left', async () => {
  const env = loadTestEnv();
  const held = new Set<net.Socket>();
  let accepted = 0;
  const silent = net.createServer((s) => {
    accepted++;
    held.add(s);
    s.on('error', () => undefined);
    s.on('close', () => held.delete(s));
  });
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  const port = (silent.address() as net.AddressInfo).port;
  const runId = newRunId();
  try {
    const err = await startClair(new DockerClient(undefined), {
      image: env.clairImage,
      runId,
      connString: `host=127.0.0.1 port=${port} user=clair password=x dbname=clair sslmode=disable`,
      listenHost: '127.0.0.1',
      airgap: true,
      timeoutMs: 3000,
      requestTimeoutMs: 5000,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ClairScanError);
    expect((err as ClairScanError).message).toBe(`Clair (${env.clairImage}) was not ready within 3 s`);
    expect((err as ClairScanError).hint).toMatch(/^raise startup-timeout; see Clair's log below/);
    // Clair did reach its database: the wait was for it, not for a container that never started.
    expect(accepted).toBeGreaterThan(0);
    expect(leftoverContainers(runId)).toEqual([]);
  } finally {
    for (const s of held) s.destroy();
    await new Promise<void>((r) => silent.close(() => r()));
  }
});
