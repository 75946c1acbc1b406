import { removeTestTempDirs } from '../helpers/tmp';

// End-to-end tests start real containers and run real scans: minutes, not seconds.
jest.setTimeout(15 * 60 * 1000);

// Every temp dir made through testTempDir() (e.g. settingsFor's output dirs) goes with its test file.
afterAll(() => removeTestTempDirs());
