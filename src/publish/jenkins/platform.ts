/**
 * Jenkins as the CLI's platform (`--ci-platform jenkins`; `auto`: JENKINS_URL and BUILD_ID set, the pair CI
 * detectors such as ci-info use). The seed use case is failing the build on severity: the Jenkinsfile runs the CLI,
 * its exit code fails the stage (0 pass, 1 policy failed, 2 error), and the `junit` step shows the `junit` report's
 * test cases (templates/jenkins/Jenkinsfile).
 * - log: plain text; Jenkins has no in-log convention for collapsible groups (a Pipeline's stages and steps are its
 *   groups) and no in-log commands, so there is nothing of its own to defuse (escape sequences, which its ANSI colour
 *   plugin obeys, are escaped for every platform: util/log.ts defuse);
 * - outputs: the action's outputs (verdict, exit-code, counts, report paths) as `clair-scan.properties` in output-dir,
 *   for `readProperties` (Pipeline Utility Steps) or any Java properties reader.
 */
import type { Platform } from '../platform';
import { log } from '../../util/log';
import { writeProperties } from './properties';
import { batchOutputs, outcomeOutputs } from '../github/outputs';

export const jenkins: Platform = {
  name: 'jenkins',
  help: 'the outputs in clair-scan.properties',
  detectedBy: 'JENKINS_URL and BUILD_ID are set',
  detect: (env) => !!env.JENKINS_URL?.trim() && !!env.BUILD_ID?.trim(),
  async publish(outcome, settings) {
    log.info(
      `outputs for the Jenkinsfile: ${await writeProperties(settings.reports.outputDir, outcomeOutputs(outcome, settings))}`,
    );
  },
  async publishBatch(outcome) {
    log.info(
      `outputs for the Jenkinsfile: ${await writeProperties(outcome.settings.reports.outputDir, batchOutputs(outcome))}`,
    );
  },
};
