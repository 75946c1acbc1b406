/**
 * HTTP_PROXY / HTTPS_PROXY / NO_PROXY for clair-scan's own HTTP clients: registries and their token services,
 * vuln-data URLs and snapshots, database-image lookups, the GitHub and GitLab APIs and the baseline artifact. Read
 * as Go's net/http reads them (the Docker daemon and Clair, which a runner behind a proxy already configures this
 * way): the lowercase name wins, NO_PROXY lists hosts or domain suffixes, and loopback is never proxied (the test
 * registry, the ephemeral services). undici's EnvHttpProxyAgent does the routing; this module only adds loopback,
 * refuses a proxy value that is not a URL (a typo must not silently mean "no proxy"), and carries a private CA.
 *
 * Clair itself (`clair-url`) is reached directly: it must reach this job's layer server anyway, so it is on the
 * runner's network (clair/client.ts keeps its own agent).
 */
import { Agent, EnvHttpProxyAgent, setGlobalDispatcher, type Dispatcher } from 'undici';
import { ClairScanError } from './errors';

export interface ProxySettings {
  httpProxy?: string;
  httpsProxy?: string;
  /** NO_PROXY plus loopback, comma-separated, as EnvHttpProxyAgent reads it. */
  noProxy: string;
}

const LOOPBACK = ['localhost', '127.0.0.1', '::1', '[::1]'];

function proxyUrl(name: string, value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(v);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    // The value may carry credentials: name the variable, not its content.
    throw new ClairScanError(`${name} is set but is not an http:// or https:// URL`, {
      hint: `set ${name} to the proxy's URL, e.g. http://proxy.example.com:3128 (user:password@ allowed), or unset it.`,
    });
  }
  return v;
}

/** The proxy settings in `env`; undefined when no proxy is set. */
export function proxySettings(env: NodeJS.ProcessEnv = process.env): ProxySettings | undefined {
  const pick = (lower: string, upper: string): [string, string | undefined] =>
    env[lower] !== undefined ? [lower, env[lower]] : [upper, env[upper]];
  const httpProxy = proxyUrl(...pick('http_proxy', 'HTTP_PROXY'));
  const httpsProxy = proxyUrl(...pick('https_proxy', 'HTTPS_PROXY'));
  if (!httpProxy && !httpsProxy) return undefined;
  const [, noProxy] = pick('no_proxy', 'NO_PROXY');
  return {
    ...(httpProxy ? { httpProxy } : {}),
    // As curl and Go do: HTTPS_PROXY unset means https goes through HTTP_PROXY.
    ...(httpsProxy || httpProxy ? { httpsProxy: httpsProxy ?? httpProxy } : {}),
    noProxy: [...(noProxy ?? '').split(/[,\s]+/).filter(Boolean), ...LOOPBACK].join(','),
  };
}

/**
 * A dispatcher for clair-scan's outbound requests: through the proxy the environment names (with `tls` for the
 * origin and the proxy, e.g. a private CA), else a plain agent with `tls`; undefined when neither applies (undici's
 * global dispatcher, which installProxy may have set).
 */
export function outboundDispatcher(
  tls?: { ca: string[] },
  env: NodeJS.ProcessEnv = process.env,
): Dispatcher | undefined {
  const proxy = proxySettings(env);
  if (!proxy) return tls ? new Agent({ connect: tls }) : undefined;
  return new EnvHttpProxyAgent({ ...proxy, ...(tls ? { connect: tls, requestTls: tls, proxyTls: tls } : {}) });
}

/**
 * At start-up (CLI, action): requests made without a dispatcher of their own (undici's request and Node's fetch
 * read the same global) go through the proxy. A proxy variable that is not a URL is bad input (exit 2).
 */
export function installProxy(env: NodeJS.ProcessEnv = process.env): ProxySettings | undefined {
  const proxy = proxySettings(env);
  if (proxy) setGlobalDispatcher(new EnvHttpProxyAgent(proxy));
  return proxy;
}
