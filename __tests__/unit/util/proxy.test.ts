/**
 * util/proxy.ts: HTTP(S)_PROXY / NO_PROXY read as Go reads them, loopback never proxied, a bad value refused
 * without echoing it; and real requests through a real forward proxy (CONNECT and absolute-form) for the
 * dispatcher the registry and vuln-data clients use (with a private CA) and for the global one installProxy sets
 * (undici's request and Node's fetch: the GitLab and GitHub API clients).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as fs from 'node:fs';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { getGlobalDispatcher, request } from 'undici';
import { REPO_ROOT } from '../../helpers/testenv';
import { installProxy, outboundDispatcher, proxySettings } from '../../../src/util/proxy';
import { caDispatcher, loadCaBundle } from '../../../src/util/ca';
import { ClairScanError } from '../../../src/util/errors';
import { makeTestCa, startHttpsServer } from '../../helpers/test-ca';
import { removeTestTempDirs } from '../../helpers/tmp';
const execFileP = promisify(execFile);

// makeTestCa's directory (the CA and its server certificate).
afterAll(() => removeTestTempDirs());
import { startTestProxy, type TestProxy } from '../../helpers/test-proxy';

describe('proxySettings', () => {
  it('none set: undefined (undici defaults, no proxy)', () => {
    expect(proxySettings({})).toBeUndefined();
    expect(proxySettings({ HTTP_PROXY: '', NO_PROXY: 'x' })).toBeUndefined();
  });

  it('HTTP_PROXY alone also carries https (as curl and Go do); NO_PROXY plus loopback', () => {
    expect(
      proxySettings({ HTTP_PROXY: 'http://proxy.corp:3128', NO_PROXY: '.corp.example, registry.internal:5000' }),
    ).toEqual({
      httpProxy: 'http://proxy.corp:3128',
      httpsProxy: 'http://proxy.corp:3128',
      noProxy: '.corp.example,registry.internal:5000,localhost,127.0.0.1,::1,[::1]',
    });
  });

  it('the lowercase variable wins over the uppercase one, even when empty', () => {
    expect(proxySettings({ https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2' })?.httpsProxy).toBe(
      'http://lower:1',
    );
    expect(proxySettings({ https_proxy: '', HTTPS_PROXY: 'http://upper:2' })).toBeUndefined();
  });

  it('a value that is not an http(s) URL is bad input naming the variable, never its content (it may hold a password)', () => {
    for (const bad of ['proxy.corp:3128', 'socks5://u:s3cret@proxy:1080', 'http://']) {
      let err: unknown;
      try {
        proxySettings({ HTTPS_PROXY: bad });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ClairScanError);
      expect((err as ClairScanError).message).toBe('HTTPS_PROXY is set but is not an http:// or https:// URL');
      expect(JSON.stringify(err)).not.toContain('s3cret');
    }
  });
});

describe('requests through a real forward proxy', () => {
  let origin: http.Server;
  let originPort: number;
  let proxy: TestProxy;

  beforeAll(async () => {
    origin = http.createServer((req, res) => res.end(`origin saw ${req.headers.host}${req.url}`));
    await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
    originPort = (origin.address() as AddressInfo).port;
    proxy = await startTestProxy({ [`origin.proxy.test:${originPort}`]: originPort });
  });
  afterAll(async () => {
    await proxy.close();
    await new Promise<void>((r) => origin.close(() => r()));
  });
  beforeEach(() => void (proxy.seen.length = 0));

  it('a name only the proxy resolves is reached through it; loopback and NO_PROXY hosts are not sent to it', async () => {
    const d = outboundDispatcher(undefined, { HTTP_PROXY: proxy.url, NO_PROXY: 'skip.proxy.test' });
    const r = await request(`http://origin.proxy.test:${originPort}/v2/`, { dispatcher: d });
    expect(await r.body.text()).toBe(`origin saw origin.proxy.test:${originPort}/v2/`);
    expect(proxy.seen).toHaveLength(1);
    expect(proxy.seen[0]).toMatch(
      new RegExp(`^(CONNECT origin\\.proxy\\.test:${originPort}|GET http://origin\\.proxy\\.test:${originPort}/v2/)$`),
    );
    proxy.seen.length = 0;
    await (await request(`http://127.0.0.1:${originPort}/direct`, { dispatcher: d })).body.text();
    await (await request(`http://localhost:${originPort}/direct`, { dispatcher: d })).body.text();
    await expect(request(`http://skip.proxy.test:${originPort}/`, { dispatcher: d })).rejects.toThrow();
    expect(proxy.seen).toEqual([]);
  });

  it('installProxy: undici request and Node fetch without a dispatcher of their own go through the proxy', async () => {
    // In a plain Node process, as the CLI and the action run: Node's own fetch reads the global dispatcher from the
    // real global object, which jest's sandbox does not share.
    const code = [
      `const { installProxy } = require(${JSON.stringify(path.join(REPO_ROOT, 'src/util/proxy.ts'))});`,
      `const { request } = require('undici');`,
      'installProxy();',
      '(async () => {',
      `  const a = await (await request('http://origin.proxy.test:${originPort}/api')).body.text();`,
      `  const b = await (await fetch('http://origin.proxy.test:${originPort}/fetch')).text();`,
      '  console.log(JSON.stringify([a, b]));',
      '})().catch((e) => { console.error(String(e.cause ?? e)); process.exit(3); });',
    ].join('\n');
    const { stdout } = await execFileP(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', code], {
      cwd: REPO_ROOT,
      env: { ...process.env, HTTP_PROXY: proxy.url, http_proxy: undefined, NO_PROXY: '', no_proxy: undefined },
      timeout: 60_000,
    });
    expect(JSON.parse(stdout)).toEqual([
      `origin saw origin.proxy.test:${originPort}/api`,
      `origin saw origin.proxy.test:${originPort}/fetch`,
    ]);
    expect(proxy.seen).toHaveLength(2);
  });

  it('no proxy variable: installProxy changes nothing', () => {
    const before = getGlobalDispatcher();
    expect(installProxy({})).toBeUndefined();
    expect(getGlobalDispatcher()).toBe(before);
  });

  it('https through the tunnel with a private CA (registry-ca-file): verified against the CA, refused without it', async () => {
    const ca = makeTestCa('proxy test CA', ['secure.proxy.test']);
    const server = await startHttpsServer(ca, (req, res) => res.end(`tls ${req.url}`));
    const tlsProxy = await startTestProxy({ [`secure.proxy.test:${server.port}`]: server.port });
    const saved = { HTTPS_PROXY: process.env.HTTPS_PROXY, https_proxy: process.env.https_proxy };
    try {
      process.env.HTTPS_PROXY = tlsProxy.url;
      delete process.env.https_proxy;
      const bundle = loadCaBundle(fs.readFileSync(ca.caFile, 'utf8'));
      const r = await request(`https://secure.proxy.test:${server.port}/v2/`, { dispatcher: caDispatcher(bundle) });
      expect(await r.body.text()).toBe('tls /v2/');
      expect(tlsProxy.seen).toEqual([`CONNECT secure.proxy.test:${server.port}`]);
      await expect(
        request(`https://secure.proxy.test:${server.port}/v2/`, { dispatcher: outboundDispatcher() }),
      ).rejects.toThrow(/certificate/i);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      await tlsProxy.close();
      await server.close();
    }
  });
});
