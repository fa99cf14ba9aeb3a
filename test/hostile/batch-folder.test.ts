import { copyFile, mkdir, readdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatchSummarySchema } from '../../src/batch/batch-summary.js';
import { ExitCode } from '../../src/cli/exit-code.js';
import { temporaryFolder } from '../cli/run-lede.js';
import { cleanPosting, expectNoStackTrace, hostile, lede, validProfile } from './support/hostile.js';

/**
 * A batch folder as people really have them: good postings with awkward names, bad postings of every kind, hidden
 * files, subfolders, links (one looping back to the folder, one broken), and files lede does not read.
 */
async function messyFolder(): Promise<string> {
  const folder = join(await temporaryFolder(), 'postings');
  await mkdir(join(folder, 'sub', 'deeper'), { recursive: true });
  await mkdir(join(folder, '.git'));
  const good = await readFile(cleanPosting, 'utf8');
  await writeFile(join(folder, 'lanternfish.txt'), good);
  await writeFile(join(folder, 'Senior ML Engineer – Zürich (v2).md'), good.replace('Austin, TX', 'Zürich'));
  await writeFile(
    join(folder, 'job..copy.html'),
    `<html><body><p>${good.replace(/\n\n/g, '</p><p>')}</p></body></html>`,
  );
  await writeFile(join(folder, 'sub', 'nested.txt'), good);
  await writeFile(join(folder, 'sub', 'deeper', 'deep.txt'), good);
  for (const name of [
    'empty.txt',
    'binary.txt',
    'german.txt',
    'boilerplate-only.txt',
    'pdf-saved-as-text.txt',
  ]) {
    await copyFile(hostile(`postings/${name}`), join(folder, name));
  }
  await writeFile(join(folder, 'huge.txt'), '');
  await truncate(join(folder, 'huge.txt'), 10 * 1024 * 1024);
  await writeFile(join(folder, '.hidden.txt'), good);
  await writeFile(join(folder, '.git', 'HEAD.txt'), good);
  await writeFile(join(folder, 'notes.odt'), '%PDF-1.7');
  await writeFile(join(folder, 'README'), 'not a posting');
  await symlink(join(folder, 'lanternfish.txt'), join(folder, 'linked.txt'));
  await symlink(folder, join(folder, 'sub', 'loop'));
  await symlink(join(folder, 'gone.txt'), join(folder, 'broken.txt'));
  return folder;
}

async function summaryOf(out: string) {
  return BatchSummarySchema.parse(JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')));
}

describe('lede batch over a hostile folder', () => {
  it('writes a letter for every good posting, reports every bad one with its reason, and skips the rest', async () => {
    const folder = await messyFolder();
    const out = join(folder, '..', 'out');
    const run = await lede([
      'batch',
      folder,
      '--profile',
      validProfile,
      '--out',
      out,
      '--engine',
      'offline',
      '--quiet',
    ]);
    const summary = await summaryOf(out);

    expect(run.exitCode).toBe(ExitCode.badInput);
    expect(run.stderr).toBe('');
    expectNoStackTrace(run.stdout);
    const rows = Object.fromEntries(
      summary.rows.map((row) => [row.posting, [row.status, row.error?.code ?? null]]),
    );
    expect(rows).toEqual({
      'Senior ML Engineer – Zürich (v2).md': [
        expect.stringMatching(/^(passed|passed-after-revision|failed)$/),
        null,
      ],
      'binary.txt': ['bad-input', 'posting.binary'],
      'boilerplate-only.txt': ['bad-input', 'posting.boilerplate-only'],
      'empty.txt': ['bad-input', 'posting.empty'],
      'german.txt': ['bad-input', 'posting.not-english'],
      'huge.txt': ['bad-input', 'posting.too-large'],
      'job..copy.html': [expect.stringMatching(/^(passed|passed-after-revision|failed)$/), null],
      'lanternfish.txt': [expect.stringMatching(/^(passed|passed-after-revision|failed)$/), null],
      'linked.txt': [expect.stringMatching(/^(passed|passed-after-revision|failed)$/), null],
      'pdf-saved-as-text.txt': ['bad-input', 'posting.binary'],
    });
    expect(summary.skippedFiles).toEqual([
      { relative: '.hidden.txt', reason: 'hidden file' },
      {
        relative: 'README',
        reason: 'unsupported extension "(none)" (lede reads .txt, .md, .html, .htm, .pdf, .docx)',
      },
      { relative: 'broken.txt', reason: 'broken symbolic link' },
      {
        relative: 'notes.odt',
        reason: 'unsupported extension ".odt" (lede reads .txt, .md, .html, .htm, .pdf, .docx)',
      },
      { relative: 'sub/', reason: 'subfolder (pass --recursive to include it)' },
    ]);

    // Every good posting has its letter and reports, under a name derived from (never equal to) its file name.
    const written = (await readdir(out)).sort();
    const letters = written.filter((name) => name.endsWith('.letter.md'));
    expect(letters).toHaveLength(4);
    expect(letters.every((name) => /^[a-z0-9-]+\.letter\.md$/.test(name))).toBe(true);
    expect(written.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    for (const row of summary.rows.filter((entry) => entry.outputs !== null)) {
      expect(await readFile(join(out, row.outputs?.letter ?? ''), 'utf8')).toContain('Sam Okafor');
    }

    // The table names each bad posting's problem and what to do.
    expect(run.stdout).toContain('Problems:');
    for (const row of summary.rows.filter((entry) => entry.status === 'bad-input')) {
      expect(run.stdout).toContain(`  ${row.posting}: ${row.error?.message}`);
    }
  });

  it('with --recursive, reads subfolders once each and ends a link loop instead of following it', async () => {
    const folder = await messyFolder();
    const out = join(folder, '..', 'out');
    const run = await lede([
      'batch',
      folder,
      '--recursive',
      '--profile',
      validProfile,
      '--out',
      out,
      '--engine',
      'offline',
      '--quiet',
    ]);
    const summary = await summaryOf(out);
    expect(run.exitCode).toBe(ExitCode.badInput);
    expect(summary.rows.map((row) => row.posting).filter((posting) => posting.startsWith('sub/'))).toEqual([
      'sub/deeper/deep.txt',
      'sub/nested.txt',
    ]);
    expect(summary.skippedFiles).toContainEqual({
      relative: 'sub/loop/',
      reason: 'folder already visited (symbolic link loop)',
    });
  });

  it('refuses a folder that does not exist, and a file passed as the folder (exit 2)', async () => {
    const missing = join(await temporaryFolder(), 'no-such-folder');
    const notFound = await lede([
      'batch',
      missing,
      '--profile',
      validProfile,
      '--out',
      `${missing}-out`,
      '--engine',
      'offline',
    ]);
    const aFile = await lede([
      'batch',
      cleanPosting,
      '--profile',
      validProfile,
      '--out',
      join(missing, 'out'),
      '--engine',
      'offline',
    ]);
    expect([notFound.exitCode, notFound.stderr, aFile.exitCode, aFile.stderr]).toEqual([
      ExitCode.badInput,
      `error: ${missing} does not exist\n  hint: pass the folder that holds your postings (.txt, .md, .html)\n`,
      ExitCode.badInput,
      `error: ${cleanPosting} is a file, not a folder\n  hint: use \`lede draft <posting>\` for one posting, or pass the folder that holds it\n`,
    ]);
  });
});
