#!/usr/bin/env node
// The `lede` executable. It checks the Node version before anything else loads: the CLI itself needs Node 22, and on
// an older Node it would die with a stack trace instead of saying so. Only this file and the check load first, so both
// stay free of anything newer than the oldest Node that can read an ES module.
import { checkNodeVersion } from './check-node-version.js';

const unsupported = checkNodeVersion(process.versions.node);
if (unsupported === undefined) {
  await import('./start-cli.js');
} else {
  process.stderr.write(`${unsupported}\n`);
  process.exitCode = 1;
}
