#!/usr/bin/env node
/**
 * The verdict of scripts/test-all.sh over jest's JSON results, so that no failure can hide:
 *   node scripts/test-results.js <results dir> <leftover check exit code>
 * reads <project>.json (jest --json) and <project>.files (jest --listTests) for unit, browser and e2e, prints
 * "N passed, N failed, N skipped" and what is wrong, and exits 1 when anything is. Wrong is: a project without
 * results; a failed test or a file that did not load; any skipped, pending or todo test (a test that cannot run
 * here is a failure, not a skip); a test file jest lists that did not run; a file in which fewer tests ran than
 * it has test call sites (`it(`, `test(`, `it.each(` … at the start of a line: each declares at least one test,
 * so fewer means one was left undeclared, e.g. behind an `if`); and the leftover check (temp dirs, containers,
 * volumes) failing.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const PROJECTS = ['unit', 'browser', 'e2e'];

/** Test call sites in a test file's source: lines that start with it( / test( / it.each( / test.each(. */
function declaredSites(source) {
  return (source.match(/^[ \t]*(?:it|test)(?:\.each)?[ \t]*[(`]/gm) || []).length;
}

/**
 * `projects`: name → { result: jest's JSON or undefined, listed: test file paths or undefined, read(file) → source }.
 * Returns the totals and the problems (empty when the run may pass).
 */
function checkResults(projects, leftoverFailed) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const problems = [];
  for (const [name, { result, listed, read }] of Object.entries(projects)) {
    if (!result) {
      failed++;
      problems.push(`${name}: no results (the jest run did not finish)`);
      continue;
    }
    passed += result.numPassedTests;
    failed += result.numFailedTests + (result.numRuntimeErrorTestSuites || 0);
    if (result.numFailedTests || result.numRuntimeErrorTestSuites) {
      problems.push(
        `${name}: ${result.numFailedTests} failed test(s), ${result.numRuntimeErrorTestSuites || 0} test file(s) that did not load`,
      );
    }
    const notRun = [];
    for (const file of result.testResults || []) {
      for (const a of file.assertionResults || []) {
        if (a.status !== 'passed' && a.status !== 'failed')
          notRun.push(`${path.relative(process.cwd(), file.name)}: ${a.fullName} (${a.status})`);
      }
    }
    const pending = (result.numPendingTests || 0) + (result.numTodoTests || 0);
    skipped += Math.max(pending, notRun.length);
    if (pending || notRun.length)
      problems.push(
        `${name}: ${Math.max(pending, notRun.length)} test(s) did not run (skipped, pending or todo):\n  ${notRun.join('\n  ')}`,
      );
    else if (result.numTotalTests !== result.numPassedTests + result.numFailedTests) {
      problems.push(
        `${name}: ${result.numTotalTests} tests declared, ${result.numPassedTests + result.numFailedTests} ran`,
      );
    }
    if (!listed) {
      problems.push(`${name}: no list of its test files (jest --listTests)`);
      continue;
    }
    const ran = new Map((result.testResults || []).map((f) => [path.resolve(f.name), f]));
    for (const file of listed) {
      const r = ran.get(path.resolve(file));
      const rel = path.relative(process.cwd(), file);
      if (!r) {
        problems.push(`${name}: ${rel} did not run`);
        continue;
      }
      const count = (r.assertionResults || []).filter((a) => a.status === 'passed' || a.status === 'failed').length;
      const sites = declaredSites(read(file));
      if (count < sites)
        problems.push(
          `${name}: ${rel} ran ${count} test(s) but has ${sites} test call site(s): a test was not declared`,
        );
    }
    if (ran.size !== listed.length) problems.push(`${name}: ${ran.size} test files ran, ${listed.length} were found`);
  }
  if (leftoverFailed) {
    failed++;
    problems.push('the tests left things behind (see above)');
  }
  return { passed, failed, skipped, problems };
}

function main(dir, leftoverRc) {
  const readIf = (f) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined);
  const projects = {};
  for (const p of PROJECTS) {
    const json = readIf(path.join(dir, `${p}.json`));
    const files = readIf(path.join(dir, `${p}.files`));
    projects[p] = {
      result: json ? JSON.parse(json) : undefined,
      listed: files === undefined ? undefined : files.split('\n').filter(Boolean),
      read: (f) => fs.readFileSync(f, 'utf8'),
    };
  }
  const r = checkResults(projects, leftoverRc !== '0');
  for (const p of r.problems) console.log(`== FAILED: ${p}`);
  console.log(`\n${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
  return r.problems.length ? 1 : 0;
}

module.exports = { checkResults, declaredSites };

if (require.main === module) {
  if (process.argv.length !== 4) {
    console.error('usage: node scripts/test-results.js <results dir> <leftover check exit code>');
    process.exit(2);
  }
  process.exit(main(process.argv[2], process.argv[3]));
}
