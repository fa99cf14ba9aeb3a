import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { InputError } from '../errors.js';
import { printableName } from '../input/printable-name.js';
import { postingExtensions } from '../posting/load-posting.js';
import { isOverridesFile } from './posting-overrides.js';

/** A posting file found in the batch folder. */
export interface FoundPosting {
  /** Absolute path. */
  readonly path: string;
  /** Path relative to the batch folder with `/` separators: the posting's id in the manifest and the summary. */
  readonly relative: string;
}

/** A file in the batch folder that is not read as a posting, and why. */
export interface SkippedFile {
  readonly relative: string;
  readonly reason: string;
}

export interface FoundFiles {
  /** Sorted by relative path, so runs are reproducible. */
  readonly postings: readonly FoundPosting[];
  readonly skipped: readonly SkippedFile[];
}

export interface FindOptions {
  /** Descend into subfolders (`--recursive`); hidden folders are always skipped. */
  readonly recursive: boolean;
}

function isPostingFile(name: string): boolean {
  return (postingExtensions as readonly string[]).includes(extname(name).toLowerCase());
}

async function entriesOf(folder: string, shown: string): Promise<Dirent[]> {
  try {
    return await readdir(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new InputError('input.folder-not-found', `${shown} does not exist`, {
        file: shown,
        hint: 'pass the folder that holds your postings (.txt, .md, .html)',
        cause: error,
      });
    }
    if (code === 'ENOTDIR') {
      throw new InputError('input.not-a-folder', `${shown} is a file, not a folder`, {
        file: shown,
        hint: 'use `lede draft <posting>` for one posting, or pass the folder that holds it',
        cause: error,
      });
    }
    throw new InputError('input.folder-unreadable', `${shown} cannot be read (${code ?? 'unknown error'})`, {
      file: shown,
      hint: 'check the folder permissions',
      cause: error,
    });
  }
}

function isWithin(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return inside === '' || (!inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside));
}

/**
 * Lists the postings in a batch folder: `.txt`, `.md` and `.html` files, hidden files and folders left out, other
 * extensions reported as skipped. Symbolic links are followed, but a folder already visited (by its real path) is
 * never entered twice, so a link loop ends instead of hanging; a link leading outside the folder is skipped.
 */
export async function findPostings(folder: string, options: FindOptions): Promise<FoundFiles> {
  const postings: FoundPosting[] = [];
  const skipped: SkippedFile[] = [];
  const visited = new Set<string>();
  const toRelative = (path: string): string => printableName(relative(folder, path).split(sep).join('/'));

  let root: string | undefined;
  const walk = async (current: string): Promise<void> => {
    const entries = await entriesOf(current, current === folder ? folder : toRelative(current));
    visited.add(await realpath(current));
    root ??= await realpath(folder);
    for (const entry of entries) {
      if (entry.name.startsWith('.')) {
        // Hidden folders (.git) are tooling, not postings; a hidden file (.DS_Store) is listed so nothing goes unsaid.
        if (entry.isFile())
          skipped.push({ relative: toRelative(join(current, entry.name)), reason: 'hidden file' });
        continue;
      }
      const path = join(current, entry.name);
      if (printableName(entry.name) !== entry.name) {
        // Its name would reach the terminal in the summary and the reports: an escape sequence could rewrite the screen.
        skipped.push({ relative: toRelative(path), reason: 'file name holds control characters; rename it' });
        continue;
      }
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(path).catch(() => undefined);
        if (target === undefined) {
          skipped.push({ relative: toRelative(path), reason: 'broken symbolic link' });
          continue;
        }
        // A link in a folder of postings (or a zip of them) to ~/.aws/credentials or /etc/passwd must not be read,
        // sent to the endpoint and quoted in the report: only what really lies inside the folder is a posting.
        if (root !== undefined && !isWithin(root, await realpath(path))) {
          skipped.push({
            relative: toRelative(path),
            reason: 'symbolic link to a file or folder outside the batch folder (not read)',
          });
          continue;
        }
        isFolder = target.isDirectory();
        isFile = target.isFile();
      }
      if (isFolder) {
        if (!options.recursive) {
          skipped.push({
            relative: `${toRelative(path)}/`,
            reason: 'subfolder (pass --recursive to include it)',
          });
        } else if (visited.has(await realpath(path))) {
          skipped.push({
            relative: `${toRelative(path)}/`,
            reason: 'folder already visited (symbolic link loop)',
          });
        } else {
          await walk(path);
        }
      } else if (!isFile) {
        skipped.push({ relative: toRelative(path), reason: 'not a regular file' });
      } else if (isPostingFile(entry.name)) {
        postings.push({ path, relative: toRelative(path) });
      } else if (!isOverridesFile(entry.name)) {
        skipped.push({
          relative: toRelative(path),
          reason: `unsupported extension "${extname(entry.name) || '(none)'}" (lede reads ${postingExtensions.join(', ')})`,
        });
      }
    }
  };

  await walk(folder);
  const byRelative = (a: { relative: string }, b: { relative: string }): number =>
    a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0;
  return { postings: postings.sort(byRelative), skipped: skipped.sort(byRelative) };
}
