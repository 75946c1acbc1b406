/**
 * A container outside environment/docker.ts is an opaque handle: only DockerClient's methods act on it, so the
 * Docker Engine API stays in one module (docs/ARCHITECTURE.md). Checked by `npm run typecheck`, which compiles
 * this file: an unused @ts-expect-error fails it.
 */
import { DockerClient, type Container } from '../../../src/environment/docker';

describe('container handles', () => {
  it('have an id and nothing to call; DockerClient acts on them', () => {
    const handle = new DockerClient('unix:///nonexistent/docker.sock').container('0123456789ab');
    const id: string = handle.id;
    expect(id).toBe('0123456789ab');
    const c: Container = handle;
    // @ts-expect-error the Engine API is DockerClient's: a handle has no inspect()
    expect(typeof c.inspect).toBe('function');
    // @ts-expect-error nor start()
    expect(typeof c.start).toBe('function');
  });
});
