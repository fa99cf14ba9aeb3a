import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { letterDocument } from '../../src/output/letter-document.js';
import { renderLetterHtml } from '../../src/output/render-letter-html.js';
import { findOnPath } from '../support/find-on-path.js';
import { programOrSkip } from '../support/program-or-skip.js';
import { accentedFacts, accentedLetter, letterOfWords } from '../support/sample-letter.js';
import { newTemporaryFolder } from '../support/temporary-folder.js';
import { pdfContent } from '../support/written-document.js';

const chromium = await findOnPath(['chromium', 'chromium-browser', 'google-chrome']);
const missing =
  'Chromium is not installed (no chromium, chromium-browser or google-chrome on PATH; apt package chromium)';

/** Prints the HTML letter from a real browser, as a reader who opens it and presses Print would. */
async function printed(binary: string, html: string): Promise<{ pages: number; text: string }> {
  const folder = await newTemporaryFolder('chromium');
  await writeFile(join(folder, 'letter.html'), html);
  await promisify(execFile)(binary, [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    `--user-data-dir=${join(folder, 'profile')}`,
    '--no-pdf-header-footer',
    `--print-to-pdf=${join(folder, 'letter.pdf')}`,
    pathToFileURL(join(folder, 'letter.html')).href,
  ]);
  return pdfContent(await readFile(join(folder, 'letter.pdf')));
}

describe('renderLetterHtml, printed from Chromium', () => {
  it('prints a 250-word letter on one page, letterhead first, accents intact', async (context) => {
    const binary = programOrSkip(context, chromium, { missing, requireVariable: 'LEDE_REQUIRE_BROWSER' });
    if (binary === undefined) return;
    const letter = `${accentedLetter}\n\n${letterOfWords(213)}`;
    expect(letter.split(/\s+/)).toHaveLength(250);
    const document = letterDocument(
      letter,
      accentedFacts.sender,
      accentedFacts.recipient,
      accentedFacts.date,
    );
    const { pages, text } = await printed(binary, renderLetterHtml(document));
    expect(pages).toBe(1);
    expect(text.startsWith('José Núñez Kraków, Poland · jose@example.com')).toBe(true);
    expect(text).toContain('Łódź’s data team');
    expect(text.endsWith('Best, Priya Raman')).toBe(true);
  });
});
