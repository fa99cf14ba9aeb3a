import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPostings } from '../../src/batch/find-postings.js';
import { folderWith, temporaryFolder } from './batch-fixtures.js';

describe('findPostings', () => {
  it('descends into subfolders with recursive, never into hidden ones, lists hidden files, and sorts by path', async () => {
    const folder = await folderWith({
      'b.md': 'x',
      'a.txt': 'x',
      'sub/c.html': 'x',
      'sub/deeper/d.htm': 'x',
      '.git/config.txt': 'x',
      'sub/.draft.txt': 'x',
      'sub/image.png': 'x',
      README: 'x',
    });

    const found = await findPostings(folder, { recursive: true });

    expect(found.postings.map((posting) => posting.relative)).toEqual([
      'a.txt',
      'b.md',
      'sub/c.html',
      'sub/deeper/d.htm',
    ]);
    expect(found.postings[2]?.path).toBe(join(folder, 'sub/c.html'));
    expect(found.skipped).toEqual([
      {
        relative: 'README',
        reason: 'unsupported extension "(none)" (lede reads .txt, .md, .html, .htm, .pdf, .docx)',
      },
      { relative: 'sub/.draft.txt', reason: 'hidden file' },
      {
        relative: 'sub/image.png',
        reason: 'unsupported extension ".png" (lede reads .txt, .md, .html, .htm, .pdf, .docx)',
      },
    ]);
  });

  it('follows symbolic links but ends a link loop instead of hanging', async () => {
    const folder = await folderWith({ 'a.txt': 'x', 'sub/b.txt': 'x' });
    await symlink(folder, join(folder, 'sub', 'loop'));
    await symlink(join(folder, 'sub', 'b.txt'), join(folder, 'linked.txt'));
    await symlink(join(folder, 'missing.txt'), join(folder, 'broken.txt'));

    const found = await findPostings(folder, { recursive: true });

    expect(found.postings.map((posting) => posting.relative)).toEqual(['a.txt', 'linked.txt', 'sub/b.txt']);
    expect(found.skipped).toEqual([
      { relative: 'broken.txt', reason: 'broken symbolic link' },
      { relative: 'sub/loop/', reason: 'folder already visited (symbolic link loop)' },
    ]);
  });

  it('says what is wrong with a folder that is missing or is a file', async () => {
    const root = await temporaryFolder();
    await mkdir(join(root, 'postings'));
    const file = `${await folderWith({ 'one.txt': 'x' })}/one.txt`;

    await expect(findPostings(join(root, 'nope'), { recursive: false })).rejects.toMatchObject({
      code: 'input.folder-not-found',
      hint: 'pass the folder that holds your postings (.txt, .md, .html)',
    });
    await expect(findPostings(file, { recursive: false })).rejects.toMatchObject({
      code: 'input.not-a-folder',
    });
    expect(await findPostings(join(root, 'postings'), { recursive: false })).toEqual({
      postings: [],
      skipped: [],
    });
  });
});

describe('findPostings and names that could reach a terminal', () => {
  it('skips a file whose name holds an escape sequence, and names it with the escapes shown', async () => {
    const root = await temporaryFolder();
    await writeFile(join(root, 'evil\u001b]0;pwned\u0007.txt'), 'text');
    await writeFile(join(root, 'fine.txt'), 'text');
    const found = await findPostings(root, { recursive: false });
    expect(found.postings.map((posting) => posting.relative)).toEqual(['fine.txt']);
    expect(found.skipped).toEqual([
      { relative: 'evil\\x1b]0;pwned\\x07.txt', reason: 'file name holds control characters; rename it' },
    ]);
  });
});
