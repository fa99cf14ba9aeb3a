import { config as loadDotenv } from 'dotenv';
import { ExitCode } from './exit-code.js';
import { runCli } from './run-cli.js';

// The composition root, loaded by main.ts once the Node version is known to be good: the only place that touches
// process state. `.env` fills in what the shell did not set.
loadDotenv({ quiet: true });

const controller = new AbortController();
let signals = 0;
const onSignal = (): void => {
  signals++;
  if (signals === 1) {
    process.stderr.write('\nlede: stopping after the work in flight (press Ctrl-C again to stop now)\n');
    controller.abort();
  } else process.exit(ExitCode.interrupted);
};
process.on('SIGINT', onSignal);
// `lede classify --json a/*.txt | head` closes the pipe early: that is the reader's choice, not a crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.ok);
    throw error;
  });
}
process.on('SIGTERM', onSignal);

process.exitCode = await runCli(process.argv.slice(2), {
  io: {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTty: process.stderr.isTTY === true,
    stdoutBytes: (bytes) => process.stdout.write(bytes),
    stdoutIsTty: process.stdout.isTTY === true,
  },
  env: process.env,
  cwd: process.cwd(),
  // Lazy: touching process.stdin opens it, which only a `-` argument should do.
  stdin: {
    get isTTY() {
      return process.stdin.isTTY === true;
    },
    [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator](),
    destroy: () => process.stdin.destroy(),
  },
  fetch: globalThis.fetch,
  signal: controller.signal,
});
