// End-to-end tests start real containers and run real scans: minutes, not seconds.
jest.setTimeout(15 * 60 * 1000);
