import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/load-config-file.js';
import { ConfigError, InputError } from '../../src/errors.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'lede-config-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('loadConfigFile', () => {
  it('finds none when the folder has no lede.config.*', async () => {
    expect(await loadConfigFile(folder)).toBeUndefined();
  });

  it('reads lede.config.yaml from the folder', async () => {
    await writeFile(join(folder, 'lede.config.yaml'), '# mine\nmodel: llama3.1\nmaxWords: 200\n');
    expect(await loadConfigFile(folder)).toEqual({
      path: join(folder, 'lede.config.yaml'),
      data: { model: 'llama3.1', maxWords: 200 },
    });
  });

  it('reads the file --config names, relative to the cwd', async () => {
    await writeFile(join(folder, 'team.json'), '{ "cache": "auto" }');
    expect(await loadConfigFile(folder, 'team.json')).toEqual({
      path: join(folder, 'team.json'),
      data: { cache: 'auto' },
    });
  });

  it('reads an empty file as no options', async () => {
    await writeFile(join(folder, 'lede.config.yml'), '\n');
    expect((await loadConfigFile(folder))?.data).toEqual({});
  });

  it('fails when --config names a missing file', async () => {
    await expect(loadConfigFile(folder, 'nope.yaml')).rejects.toThrow(
      new ConfigError('config.file-not-found', '--config nope.yaml: the file does not exist', {
        file: 'nope.yaml',
        hint: 'check the path, or leave --config out to use lede.config.json or lede.config.yaml or lede.config.yml in the current folder',
      }),
    );
  });

  it('fails when two config files could apply', async () => {
    await writeFile(join(folder, 'lede.config.json'), '{}');
    await writeFile(join(folder, 'lede.config.yaml'), 'model: x\n');
    await expect(loadConfigFile(folder)).rejects.toMatchObject({ code: 'config.file-ambiguous' });
  });

  it('reports a syntax error with the file and line', async () => {
    await writeFile(join(folder, 'lede.config.yaml'), 'model: x\nmodel: y\n');
    const error = await loadConfigFile(folder).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ code: 'input.syntax', file: join(folder, 'lede.config.yaml'), line: 2 });
  });
});
