/**
 * A forward proxy on 127.0.0.1 for tests, as a corporate proxy behaves: CONNECT tunnels and absolute-form HTTP
 * requests, for host names the test machine cannot resolve, each mapped to a loopback port by the test. It records
 * what it was asked for (`CONNECT host:port`, `GET http://…`) and refuses (502) a name it was not given, so a request
 * that went through the proxy is seen and one that bypassed it is not.
 */
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TestProxy {
  url: string;
  /** What was asked, in order: `CONNECT registry.test:443`, `GET http://registry.test:5000/v2/`. */
  seen: string[];
  close(): Promise<void>;
}

/** `routes`: `host:port` as clients name it → the loopback port it reaches. */
export async function startTestProxy(routes: Record<string, number>): Promise<TestProxy> {
  const seen: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    const port = routes[`${target.hostname}:${target.port || 80}`];
    if (!port) {
      res.writeHead(502).end('no route');
      return;
    }
    const up = http.request(
      {
        host: '127.0.0.1',
        port,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers: { ...req.headers, host: target.host },
      },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`);
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    const port = routes[req.url ?? ''];
    if (!port) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const up = net.connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) up.write(head);
      up.pipe(client);
      client.pipe(up);
    });
    sockets.add(up);
    up.on('close', () => sockets.delete(up));
    up.on('error', () => client.destroy());
    client.on('error', () => up.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
