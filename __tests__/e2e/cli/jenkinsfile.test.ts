/**
 * templates/jenkins/Jenkinsfile, checked as far as this machine can without a Jenkins: Groovy (the jar test-env.sh
 * fetches) compiles it to its syntax tree and prints its outline (__tests__/helpers/jenkinsfile-outline.groovy); the
 * test then checks what Jenkins' declarative validator would (the sections, known steps and their parameters) and
 * what clair-scan needs (the scan step is a valid command line for this CLI with the file's variables, the `junit`
 * step reads the file the junit format writes, the properties file the jenkins platform writes). Not checked here:
 * running it in a Jenkins (plugins installed, agent with Docker).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadTestEnv, REPO_ROOT } from '../../helpers/testenv';
import { testTempDir } from '../../helpers/tmp';
import { cliSettings, envName } from '../../../src/cli';
import { INPUTS } from '../../../src/inputs/definitions';
import { junitFormat } from '../../../src/report/junit';
import { PROPERTIES_FILE } from '../../../src/publish/jenkins/properties';

const JENKINSFILE = path.join(REPO_ROOT, 'templates', 'jenkins', 'Jenkinsfile');
const OUTLINE = path.join(REPO_ROOT, '__tests__', 'helpers', 'jenkinsfile-outline.groovy');
const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

interface Call {
  path: string;
  named: Record<string, string>;
  strings: string[];
}

function groovyJar(): string {
  // scripts/test-env/groovy.sh: $CACHE/tools/groovy-<version>/groovy-<version>.jar
  const dir = fs.readdirSync(path.join(loadTestEnv().cache, 'tools')).find((d) => /^groovy-\d/.test(d));
  if (!dir) throw new Error('the groovy jar is absent: run `bash scripts/test-env.sh up` (ensure_groovy)');
  return path.join(loadTestEnv().cache, 'tools', dir, `${dir}.jar`);
}

function outline(file: string): Call[] {
  const out = execFileSync('java', ['-cp', groovyJar(), 'groovy.ui.GroovyMain', OUTLINE, file], {
    encoding: 'utf8',
    timeout: 120_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return out
    .trimEnd()
    .split('\n')
    .map((line) => {
      const [p, named, strings] = line.split('\t');
      return {
        path: p,
        named: Object.fromEntries(
          (named ? named.split('\u0001') : []).map((kv) => [kv.split('=')[0], kv.slice(kv.indexOf('=') + 1)]),
        ),
        strings: strings ? strings.split('\u0001') : [],
      };
    });
}

let calls: Call[];
beforeAll(() => {
  calls = outline(JENKINSFILE);
}, 180_000);

const at = (p: string): Call => {
  const c = calls.find((x) => x.path === p);
  if (!c) throw new Error(`no ${p} in the outline:\n${calls.map((x) => x.path).join('\n')}`);
  return c;
};

describe('templates/jenkins/Jenkinsfile', () => {
  test('compiles (a copy with a syntax error does not: the check can fail)', () => {
    expect(calls.filter((c) => c.path.startsWith('UNSUPPORTED'))).toEqual([]);
    const broken = path.join(testTempDir('cs-jenkinsfile-'), 'Jenkinsfile');
    fs.writeFileSync(broken, fs.readFileSync(JENKINSFILE, 'utf8').replace(/\}\s*$/, ''));
    expect(() => outline(broken)).toThrow(/unexpected input|Unexpected input|expecting '}'/i);
  }, 180_000);

  test('a declarative pipeline: its sections and only steps Jenkins (with JUnit and Pipeline Utility Steps) has', () => {
    expect(calls[0].path).toBe('pipeline');
    expect(calls.filter((c) => !c.path.startsWith('pipeline'))).toEqual([]);
    const sections = new Set(['agent', 'environment', 'options', 'stages', 'post', 'parameters', 'triggers', 'tools']);
    expect(
      calls
        .filter((c) => c.path.split('/').length === 2)
        .map((c) => c.path.split('/')[1])
        .filter((s) => !s.startsWith('=') && !sections.has(s)),
    ).toEqual([]);
    const steps = calls
      .filter((c) => /\/steps\/|\/post\/(always|failure|success|unstable|changed|cleanup)\//.test(c.path))
      .map((c) => c.path.split('/').pop()!);
    const known = ['sh', 'junit', 'archiveArtifacts', 'script', 'fileExists', 'readProperties', 'error', 'echo'];
    expect(steps.filter((s) => !s.startsWith('=') && !known.includes(s))).toEqual([]);
    // Every stage has steps.
    const stages = calls.filter((c) => c.path === 'pipeline/stages/stage').map((c) => c.strings[0]);
    expect(stages).toEqual(['Build', 'Scan']);
    for (const s of stages) at(`pipeline/stages/stage(${s})/steps`);
  });

  test('the junit and archiveArtifacts steps take only their documented parameters, and read what the CLI writes', () => {
    const out = at('pipeline/environment/=CLAIR_SCAN_OUTPUT_DIR').strings[0];
    const junit = at('pipeline/stages/stage(Scan)/post/always/junit').named;
    // JUnit plugin's `junit` step (JUnitResultArchiver) and core's `archiveArtifacts` (ArtifactArchiver).
    expect(
      Object.keys(junit).filter(
        (k) =>
          ![
            'testResults',
            'allowEmptyResults',
            'keepLongStdio',
            'keepProperties',
            'skipMarkingBuildUnstable',
            'skipPublishingChecks',
            'checksName',
            'healthScaleFactor',
            'stdioRetention',
          ].includes(k),
      ),
    ).toEqual([]);
    expect(junit.testResults).toBe(`${out}/${junitFormat.fileName}`);
    const archive = at('pipeline/stages/stage(Scan)/post/always/archiveArtifacts').named;
    expect(
      Object.keys(archive).filter(
        (k) =>
          ![
            'artifacts',
            'allowEmptyArchive',
            'excludes',
            'fingerprint',
            'onlyIfSuccessful',
            'caseSensitive',
            'defaultExcludes',
            'followSymlinks',
          ].includes(k),
      ),
    ).toEqual([]);
    expect(archive.artifacts).toBe(`${out}/**`);
    expect(at('pipeline/stages/stage(Scan)/post/always/script/readProperties').named.file).toBe(
      `${out}/${PROPERTIES_FILE}`,
    );
  });

  test("the scan step is this version of the CLI, following jenkins; with the file's variables it is a valid command line that writes junit", async () => {
    const sh = at('pipeline/stages/stage(Scan)/steps/sh').strings[0];
    const m = /npx --yes clair-scan@(\S+) (.*)$/.exec(sh);
    expect(m?.[1]).toBe(VERSION);
    expect(sh).toMatch(/^rm -rf "\$CLAIR_SCAN_OUTPUT_DIR" && /);
    const env = Object.fromEntries(
      calls.filter((c) => c.path.startsWith('pipeline/environment/=')).map((c) => [c.path.split('=')[1], c.strings[0]]),
    );
    // Every CLAIR_SCAN_* variable is an input's.
    const inputEnv = new Set(INPUTS.map((d) => envName(d.name)));
    expect(Object.keys(env).filter((k) => k.startsWith('CLAIR_SCAN_') && !inputEnv.has(k))).toEqual([]);
    const args = m![2].split(' ').map((a) => (a === '"$IMAGE"' ? 'myorg/app:42' : a));
    expect(args.slice(0, 2)).toEqual(['--ci-platform', 'jenkins']);
    const s = await cliSettings(args, env);
    expect(s.reports.formats).toEqual(['junit', 'json', 'html', 'sarif']);
    expect(s.policy.failOn).toBe('high');
    expect(s.reports.outputDir).toBe(env.CLAIR_SCAN_OUTPUT_DIR);
  });
});
