import { execFileSync } from 'node:child_process';
import { symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { maxInputBytes, readTextFile } from '../../src/input/read-text-file.js';
import { newTemporaryFolder } from '../support/temporary-folder.js';

let folder: string;
beforeEach(async () => {
  folder = await newTemporaryFolder('read');
});

async function failure(
  path: string,
): Promise<{ code: string; message: string; file: string | undefined; hint: string | undefined }> {
  const error = await readTextFile(path, 'posting').catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(InputError);
  const { code, message, file, hint } = error as InputError;
  return { code, message, file, hint };
}

describe('readTextFile', () => {
  it('refuses a file over the size limit without reading it, naming its size', async () => {
    const path = join(folder, 'huge.txt');
    await writeFile(path, '');
    await truncate(path, 10 * 1024 * 1024);
    expect(await failure(path)).toEqual({
      code: 'posting.too-large',
      message: `${path} is 10.0 MB; a posting should be a few KB`,
      file: path,
      hint: `save only the posting's text (max ${maxInputBytes / 1024 / 1024} MB)`,
    });
  });

  it('refuses a symbolic link loop instead of hanging', async () => {
    const a = join(folder, 'a.txt');
    const b = join(folder, 'b.txt');
    await symlink(b, a);
    await symlink(a, b);
    expect(await failure(a)).toEqual({
      code: 'posting.link-loop',
      message: `${a} is a symbolic link that points back to itself`,
      file: a,
      hint: 'point the link at a real file, or pass the file itself',
    });
  });

  it('follows a symbolic link to a real file', async () => {
    const target = join(folder, 'real.txt');
    await writeFile(target, 'hello');
    await symlink(target, join(folder, 'link.txt'));
    expect(await readTextFile(join(folder, 'link.txt'), 'posting')).toBe('hello');
  });

  it('refuses a pipe or a device rather than blocking on it', async () => {
    const fifo = join(folder, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    expect((await failure(fifo)).code).toBe('posting.not-a-file');
    expect((await failure('/dev/zero')).code).toBe('posting.not-a-file');
  });

  it('says when a part of the path is a file', async () => {
    const file = join(folder, 'file.txt');
    await writeFile(file, 'x');
    expect((await failure(join(file, 'inside.txt'))).code).toBe('posting.not-found');
  });

  it('names documents saved in the wrong format and says how to get the text out', async () => {
    const pdf = join(folder, 'job.txt');
    await writeFile(pdf, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 3])]));
    expect(await failure(pdf)).toEqual({
      code: 'posting.binary',
      message: `${pdf} is a PDF document, not a text file`,
      file: pdf,
      hint: 'copy the text out of the PDF, then save the posting as plain text (.txt, .md, .html)',
    });
  });

  it('refuses text full of control bytes even without a zero byte', async () => {
    const path = join(folder, 'noise.txt');
    await writeFile(
      path,
      Buffer.from(Array.from({ length: 400 }, (_, index) => (index % 3 === 0 ? 0x01 : 0x41))),
    );
    expect((await failure(path)).code).toBe('posting.binary');
  });

  it('decodes UTF-16 without a BOM, UTF-16BE with one, and Windows-1252 punctuation', async () => {
    const text = 'Lanternfish is hiring a machine learning engineer.';
    await writeFile(join(folder, 'le.txt'), Buffer.from(text, 'utf16le'));
    const be = Buffer.from(text, 'utf16le').swap16();
    await writeFile(join(folder, 'be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    await writeFile(join(folder, 'cp1252.txt'), Buffer.from([0x57, 0x65, 0x92, 0x72, 0x65, 0x20, 0xe9]));
    expect([
      await readTextFile(join(folder, 'le.txt'), 'posting'),
      await readTextFile(join(folder, 'be.txt'), 'posting'),
      await readTextFile(join(folder, 'cp1252.txt'), 'posting'),
    ]).toEqual([text, text, 'We’re é']);
  });
});
