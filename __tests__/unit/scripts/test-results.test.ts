/**
 * scripts/test-results.js, the verdict of scripts/test-all.sh: a skipped, pending or todo test, a listed test
 * file that did not run, a test left undeclared, or a project without results fails the run. Fed jest's own
 * JSON shape, as `jest --json` writes it.
 */
interface Assertion {
  fullName: string;
  status: string;
}
interface FileResult {
  name: string;
  assertionResults: Assertion[];
}
interface JestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numTotalTests: number;
  numRuntimeErrorTestSuites: number;
  testResults: FileResult[];
}
type Project = { result?: JestJson; listed?: string[]; read: (file: string) => string };
const { checkResults, declaredSites } = require('../../../scripts/test-results.js') as {
  checkResults(
    projects: Record<string, Project>,
    leftoverFailed: boolean,
  ): { passed: number; failed: number; skipped: number; problems: string[] };
  declaredSites(source: string): number;
};

// Joined lines, not a template literal: this file's own lines must not look like test call sites.
const SOURCE = [
  "describe('x', () => {",
  "  it('a', () => undefined);",
  "  test('b', () => undefined);",
  '});',
  '',
].join('\n');

/** A jest result of one file per entry: file → its tests' statuses. */
function jest(files: Record<string, string[]>): JestJson {
  const testResults = Object.entries(files).map(([name, statuses]) => ({
    name,
    assertionResults: statuses.map((status, i) => ({ fullName: `x t${i}`, status })),
  }));
  const all = testResults.flatMap((f) => f.assertionResults.map((a) => a.status));
  const n = (s: string): number => all.filter((a) => a === s).length;
  return {
    numPassedTests: n('passed'),
    numFailedTests: n('failed'),
    numPendingTests: n('pending'),
    numTodoTests: n('todo'),
    numTotalTests: all.length,
    numRuntimeErrorTestSuites: 0,
    testResults,
  };
}

const project = (result: JestJson | undefined, listed = ['/r/a.test.ts'], source = SOURCE): Project => ({
  result,
  listed,
  read: () => source,
});

describe('checkResults', () => {
  it('every listed file ran all its tests, none skipped: no problem (the control)', () => {
    const r = checkResults({ e2e: project(jest({ '/r/a.test.ts': ['passed', 'passed'] })) }, false);
    expect(r).toEqual({ passed: 2, failed: 0, skipped: 0, problems: [] });
  });

  it('a skipped (pending) test fails the run, named', () => {
    const r = checkResults(
      { e2e: project(jest({ '/r/a.test.ts': ['passed', 'passed', 'pending'] }), ['/r/a.test.ts']) },
      false,
    );
    expect(r.skipped).toBe(1);
    expect(r.problems).toEqual([
      expect.stringMatching(/^e2e: 1 test\(s\) did not run \(skipped, pending or todo\):\n .*x t2 \(pending\)/),
    ]);
  });

  it('a todo test fails the run', () => {
    expect(
      checkResults({ unit: project(jest({ '/r/a.test.ts': ['passed', 'passed', 'todo'] })) }, false).problems,
    ).toHaveLength(1);
  });

  it('a listed test file that did not run fails the run', () => {
    const r = checkResults(
      { e2e: project(jest({ '/r/a.test.ts': ['passed', 'passed'] }), ['/r/a.test.ts', '/r/b.test.ts']) },
      false,
    );
    expect(r.problems).toEqual([
      expect.stringMatching(/^e2e: .*r\/b\.test\.ts did not run$/),
      'e2e: 1 test files ran, 2 were found',
    ]);
  });

  it('fewer tests ran than the file has test call sites (a test left undeclared behind an if): fails', () => {
    const r = checkResults({ e2e: project(jest({ '/r/a.test.ts': ['passed'] })) }, false);
    expect(r.problems).toEqual([expect.stringMatching(/a\.test\.ts ran 1 test\(s\) but has 2 test call site\(s\)/)]);
  });

  it('a project without results, a failed test, a file that did not load, and the leftover check: each fails', () => {
    expect(checkResults({ browser: project(undefined) }, false).problems).toEqual([
      'browser: no results (the jest run did not finish)',
    ]);
    expect(checkResults({ unit: project(jest({ '/r/a.test.ts': ['passed', 'failed'] })) }, false)).toMatchObject({
      failed: 1,
      problems: [expect.stringMatching(/1 failed test/)],
    });
    const broken = { ...jest({ '/r/a.test.ts': ['passed', 'passed'] }), numRuntimeErrorTestSuites: 1 };
    expect(checkResults({ unit: project(broken) }, false).problems).toEqual([
      expect.stringMatching(/1 test file\(s\) that did not load/),
    ]);
    expect(checkResults({ unit: project(jest({ '/r/a.test.ts': ['passed', 'passed'] })) }, true).problems).toEqual([
      'the tests left things behind (see above)',
    ]);
  });
});

describe('declaredSites', () => {
  it('counts it(, test(, it.each( and test.each` at the start of a line, not describe or words in text', () => {
    expect(declaredSites(SOURCE)).toBe(2);
    expect(
      declaredSites(
        "  it.each([[1]])('n %s', () => 1);\n  test.each`\n a\n`('t', () => 1);\n  describe('it(', () => 1);\n  // it is fine\n",
      ),
    ).toBe(2);
  });
});
