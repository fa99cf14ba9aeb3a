import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { localSite } from '../support/local-site.js';
import { experiencedProfile } from './examples.js';
import { runLede, temporaryFolder } from './run-lede.js';

// One posting, saved as .docx by a word processor and that as .pdf (see test/input/read-document.test.ts).
const documents = join(import.meta.dirname, '../fixtures/documents');
const pdf = join(documents, 'harbor-finch.pdf');
const docx = join(documents, 'harbor-finch.docx');
const offline = ['--engine', 'offline'];

interface Reading {
  readonly source: string;
  readonly company: string | null;
  readonly hook: { readonly text: string } | null;
  readonly requiredTools: string[];
}

function readings(stdout: string): Reading[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Reading);
}

describe('PDF and Word postings', () => {
  it('lede classify reads a .pdf and a .docx like the same posting as text', async () => {
    const run = await runLede(['classify', pdf, docx, '--json', ...offline], {
      cwd: await temporaryFolder(),
    });
    expect(run.exitCode).toBe(0);
    const [fromPdf, fromDocx] = readings(run.stdout);
    expect(fromPdf?.hook?.text).toBe('the Discovery team');
    expect(fromDocx?.hook?.text).toBe('the Discovery team');
    expect(fromPdf?.requiredTools).toEqual(['PyTorch', 'Python', 'SQL']);
    expect(fromDocx?.requiredTools).toEqual(['PyTorch', 'Python', 'SQL']);
    // The .docx keeps its heading on one line, so the company reader finds "Harbor & Finch"; the PDF wraps it.
    expect(fromDocx?.company).toBe('Harbor & Finch');
  });

  it('lede draft writes a letter for a .pdf posting', async () => {
    const run = await runLede(['draft', pdf, '--profile', experiencedProfile, ...offline], {
      cwd: await temporaryFolder(),
    });
    expect(run.stderr).toContain(`# Report: ${pdf}`);
    expect(run.stdout).toContain('Discovery team');
  });

  it('lede batch takes .pdf and .docx postings in the folder', async () => {
    const cwd = await temporaryFolder();
    await mkdir(join(cwd, 'postings'));
    await copyFile(pdf, join(cwd, 'postings', 'harbor.pdf'));
    await copyFile(docx, join(cwd, 'postings', 'harbor.docx'));
    const run = await runLede(
      ['batch', 'postings', '--profile', experiencedProfile, '--json', '--quiet', ...offline],
      {
        cwd,
      },
    );
    const summary = JSON.parse(run.stdout) as {
      rows: { posting: string; industry: string | null; error: unknown }[];
      skippedFiles: unknown[];
    };
    expect(summary.rows.map((row) => [row.posting, row.industry, row.error])).toEqual([
      ['harbor.docx', 'tech', null],
      ['harbor.pdf', 'tech', null],
    ]);
    expect(summary.skippedFiles).toEqual([]);
  });

  it('a PDF at a web address goes through the document reader', async () => {
    const site = await localSite({
      '/jobs/harbor.pdf': { type: 'application/pdf', body: await readFile(pdf) },
    });
    const run = await runLede(['classify', site.url('/jobs/harbor.pdf'), '--json', ...offline], {
      cwd: await temporaryFolder(),
    });
    expect(readings(run.stdout)[0]).toMatchObject({
      source: site.url('/jobs/harbor.pdf'),
      hook: { text: 'the Discovery team' },
    });
    expect(run.stderr).toBe(`lede: fetched ${site.url('/jobs/harbor.pdf')}; read the document\n`);
  });

  it('a PDF piped to - is known by its bytes', async () => {
    const run = await runLede(['classify', '-', '--json', ...offline], {
      cwd: await temporaryFolder(),
      stdin: Readable.from([await readFile(pdf)]),
    });
    expect(readings(run.stdout)[0]).toMatchObject({ source: 'stdin', hook: { text: 'the Discovery team' } });
  });
});
