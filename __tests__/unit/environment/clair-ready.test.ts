/**
 * Waiting for the ephemeral Clair (environment/clair-container.ts waitReady), against a real HTTP server on
 * loopback that answers /readyz as Clair's introspection server does, through the real ClairClient: readiness is
 * polled often at first (Clair on a database image is ready in about 0.3 s) without asking Docker for the
 * container's state on every poll, a Clair that never gets ready still ends in 'timeout', and one whose container
 * stopped in 'exited'.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClairClient } from '../../../src/clair/client';
import { readyPollMs, waitReady } from '../../../src/environment/clair-container';
import { setLogger } from '../../../src/util/log';

setLogger({ info: () => undefined, warn: () => undefined, debug: () => undefined, mask: () => undefined });

/** A /readyz that answers 503 to its first `notReady` requests (Infinity: always), then 200. */
async function readyz(
  notReady: number,
): Promise<{ client: ClairClient; requests: () => number; close: () => Promise<void> }> {
  let n = 0;
  const server = http.createServer((req, res) => {
    if (req.url !== '/readyz') return void res.writeHead(404).end();
    n++;
    res.writeHead(n > notReady ? 200 : 503).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new ClairClient({ url: base, introspectionUrl: base, requestTimeoutMs: 5000 });
  return {
    client,
    requests: () => n,
    close: async () => {
      await client.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

it('polls every 20 ms for the first 5 s, then every 250 ms', () => {
  expect(readyPollMs(0)).toBe(20);
  expect(readyPollMs(4999)).toBe(20);
  expect(readyPollMs(5000)).toBe(250);
  expect(readyPollMs(600_000)).toBe(250);
});

it('returns ready on the first 200, asking the container state only every 500 ms, not on every poll', async () => {
  const s = await readyz(8);
  let stateChecks = 0;
  try {
    const outcome = await waitReady(
      { isReady: () => s.client.isReady(), isRunning: async () => (stateChecks++, true) },
      Date.now() + 60_000,
      60_000,
    );
    expect(outcome).toBe('ready');
    expect(s.requests()).toBe(9);
    // Nine polls at 20 ms take well under a second: at most one state check (every poll asked Docker before).
    expect(stateChecks).toBeLessThan(s.requests() - 1);
  } finally {
    await s.close();
  }
});

it('a Clair that never gets ready ends in "timeout" at the deadline, polled many times meanwhile', async () => {
  const s = await readyz(Infinity);
  try {
    const outcome = await waitReady(
      { isReady: () => s.client.isReady(), isRunning: async () => true },
      Date.now() + 400,
      400,
    );
    expect(outcome).toBe('timeout');
    // At a 500 ms interval a 400 ms wait polled once.
    expect(s.requests()).toBeGreaterThanOrEqual(3);
  } finally {
    await s.close();
  }
});

it('a container that stopped ends in "exited", also when it is noticed only at the deadline', async () => {
  const s = await readyz(Infinity);
  try {
    expect(
      await waitReady({ isReady: () => s.client.isReady(), isRunning: async () => false }, Date.now() + 60_000, 60_000),
    ).toBe('exited');
    expect(
      await waitReady({ isReady: () => s.client.isReady(), isRunning: async () => false }, Date.now() + 100, 100),
    ).toBe('exited');
  } finally {
    await s.close();
  }
});
