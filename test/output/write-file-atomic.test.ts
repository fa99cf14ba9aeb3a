import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../../src/errors.js';
import { writeFileAtomic } from '../../src/output/write-file-atomic.js';
import { listFiles, temporaryFolder } from '../batch/batch-fixtures.js';

describe('writeFileAtomic', () => {
  it('replaces a file and leaves no temporary file behind', async () => {
    const folder = await temporaryFolder();
    const path = join(folder, 'letter.md');
    await writeFile(path, 'old');

    await writeFileAtomic(path, 'new letter');

    expect(await readFile(path, 'utf8')).toBe('new letter');
    expect(await listFiles(folder)).toEqual(['letter.md']);
  });

  it('keeps the old content and cleans up when the write fails', async () => {
    const folder = await temporaryFolder();
    const path = join(folder, 'taken');
    await mkdir(path);
    await writeFile(join(path, 'inside.txt'), 'kept');

    const failure = await writeFileAtomic(path, 'letter').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(OutputError);
    expect(failure).toMatchObject({ code: 'output.write-failed', file: path });
    expect(await listFiles(folder)).toEqual(['taken/inside.txt']);
  });

  it('gives concurrent writers of one file a whole version each, never a mix', async () => {
    const folder = await temporaryFolder();
    const path = join(folder, 'report.json');
    const versions = Array.from({ length: 8 }, (_, index) => String(index).repeat(50_000));

    await Promise.all(versions.map((version) => writeFileAtomic(path, version)));

    expect(versions).toContain(await readFile(path, 'utf8'));
    expect(await listFiles(folder)).toEqual(['report.json']);
  });
});
