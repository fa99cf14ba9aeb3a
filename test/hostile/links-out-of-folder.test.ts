import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatchSummarySchema } from '../../src/batch/batch-summary.js';
import { temporaryFolder } from '../cli/run-lede.js';
import { cleanPosting, lede, validProfile } from './support/hostile.js';

const secret = 'aws_secret_access_key = wJalrXUtnFEMI-NOT-REAL-SECRET';

/** Everything a batch wrote, as one string: letters, reports, the manifest and the summary. */
async function everythingWritten(out: string): Promise<string> {
  const names = await readdir(out, { recursive: true, withFileTypes: true });
  const files = names.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return (await Promise.all(files.map((file) => readFile(file, 'utf8')))).join('\n');
}

describe('a batch reads only what lies inside its folder', () => {
  it('skips and lists links to files and folders outside it; their content reaches no output', async () => {
    const root = await temporaryFolder();
    const home = join(root, 'home');
    await mkdir(join(home, '.aws'), { recursive: true });
    const posting = await readFile(cleanPosting, 'utf8');
    // Outside the folder: a secret dressed as a posting, and a folder of them.
    await writeFile(join(home, '.aws', 'credentials'), `${posting}\n${secret}\n`);
    await mkdir(join(home, 'elsewhere'));
    await writeFile(join(home, 'elsewhere', 'other.txt'), `${posting}\n${secret}\n`);

    const folder = join(root, 'postings');
    await mkdir(join(folder, 'inside'), { recursive: true });
    await writeFile(join(folder, 'real.txt'), posting);
    await writeFile(join(folder, 'inside', 'kept.txt'), posting);
    await symlink(join(home, '.aws', 'credentials'), join(folder, 'job.txt'));
    await symlink(join(home, 'elsewhere'), join(folder, 'more'));
    // A link that stays inside the folder is still followed.
    await symlink(join(folder, 'inside', 'kept.txt'), join(folder, 'alias.txt'));

    const out = join(root, 'out');
    const run = await lede([
      'batch',
      folder,
      '--profile',
      validProfile,
      '--out',
      out,
      '--engine',
      'offline',
      '--recursive',
      '--quiet',
    ]);
    const summary = BatchSummarySchema.parse(JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')));

    expect({
      postings: summary.rows.map((row) => row.posting),
      skipped: summary.skippedFiles,
    }).toEqual({
      postings: ['alias.txt', 'inside/kept.txt', 'real.txt'],
      skipped: [
        {
          relative: 'job.txt',
          reason: 'symbolic link to a file or folder outside the batch folder (not read)',
        },
        { relative: 'more', reason: 'symbolic link to a file or folder outside the batch folder (not read)' },
      ],
    });
    expect(`${run.stdout}${run.stderr}${await everythingWritten(out)}`).not.toContain('NOT-REAL-SECRET');
  });
});
