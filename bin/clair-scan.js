#!/usr/bin/env node
// The CLI runs the committed bundle, the same code the GitHub Action runs.
require('../dist/cli/index.js');
