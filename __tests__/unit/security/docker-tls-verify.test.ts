/**
 * DOCKER_TLS_VERIFY means what the Docker CLI means by it: set to anything non-empty — "1", but also "0" or
 * "false" — it turns TLS (with verification) on. Reading "0" as "off" silently talked plain HTTP to a daemon
 * the user had asked to reach over verified TLS.
 */
import { resolveEndpoint } from '../../../src/environment/docker';

const saved = { verify: process.env.DOCKER_TLS_VERIFY, host: process.env.DOCKER_HOST };
afterEach(() => {
  for (const [k, v] of [
    ['DOCKER_TLS_VERIFY', saved.verify],
    ['DOCKER_HOST', saved.host],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe('DOCKER_TLS_VERIFY', () => {
  it.each(['1', '0', 'false', 'no', 'true', ' '])('"%s" turns TLS on (default port 2376)', (value) => {
    process.env.DOCKER_TLS_VERIFY = value;
    expect(resolveEndpoint('tcp://docker')).toEqual({
      host: 'tcp://docker',
      tcp: { host: 'docker', port: 2376, tls: true },
    });
    expect(resolveEndpoint('tcp://docker:2375').tcp).toEqual({ host: 'docker', port: 2375, tls: true });
  });

  it('unset or empty leaves plain tcp:// without TLS (default port 2375)', () => {
    delete process.env.DOCKER_TLS_VERIFY;
    expect(resolveEndpoint('tcp://docker').tcp).toEqual({ host: 'docker', port: 2375, tls: false });
    process.env.DOCKER_TLS_VERIFY = '';
    expect(resolveEndpoint('tcp://docker:2375').tcp).toEqual({ host: 'docker', port: 2375, tls: false });
  });

  it('applies to DOCKER_HOST too, and https:// is TLS whatever the variable says', () => {
    process.env.DOCKER_TLS_VERIFY = '0';
    process.env.DOCKER_HOST = 'tcp://10.0.0.5:2376';
    expect(resolveEndpoint().tcp).toEqual({ host: '10.0.0.5', port: 2376, tls: true });
    delete process.env.DOCKER_TLS_VERIFY;
    expect(resolveEndpoint('https://docker').tcp).toEqual({ host: 'docker', port: 2376, tls: true });
  });

  it('a unix socket is not affected', () => {
    process.env.DOCKER_TLS_VERIFY = '0';
    expect(resolveEndpoint('unix:///var/run/docker.sock')).toEqual({ host: 'unix:///var/run/docker.sock' });
  });
});
