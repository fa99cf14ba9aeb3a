import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** The path with every link resolved; for a file not yet written, its folder's real path and its own name. */
async function realPathOf(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    try {
      return join(await realpath(dirname(absolute)), basename(absolute));
    } catch {
      return absolute;
    }
  }
}

/**
 * True when `output` would overwrite `input`: the same real path (through links, `..` and `./`), or the same file
 * under another name (a hard link, a case-insensitive file system).
 */
export async function isSameFile(output: string, input: string): Promise<boolean> {
  const [outputPath, inputPath] = await Promise.all([realPathOf(output), realPathOf(input)]);
  if (outputPath === inputPath) return true;
  const [outputStat, inputStat] = await Promise.all([
    stat(outputPath).catch(() => undefined),
    stat(inputPath).catch(() => undefined),
  ]);
  return (
    outputStat !== undefined &&
    inputStat !== undefined &&
    outputStat.dev === inputStat.dev &&
    outputStat.ino === inputStat.ino
  );
}
