/**
 * A fake Debian vulnerability source for Clair's own Debian updater (claircore v1.5.48, `debian/updater.go`),
 * served on 127.0.0.1 only. What the updater fetches, and so what this serves:
 *
 *  1. Factory.UpdaterSet → `GET <mirror_url>debian/dists/`: an HTML page whose `href="…"` links name the
 *     releases. Links starting with `/` or `?`, and any containing `-`, `Debian`, `sid`, `stable`, `testing`,
 *     `experimental`, `README`, `updates` or `backports`, are skipped.
 *  2. For every remaining link `GET …/dists/<codename>/Release` with `Range: bytes=0-512`: an RFC 822-ish header
 *     block; `Version: 12.9` registers the release "<codename>" as Debian 12 (a 404 skips it). Only releases
 *     registered this way get vulnerabilities: the updater is ONE updater named `debian/updater`.
 *  3. Updater.Fetch → `GET <json_url>`: the security tracker's JSON, `{source package: {CVE id: {description,
 *     releases: {codename: {status, fixed_version, urgency}}}}}` (parser.go). Every (package, CVE, known release)
 *     becomes a vulnerability on the SOURCE package for that release; urgency maps to Clair's normalized
 *     severity (severity.go): unimportant → Low, low → Medium, medium → High, high → Critical, else Unknown.
 *     An empty fixed_version means no fix; "0" means not affected (matcher.go).
 *
 * It also stands in for the one other thing an online Clair fetches on its own: Red Hat's repository-to-CPE and
 * container-name mapping files, which the RHEL scanners download at start and before every layer (claircore
 * `rhel/repositoryscanner.go`, `rhel/rhcc/scanner.go`). Without them EVERY index fails ("rhel: unable to create a
 * mappingFile object"), whatever the image's distribution. A user behind a firewall points
 * `repo2cpe_mapping_url` / `name2repos_mapping_url` at a mirror; here the mirror serves empty maps.
 *
 * Every request is recorded. Behaviour is bounded: at most `maxRequests` answers (then 503), small bodies, short
 * socket timeouts, and close() ends every connection.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  range?: string;
  userAgent?: string;
}

/** One release of one CVE, as the security tracker writes it. */
export interface TrackerRelease {
  status: 'resolved' | 'open' | 'undetermined';
  fixed_version?: string;
  urgency: string;
  repositories?: Record<string, string>;
}
/** source package → CVE id → entry (the tracker's own shape; `scope` and `debianbug` are ignored by Clair). */
export type TrackerJson = Record<
  string,
  Record<string, { description?: string; scope?: string; debianbug?: number; releases: Record<string, TrackerRelease> }>
>;

export interface FakeDebianSourceOptions {
  /** codename → Release "Version:" value. Default: bookworm 12.9, bullseye 11.11. */
  releases?: Record<string, string>;
  tracker: TrackerJson;
  /** Answer the tracker JSON with this status instead (e.g. 500: a broken source). */
  trackerStatus?: number;
  maxRequests?: number;
}

export interface FakeDebianSource {
  /** e.g. http://127.0.0.1:41234/ */
  url: string;
  mirrorUrl: string;
  jsonUrl: string;
  requests: RecordedRequest[];
  /** The Clair config a user would write to use this mirror: the `debian` updater set, and the RHEL scanners' maps. */
  clairConfig(): ClairConfigForMirror;
  close(): Promise<void>;
}

export interface ClairConfigForMirror {
  indexer: {
    scanner: {
      package: { rhel_containerscanner: { name2repos_mapping_url: string } };
      repo: { 'rhel-repository-scanner': { repo2cpe_mapping_url: string } };
    };
  };
  updaters: { config: { debian: { mirror_url: string; json_url: string } } };
}

export const DEFAULT_RELEASES: Record<string, string> = { bookworm: '12.9', bullseye: '11.11' };
const LAST_MODIFIED = 'Sat, 01 Jan 2098 00:00:00 GMT';

export async function startFakeDebianSource(opts: FakeDebianSourceOptions): Promise<FakeDebianSource> {
  const releases = opts.releases ?? DEFAULT_RELEASES;
  const maxRequests = opts.maxRequests ?? 100;
  const requests: RecordedRequest[] = [];
  const trackerBody = Buffer.from(JSON.stringify(opts.tracker));

  // The listing as deb.debian.org writes it (an nginx autoindex): parent link, release directories, and
  // aliases/suites the updater must skip.
  const listing = Buffer.from(
    [
      '<html><head><title>Index of /debian/dists/</title></head><body><h1>Index of /debian/dists/</h1><hr><pre>',
      '<a href="../">../</a>',
      ...Object.keys(releases).map((c) => `<a href="${c}/">${c}/</a>`),
      ...['bookworm-updates', 'bookworm-backports', 'sid', 'stable', 'testing', 'experimental'].map(
        (c) => `<a href="${c}/">${c}/</a>`,
      ),
      '<a href="README">README</a>',
      '</pre><hr></body></html>',
      '',
    ].join('\n'),
  );

  const release = (codename: string, version: string): Buffer =>
    Buffer.from(
      [
        'Origin: Debian',
        'Label: Debian',
        `Suite: ${codename === 'bookworm' ? 'stable' : 'oldstable'}`,
        `Version: ${version}`,
        `Codename: ${codename}`,
        'Date: Sat, 01 Jan 2098 00:00:00 UTC',
        'Acquire-By-Hash: yes',
        'Architectures: all amd64 arm64',
        'Components: main contrib non-free-firmware non-free',
        `Description: FAKE Debian ${version} Release for clair-scan's tests`,
        'MD5Sum:',
        ...Array.from(
          { length: 40 },
          (_, i) => ` ${'0'.repeat(32)} ${1000 + i} main/binary-amd64/Packages${i ? `.${i}` : ''}`,
        ),
        '',
      ].join('\n'),
    );

  const send = (
    res: http.ServerResponse,
    status: number,
    body: Buffer,
    type: string,
    extra: Record<string, string> = {},
  ): void => {
    res.writeHead(status, { 'content-type': type, 'content-length': String(body.length), ...extra });
    res.end(body);
  };

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    requests.push({ method: req.method ?? '', path, range: req.headers.range, userAgent: req.headers['user-agent'] });
    if (requests.length > maxRequests) return send(res, 503, Buffer.from('too many requests\n'), 'text/plain');
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, Buffer.from('method not allowed\n'), 'text/plain');

    if (path === '/debian/dists/') return send(res, 200, listing, 'text/html');
    const m = /^\/debian\/dists\/([a-z]+)\/Release$/.exec(path);
    if (m && releases[m[1]]) {
      const body = release(m[1], releases[m[1]]);
      // Honour the updater's "bytes=0-512" (the real mirror answers 206 with the first 513 bytes).
      const r = /^bytes=0-(\d+)$/.exec(req.headers.range ?? '');
      if (r) {
        const end = Math.min(Number(r[1]), body.length - 1);
        return send(res, 206, body.subarray(0, end + 1), 'text/plain', {
          'content-range': `bytes 0-${end}/${body.length}`,
        });
      }
      return send(res, 200, body, 'text/plain');
    }
    if (path === '/redhat/repository-to-cpe.json' || path === '/redhat/container-name-repos-map.json') {
      return send(res, 200, Buffer.from('{"data":{}}\n'), 'application/json', { 'last-modified': LAST_MODIFIED });
    }
    if (path === '/tracker/data/json') {
      if (opts.trackerStatus) return send(res, opts.trackerStatus, Buffer.from('tracker unavailable\n'), 'text/plain');
      if (req.headers['if-modified-since'] === LAST_MODIFIED)
        return send(res, 304, Buffer.alloc(0), 'application/json', { 'last-modified': LAST_MODIFIED });
      return send(res, 200, trackerBody, 'application/json', { 'last-modified': LAST_MODIFIED });
    }
    return send(res, 404, Buffer.from('not found\n'), 'text/plain');
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  server.keepAliveTimeout = 1_000;
  server.maxHeadersCount = 50;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  const jsonUrl = `${url}tracker/data/json`;
  return {
    url,
    mirrorUrl: url,
    jsonUrl,
    requests,
    clairConfig: () => ({
      indexer: {
        scanner: {
          package: { rhel_containerscanner: { name2repos_mapping_url: `${url}redhat/container-name-repos-map.json` } },
          repo: { 'rhel-repository-scanner': { repo2cpe_mapping_url: `${url}redhat/repository-to-cpe.json` } },
        },
      },
      updaters: { config: { debian: { mirror_url: url, json_url: jsonUrl } } },
    }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
