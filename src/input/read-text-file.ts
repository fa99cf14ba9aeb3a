import { open, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { printableName } from './printable-name.js';
import { sniffFormat } from './sniff-format.js';

export type TextFileKind = 'posting' | 'profile' | 'letter' | 'playbook' | 'input' | 'dataset' | 'resume';
type Kind = TextFileKind;

/** Files larger than this are refused: no posting, profile or letter is anywhere near it. */
export const maxInputBytes = 2 * 1024 * 1024;

function textHint(kind: Kind): string {
  return `save the ${kind} as plain text (.txt, .md${kind === 'posting' ? ', .html' : ''})`;
}

function tooLarge(path: string, kind: Kind, bytes: number, cap: number): InputError {
  return new InputError(
    `${kind}.too-large`,
    `${printableName(path)} is ${(bytes / 1024 / 1024).toFixed(1)} MB; a ${kind} should be a few KB`,
    {
      file: printableName(path),
      hint: `save only the ${kind}'s text (max ${cap / 1024 / 1024} MB)`,
    },
  );
}

/** "the profile me.yaml": a missing file is named with what it was meant to be, since the path alone may not say. */
function named(kind: Kind, path: string): string {
  return kind === 'input' || kind === 'dataset' ? path : `the ${kind} ${path}`;
}

function readFailure(path: string, kind: Kind, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return new InputError(`${kind}.not-found`, `${named(kind, printableName(path))} does not exist`, {
      file: printableName(path),
      hint: 'check the path and its spelling',
      cause: error,
    });
  }
  if (code === 'ELOOP') {
    return new InputError(
      `${kind}.link-loop`,
      `${printableName(path)} is a symbolic link that points back to itself`,
      {
        file: printableName(path),
        hint: 'point the link at a real file, or pass the file itself',
        cause: error,
      },
    );
  }
  if (code === 'ENOTDIR') {
    return new InputError(
      `${kind}.not-found`,
      `${named(kind, printableName(path))} does not exist (a part of the path is a file)`,
      {
        file: printableName(path),
        hint: 'check the folders in the path',
        cause: error,
      },
    );
  }
  if (code === 'EISDIR') {
    return new InputError(`${kind}.is-folder`, `${printableName(path)} is a folder, not a ${kind} file`, {
      file: printableName(path),
      hint: 'pass a file',
      cause: error,
    });
  }
  const hint =
    code === 'EACCES' || code === 'EPERM' ? 'check the file permissions' : 'check that the file is readable';
  return new InputError(
    `${kind}.unreadable`,
    `${printableName(path)} cannot be read (${code ?? 'unknown error'})`,
    {
      file: printableName(path),
      hint,
      cause: error,
    },
  );
}

/** Reads at most `cap + 1` bytes, so a file that grows after `stat` still cannot exhaust memory. */
async function readCapped(path: string, cap: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(cap + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

/**
 * Reads a text file people pasted from anywhere: refuses folders, devices, pipes, binaries, documents saved in other
 * formats and huge files with a clear error, and decodes UTF-8 (with or without BOM), UTF-16 (with BOM, or without
 * one when the byte pattern is unmistakable), falling back to Windows-1252/Latin-1 for bytes that are not UTF-8.
 */
export async function readTextFile(path: string, kind: Kind): Promise<string> {
  return decodeText(await readFileBytes(path, kind), path, kind);
}

/** The bytes of a regular file of at most `cap` bytes, with the same clear errors as `readTextFile`. */
export async function readFileBytes(path: string, kind: Kind, cap = maxInputBytes): Promise<Buffer> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new InputError(`${kind}.is-folder`, `${printableName(path)} is a folder, not a ${kind} file`, {
        file: printableName(path),
        hint: `pass a file${kind === 'posting' ? ', or use `lede batch` for a folder of postings' : ''}`,
      });
    }
    // A pipe or a device (/dev/zero) would block or never end; only regular files are read.
    if (!info.isFile()) {
      throw new InputError(
        `${kind}.not-a-file`,
        `${printableName(path)} is not a regular file (a pipe, socket or device)`,
        {
          file: printableName(path),
          hint: `save the ${kind} to a file and pass that file`,
        },
      );
    }
    if (info.size > cap) throw tooLarge(path, kind, info.size, cap);
    bytes = await readCapped(path, cap);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw readFailure(path, kind, error);
  }
  if (bytes.length > cap) throw tooLarge(path, kind, bytes.length, cap);
  return bytes;
}

/** Guesses UTF-16 without a BOM: mostly ASCII text leaves a zero in every other byte. */
function utf16WithoutBom(sample: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (sample.length < 16) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  const pairs = Math.floor(sample.length / 2);
  for (let index = 0; index < pairs * 2; index += 2) {
    if (sample[index] === 0) evenZeros++;
    if (sample[index + 1] === 0) oddZeros++;
  }
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Control bytes other than tab, line feed, carriage return and form feed are rare in text and common in binaries. */
function controlByteShare(sample: Buffer): number {
  if (sample.length === 0) return 0;
  let controls = 0;
  for (const byte of sample) {
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) || byte === 0x7f)
      controls++;
  }
  return controls / sample.length;
}

/**
 * A NUL byte anywhere, or a stretch of 8 KB dense with control bytes: a text file with binary glued after its first
 * page (an archive appended to a posting) is still binary.
 */
function looksBinary(bytes: Buffer): boolean {
  if (bytes.includes(0)) return true;
  for (let start = 0; start < bytes.length; start += 8192) {
    if (controlByteShare(bytes.subarray(start, start + 8192)) > 0.05) return true;
  }
  return false;
}

export function decodeText(bytes: Buffer, path: string, kind: Kind): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const sample = bytes.subarray(0, 8192);
  const utf16 = utf16WithoutBom(sample);
  if (utf16 !== undefined) return new TextDecoder(utf16).decode(bytes);
  const format = sniffFormat(sample);
  if (format !== undefined) {
    throw new InputError(`${kind}.binary`, `${printableName(path)} is ${format.name}, not a text file`, {
      file: printableName(path),
      hint: `${format.advice}, then ${textHint(kind)}`,
    });
  }
  if (looksBinary(bytes)) {
    throw new InputError(`${kind}.binary`, `${printableName(path)} looks like a binary file, not text`, {
      file: printableName(path),
      hint: textHint(kind),
    });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // The WHATWG "latin1" decoder is Windows-1252, which is what a non-UTF-8 text file pasted on Windows holds.
    return new TextDecoder('latin1').decode(bytes);
  }
}
