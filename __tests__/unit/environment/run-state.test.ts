import { newRunId, parseRunState, serializeRunState, RunState } from '../../../src/environment/run-state';

describe('parseRunState', () => {
  it.each([
    ['empty', ''],
    ['not JSON', 'run-1'],
    ['null', 'null'],
    ['an array', '["abc"]'],
    ['no run id', '{"tempDirs":[]}'],
    ['a numeric run id', '{"runId":42}'],
    ['an upper-case run id', '{"runId":"ABC"}'],
    ['a run id with a space', '{"runId":"a b"}'],
    ['a run id with a path', '{"runId":"../etc"}'],
    ['a run id with a label selector', '{"runId":"x,io.clair-scan.owner=clair-scan"}'],
    ['an empty run id', '{"runId":""}'],
  ])('rejects %s', (_what, text) => {
    expect(parseRunState(text)).toBeUndefined();
  });

  it('keeps a valid state', () => {
    expect(
      parseRunState(
        '{"runId":"lz3k9q-0a1b2c3d","dockerHost":"tcp://docker:2375","tempDirs":["/tmp/clair-scan-a","/tmp/clair-scan-b"]}',
      ),
    ).toEqual({
      runId: 'lz3k9q-0a1b2c3d',
      dockerHost: 'tcp://docker:2375',
      tempDirs: ['/tmp/clair-scan-a', '/tmp/clair-scan-b'],
    });
  });

  it('drops malformed optional fields instead of trusting them', () => {
    expect(parseRunState('{"runId":"abc","dockerHost":7,"tempDirs":["/tmp/x",3,null,{"a":1}]}')).toEqual({
      runId: 'abc',
      dockerHost: undefined,
      tempDirs: ['/tmp/x'],
    });
    expect(parseRunState('{"runId":"abc","tempDirs":"/tmp/x"}')).toEqual({
      runId: 'abc',
      dockerHost: undefined,
      tempDirs: [],
    });
  });

  it('round-trips what serializeRunState writes', () => {
    const s: RunState = { runId: newRunId(), dockerHost: 'unix:///var/run/docker.sock', tempDirs: ['/tmp/one'] };
    expect(parseRunState(serializeRunState(s))).toEqual(s);
  });
});

describe('newRunId', () => {
  it('is accepted by parseRunState and unique', () => {
    const ids = Array.from({ length: 50 }, () => newRunId());
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+-[0-9a-f]{8}$/);
      expect(parseRunState(JSON.stringify({ runId: id }))?.runId).toBe(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});
