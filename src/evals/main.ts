#!/usr/bin/env node
import { config as loadDotenv } from 'dotenv';
import { runEvalCommand } from './eval-command.js';

// The composition root of `npm run eval`: the only place that touches process state.
loadDotenv({ quiet: true });

const controller = new AbortController();
process.on('SIGINT', () => controller.abort());
process.on('SIGTERM', () => controller.abort());

process.exitCode = await runEvalCommand(process.argv.slice(2), {
  io: {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTty: process.stderr.isTTY === true,
  },
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
});
