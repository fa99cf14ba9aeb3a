import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type LedeError, OutputError } from '../errors.js';

export interface AtomicWriteOptions {
  /** Create the target's folder first. */
  readonly createFolder?: boolean;
  /** The error to report instead of the default `output.write-failed`, for writers with their own wording. */
  readonly toError?: (error: unknown, path: string) => LedeError;
}

function writeFailed(error: unknown, path: string): LedeError {
  const code = (error as NodeJS.ErrnoException).code;
  return new OutputError('output.write-failed', `${path} cannot be written (${code ?? 'unknown error'})`, {
    file: path,
    hint:
      code === 'ENOSPC' ? 'free some disk space and run again' : 'check that the output folder is writable',
    cause: error,
  });
}

/**
 * Writes a file so that a reader (or a rerun after a crash) sees either the old content or the new, never half of it:
 * the text goes to a temporary file beside the target, then a rename replaces the target in one step. Letters,
 * reports, manifests, cache entries and the eval baseline are all written this way. A big file (a batch's manifest or
 * summary, the review page) may come as pieces of text, written one after another, so it is never one string in memory.
 * Bytes (a DOCX or PDF letter) are written as they are.
 */
export async function writeFileAtomic(
  path: string,
  content: string | Uint8Array | Iterable<string> | AsyncIterable<string>,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    if (options.createFolder === true) await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, content, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw (options.toError ?? writeFailed)(error, path);
  }
}
