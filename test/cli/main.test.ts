import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { stripTypeScriptTypes } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { newTemporaryFolder } from '../support/temporary-folder.js';

const run = promisify(execFile);
const source = join(import.meta.dirname, '../../src/cli');

interface Outcome {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

let folder = '';

/**
 * The entry and its check, type-stripped into a folder beside a stand-in for the real CLI that only says it started;
 * nothing else is there, so a static import of anything more would fail to load. A preload pretends to be another
 * Node by redefining `process.versions.node` from FAKE_NODE_VERSION.
 */
beforeAll(async () => {
  folder = await newTemporaryFolder('entry');
  for (const name of ['main', 'check-node-version']) {
    const typescript = await readFile(join(source, `${name}.ts`), 'utf8');
    await writeFile(join(folder, `${name}.js`), stripTypeScriptTypes(typescript));
  }
  await writeFile(join(folder, 'start-cli.js'), "process.stdout.write('the CLI started\\n');\n");
  await writeFile(
    join(folder, 'fake-node-version.js'),
    "Object.defineProperty(process.versions, 'node', { value: process.env.FAKE_NODE_VERSION });\n",
  );
  await writeFile(join(folder, 'package.json'), '{ "type": "module" }\n');
});

async function runEntry(nodeVersion: string): Promise<Outcome> {
  const args = ['--import', join(folder, 'fake-node-version.js'), join(folder, 'main.js'), '--version'];
  try {
    const { stdout, stderr } = await run(process.execPath, args, {
      env: { ...process.env, FAKE_NODE_VERSION: nodeVersion, NODE_OPTIONS: '' },
    });
    return { exitCode: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { exitCode: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the lede executable (src/cli/main.ts)', () => {
  it('on an old Node prints one line, exits 1 and never loads the CLI', async () => {
    const outcome = await runEntry('20.11.1');
    expect(outcome).toEqual({
      exitCode: 1,
      stdout: '',
      stderr:
        'lede: this is Node 20.11.1; lede needs Node 22.12 or newer. Install it with `nvm install 22`, ' +
        '`fnm install 22` or from https://nodejs.org; in a clone of lede, `npm run lede -- <command>` fetches it ' +
        'for you.\n',
    });
  });

  it('on a supported Node starts the CLI and says nothing about versions', async () => {
    const outcome = await runEntry('22.12.0');
    expect(outcome).toEqual({ exitCode: 0, stdout: 'the CLI started\n', stderr: '' });
  });
});
