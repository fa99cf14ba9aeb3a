import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';

type Kind = 'posting' | 'profile' | 'letter' | 'playbook' | 'input' | 'dataset';

/** Files larger than this are refused: no posting, profile or letter is anywhere near it. */
export const maxInputBytes = 2 * 1024 * 1024;

/**
 * Reads a text file people pasted from anywhere: refuses folders, binaries and huge files with a clear error, and
 * decodes UTF-8 (with or without BOM), UTF-16 with BOM, and falls back to Latin-1 for bytes that are not UTF-8.
 */
export async function readTextFile(path: string, kind: Kind): Promise<string> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new InputError(`${kind}.is-folder`, `${path} is a folder, not a ${kind} file`, {
        file: path,
        hint: `pass a file${kind === 'posting' ? ', or use `lede batch` for a folder of postings' : ''}`,
      });
    }
    if (info.size > maxInputBytes) {
      throw new InputError(
        `${kind}.too-large`,
        `${path} is ${(info.size / 1024 / 1024).toFixed(1)} MB; a ${kind} should be a few KB`,
        { file: path, hint: `save only the ${kind}'s text (max ${maxInputBytes / 1024 / 1024} MB)` },
      );
    }
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new InputError(`${kind}.not-found`, `${path} does not exist`, {
        file: path,
        hint: 'check the path and its spelling',
        cause: error,
      });
    }
    throw new InputError(`${kind}.unreadable`, `${path} cannot be read (${code ?? 'unknown error'})`, {
      file: path,
      hint: 'check the file permissions',
      cause: error,
    });
  }
  return decodeText(bytes, path, kind);
}

export function decodeText(bytes: Buffer, path: string, kind: Kind): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) {
    throw new InputError(`${kind}.binary`, `${path} looks like a binary file, not text`, {
      file: path,
      hint: `save the ${kind} as plain text (.txt, .md${kind === 'posting' ? ', .html' : ''})`,
    });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}
