import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { OutputError } from '../../errors.js';

/**
 * Writes a file so that a reader (or a rerun after a crash) sees either the old content or the new, never half of it:
 * the text goes to a temporary file beside the target, then a rename replaces the target in one step.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, content, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    throw new OutputError('output.write-failed', `${path} cannot be written (${code ?? 'unknown error'})`, {
      file: path,
      hint:
        code === 'ENOSPC' ? 'free some disk space and run again' : 'check that the output folder is writable',
      cause: error,
    });
  }
}
