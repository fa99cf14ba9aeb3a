import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { parseDataFile } from '../input/parse-data-file.js';
import { readTextFile } from '../input/read-text-file.js';
import type { ConfigFile } from './resolve-config.js';

/** Config files lede looks for in the working folder, in this order. */
export const configFileNames = ['lede.config.json', 'lede.config.yaml', 'lede.config.yml'] as const;

/**
 * Reads the config file: the one named by `--config` (which must exist), else the one `lede.config.*` in `cwd`, else
 * none. Two candidates in one folder is an error rather than a silent pick.
 */
export async function loadConfigFile(cwd: string, explicitPath?: string): Promise<ConfigFile | undefined> {
  if (explicitPath !== undefined) {
    const path = resolve(cwd, explicitPath);
    if (!existsSync(path)) {
      throw new ConfigError('config.file-not-found', `--config ${explicitPath}: the file does not exist`, {
        file: explicitPath,
        hint: `check the path, or leave --config out to use ${configFileNames.join(' or ')} in the current folder`,
      });
    }
    return read(path);
  }
  const found = configFileNames.map((name) => join(cwd, name)).filter((path) => existsSync(path));
  if (found.length > 1) {
    throw new ConfigError('config.file-ambiguous', `${found.join(' and ')} both exist; lede reads only one`, {
      file: found[0],
      hint: 'merge them into one file and delete the other',
    });
  }
  const only = found[0];
  return only === undefined ? undefined : read(only);
}

async function read(path: string): Promise<ConfigFile> {
  const text = await readTextFile(path, 'input');
  return { path, data: text.trim() === '' ? {} : parseDataFile(text, path, 'input') };
}
