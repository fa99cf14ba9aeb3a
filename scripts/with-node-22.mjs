#!/usr/bin/env node
// Runs a Node script under Node >= 22.12, whatever Node started npm.
//
//   node scripts/with-node-22.mjs <script.js> [args...]
//
// lede needs Node 22.12 or newer. When the Node running this file is older (many machines still ship Node 20), it
// brings Node 22 from the npm registry once (the package `node-<platform>-<arch>`, which carries the binary and runs
// no install script), keeps it in a cache folder and runs the script with it. The package.json scripts go through
// here so that `npm start` and `npm test` work as typed on such a machine.
//
// Written for old Nodes: no dependencies, nothing newer than Node 14 can read.
//
// Environment:
//   LEDE_NODE_CACHE     where Node 22 is kept (default: $XDG_CACHE_HOME/lede/node22, or ~/.cache/lede/node22)
//   LEDE_NO_NODE_FETCH  set to 1 to never fetch: an old Node then gets one line saying how to install Node 22
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { constants, homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

const needed = [22, 12];

function satisfies(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > needed[0] || (major === needed[0] && minor >= needed[1]);
}

function say(line) {
  process.stderr.write(`lede: ${line}\n`);
}

function howToInstall(current) {
  return (
    `this is Node ${current}; lede needs Node ${needed.join('.')} or newer. ` +
    'Install Node 22 (https://nodejs.org, or `nvm install 22`) and run the command again.'
  );
}

function cacheFolder() {
  if (process.env.LEDE_NODE_CACHE) return process.env.LEDE_NODE_CACHE;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'lede', 'node22');
}

/** The path of a usable Node 22 binary, fetching it into the cache the first time. */
function node22() {
  const folder = cacheFolder();
  const name = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
  const binary = join(folder, 'node_modules', name, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (existsSync(binary)) return binary;
  if (process.env.LEDE_NO_NODE_FETCH === '1') {
    say(howToInstall(process.version));
    process.exit(1);
  }
  say(
    `this is Node ${process.version}; lede needs Node ${needed.join('.')} or newer. ` +
      `Fetching Node 22 from the npm registry into ${folder} (once, about 30 MB)...`,
  );
  mkdirSync(folder, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const install = spawnSync(
    npm,
    ['install', '--prefix', folder, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `${name}@22`],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (install.status !== 0 || !existsSync(binary)) {
    say(`could not fetch ${name}@22 (npm exited with ${install.status}). ${howToInstall(process.version)}`);
    process.exit(1);
  }
  return binary;
}

const [script, ...args] = process.argv.slice(2);
if (script === undefined) {
  say('usage: node scripts/with-node-22.mjs <script.js> [args...]');
  process.exit(2);
}
const executable = satisfies(process.version) ? process.execPath : node22();
// Node 22 goes first on PATH too, for anything the script starts with a plain `node`.
const env = { ...process.env, PATH: `${dirname(executable)}${delimiter}${process.env.PATH ?? ''}` };
const child = spawn(executable, [script, ...args], { stdio: 'inherit', env });
// The child gets Ctrl-C from the terminal itself; a SIGTERM sent to this process is passed on.
process.on('SIGTERM', () => child.kill('SIGTERM'));
process.on('SIGINT', () => {});
child.on('exit', (code, signal) => {
  process.exit(signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 1));
});
