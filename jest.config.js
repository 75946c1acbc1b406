/** Three projects: `unit` needs nothing running; `browser` needs Debian's chromium (scripts/test-env.sh installs it;
 * CHROMIUM_PATH points elsewhere); `e2e` needs the test environment from scripts/test-env.sh (real Docker engine,
 * Clair image built from its Go module, PostgreSQL image, registry, fixture images). */
const base = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/__tests__/unit/**/*.test.ts'] },
    { ...base, displayName: 'browser', testMatch: ['<rootDir>/__tests__/browser/**/*.test.ts'] },
    // Per-project testTimeout is ignored by jest: the e2e timeout is set in the setup file.
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/__tests__/e2e/setup.ts'],
    },
  ],
};
