import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { documentText, mammothHtmlToText, readDocumentText } from '../../src/input/read-document.js';
import { newTemporaryFolder } from '../support/temporary-folder.js';

// The harbor-finch files are one posting: written as HTML, saved as .docx by LibreOffice, and that as .pdf.
const documents = join(import.meta.dirname, '../fixtures/documents');
const fixture = (name: string): string => join(documents, name);

async function failure(path: string): Promise<{ code: string; message: string; hint: string | undefined }> {
  const error = await readDocumentText(path, 'resume').catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(InputError);
  const { code, message, hint } = error as InputError;
  return { code, message, hint };
}

describe('readDocumentText', () => {
  it('reads a PDF line by line in reading order, words spaced, nothing from one line run into the next', async () => {
    const { text, format } = await readDocumentText(fixture('harbor-finch.pdf'), 'posting');
    expect(format).toBe('pdf');
    // The heading is set large enough to wrap, so it is two lines on the page and two lines here.
    expect(text.split('\n').slice(0, 2)).toEqual(['Machine Learning Engineer, Search', 'Ranking']);
    expect(text).toContain('Harbor & Finch is hiring a machine learning engineer');
    expect(text).toMatch(/Tidepool, our product search engine used by 4 million\s+shoppers\./);
    const order = [
      'Ranking\nHarbor',
      'What you will do',
      'Ship ranking models',
      'About you',
      'Experience with A/B',
    ];
    const positions = order.map((part) => text.indexOf(part));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Word's bullets are drawn from a symbol font's private code points; they come back as plain bullets.
    expect(text).toContain('\n• Ship ranking models in PyTorch');
  });

  it('reads a Word document with its headings as # lines and its list items as - lines', async () => {
    const { text, format } = await readDocumentText(fixture('harbor-finch.docx'), 'posting');
    expect(format).toBe('docx');
    expect(text).toContain('# Machine Learning Engineer, Search Ranking');
    expect(text).toContain('## What you will do');
    expect(text).toContain('- Ship ranking models in PyTorch and serve them with low latency.');
    expect(text).toContain('Harbor & Finch is hiring');
  });

  it('goes by the bytes, not the name: a PDF saved as .txt is read as a PDF', async () => {
    const folder = await newTemporaryFolder('document');
    const path = join(folder, 'job.txt');
    await writeFile(path, await readFile(fixture('harbor-finch.pdf')));
    expect((await readDocumentText(path, 'posting')).format).toBe('pdf');
  });

  it('reads plain text as text', async () => {
    const { text, format } = await documentText(
      Buffer.from('Plain posting text, in UTF-8: café.'),
      '-',
      'posting',
    );
    expect({ text, format }).toEqual({ text: 'Plain posting text, in UTF-8: café.', format: 'text' });
  });

  it('says a scanned PDF holds no text, and that lede needs the text or OCR', async () => {
    expect(await failure(fixture('blank.pdf'))).toMatchObject({
      code: 'resume.document-no-text',
      message: expect.stringContaining('is a PDF with no text in it'),
      hint: expect.stringContaining('OCR'),
    });
  });

  it('says a password-protected PDF is one, and how to get a readable copy', async () => {
    expect(await failure(fixture('harbor-finch-password.pdf'))).toMatchObject({
      code: 'resume.document-encrypted',
      message: expect.stringContaining('password-protected PDF'),
    });
  });

  it('says a PDF cut short cannot be read, instead of failing somewhere inside PDF.js', async () => {
    const folder = await newTemporaryFolder('document');
    const path = join(folder, 'cut.pdf');
    await writeFile(path, (await readFile(fixture('harbor-finch.pdf'))).subarray(0, 900));
    expect((await failure(path)).code).toMatch(/^resume\.document-(damaged|no-text)$/);
  });

  it('says a zip that is not a Word document is not one', async () => {
    const folder = await newTemporaryFolder('document');
    const path = join(folder, 'sheet.xlsx');
    await writeFile(path, Buffer.from('504b0304140000000000', 'hex'));
    expect(await failure(path)).toMatchObject({
      code: 'resume.document-damaged',
      message: expect.stringContaining('not a Word document'),
    });
  });
});

describe('mammothHtmlToText', () => {
  it('turns table cells into tab-separated lines and unescapes text without reading tags inside it', () => {
    expect(
      mammothHtmlToText(
        '<table><tr><td>2021</td><td>Acme &amp; Co &lt;b&gt;</td></tr></table><p>Next<br />line</p>',
      ),
    ).toBe('2021\tAcme & Co <b>\n\nNext\nline');
  });
});
