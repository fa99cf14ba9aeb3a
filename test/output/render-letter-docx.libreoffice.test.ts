import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { letterDocument } from '../../src/output/letter-document.js';
import { renderLetterDocx } from '../../src/output/render-letter-docx.js';
import { findOnPath } from '../support/find-on-path.js';
import { programOrSkip } from '../support/program-or-skip.js';
import { accentedFacts, accentedLetter, letterOfWords } from '../support/sample-letter.js';
import { newTemporaryFolder } from '../support/temporary-folder.js';
import { pdfContent } from '../support/written-document.js';

const libreOffice = await findOnPath(['soffice', 'libreoffice']);
const missing =
  'LibreOffice is not installed (no soffice or libreoffice on PATH; apt package libreoffice-writer-nogui)';

/** Opens the DOCX in LibreOffice, as a recruiter's office suite would, and returns what it prints to PDF. */
async function throughLibreOffice(
  binary: string,
  docx: Uint8Array,
): Promise<{ pages: number; text: string }> {
  const folder = await newTemporaryFolder('libreoffice');
  await writeFile(join(folder, 'letter.docx'), docx);
  // A profile of its own: a LibreOffice the developer has open, or a parallel test, would otherwise take the job.
  await promisify(execFile)(binary, [
    `-env:UserInstallation=${pathToFileURL(join(folder, 'profile')).href}`,
    '--headless',
    '--convert-to',
    'pdf',
    '--outdir',
    folder,
    join(folder, 'letter.docx'),
  ]);
  return pdfContent(await readFile(join(folder, 'letter.pdf')));
}

describe('renderLetterDocx, opened in LibreOffice', () => {
  it('shows the letterhead and the same paragraphs of a 250-word letter, in order, accents intact, on one page', async (context) => {
    const binary = programOrSkip(context, libreOffice, {
      missing,
      requireVariable: 'LEDE_REQUIRE_LIBREOFFICE',
    });
    if (binary === undefined) return;
    const letter = `${accentedLetter}\n\n${letterOfWords(213)}`;
    expect(letter.split(/\s+/)).toHaveLength(250);
    const document = letterDocument(
      letter,
      accentedFacts.sender,
      accentedFacts.recipient,
      accentedFacts.date,
    );
    const { pages, text } = await throughLibreOffice(binary, await renderLetterDocx(document));
    expect(pages).toBe(1);
    const expected = [
      document.sender.name,
      document.sender.contact.join(' · '),
      document.date,
      ...document.recipient,
      ...document.paragraphs.map((lines) => lines.join(' ')),
    ];
    expect(text).toBe(expected.join(' '));
  });
});
