import { isAbsolute, resolve } from 'node:path';
import type { CliContext } from './cli-context.js';

/**
 * A path from the command line, resolved against the command's working folder. Kept as typed when that folder is the
 * process's own, so messages name the file the way the user wrote it.
 */
export function inputPath(context: CliContext, path: string): string {
  if (isAbsolute(path) || context.cwd === process.cwd()) return path;
  return resolve(context.cwd, path);
}
