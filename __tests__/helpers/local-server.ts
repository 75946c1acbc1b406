/**
 * The common part of the local servers that stand in for web APIs in tests (GitHub, GitLab, the artifact
 * service): loopback only, a random port, every handler error recorded as a problem the test asserts on.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export abstract class LocalApiServer {
  private server?: Server;
  url = '';
  /** Anything the server found wrong with a request, or its own failures; tests expect this to stay empty. */
  readonly problems: string[] = [];

  protected abstract handle(req: IncomingMessage, res: ServerResponse): Promise<void>;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err) => {
        this.problems.push(`server error: ${String(err)}`);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
