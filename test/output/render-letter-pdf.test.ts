import { getMeta } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { letterDocument } from '../../src/output/letter-document.js';
import { loadLetterFonts } from '../../src/output/letter-fonts.js';
import { renderLetterPdf } from '../../src/output/render-letter-pdf.js';
import { accentedFacts, accentedLetter, letterOfWords } from '../support/sample-letter.js';
import { pdfContent } from '../support/written-document.js';

const fonts = await loadLetterFonts();

function documentFor(letter: string, facts = accentedFacts) {
  return letterDocument(letter, facts.sender, facts.recipient, facts.date);
}

describe('renderLetterPdf', () => {
  it('writes the letterhead, then the paragraphs in order, with every accent, quote and dash intact', async () => {
    const pdf = await renderLetterPdf(documentFor(accentedLetter), fonts);
    const { pages, text } = await pdfContent(pdf.bytes);
    expect(pages).toBe(1);
    const expectedOrder = [
      'José Núñez',
      'Kraków, Poland · jose@example.com · github.com/jose-example',
      'December 7, 2026',
      'Café Crème Ltd',
      'Re: Senior ML Engineer',
      'Dear Zoë Dvořák,',
      'At Société Générale I cut model review time by 40% — from weeks to days — with “explainable” scoring.',
      'Łódź’s data team and I shipped the café-pricing model to 2M+ users.',
      'Best, José Núñez',
    ];
    let from = 0;
    for (const expected of expectedOrder) {
      const at = text.indexOf(expected, from);
      expect(at, `"${expected}" after position ${from} in: ${text}`).toBeGreaterThanOrEqual(from);
      from = at + expected.length;
    }
    expect(pdf.missingCharacters).toEqual([]);
  });

  it.each([
    ['words of a usual length', 1],
    ['words 30% longer than usual', 1.3],
  ])('fits a 250-word letter with %s on exactly one page', async (_, stretch) => {
    const letter = letterOfWords(250, stretch);
    expect(letter.split(/\s+/).length).toBe(250);
    const { pages, text } = await pdfContent((await renderLetterPdf(documentFor(letter), fonts)).bytes);
    expect(pages).toBe(1);
    expect(text.endsWith('Best, Priya Raman')).toBe(true);
  });

  it('goes on to a second page rather than cutting a letter too long for one', async () => {
    const { pages, text } = await pdfContent(
      (await renderLetterPdf(documentFor(letterOfWords(400)), fonts)).bytes,
    );
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain('Best, Priya Raman');
  });

  it('names the sender as its author and the company in its title, and embeds its font', async () => {
    const pdf = await renderLetterPdf(documentFor(accentedLetter), fonts);
    const { info } = await getMeta(new Uint8Array(pdf.bytes));
    expect({ title: info.Title, author: info.Author }).toEqual({
      title: 'Cover letter from José Núñez to Café Crème Ltd',
      author: 'José Núñez',
    });
    expect(Buffer.from(pdf.bytes).toString('latin1')).toMatch(/\/FontFile2 /);
  });

  it('names the characters its font cannot show instead of dropping them silently', async () => {
    const pdf = await renderLetterPdf(documentFor('Dear 田中さん,\n\nBest,\nJosé'), fonts);
    expect(pdf.missingCharacters).toEqual(['田', '中', 'さ', 'ん']);
  });

  it('leaves out of the letterhead what the profile and the posting do not say', async () => {
    const facts = {
      ...accentedFacts,
      sender: { name: 'José Núñez' },
      recipient: { company: null, role: null },
    };
    const { text } = await pdfContent(
      (await renderLetterPdf(documentFor(accentedLetter, facts), fonts)).bytes,
    );
    expect(text.startsWith('José Núñez December 7, 2026 Dear Zoë Dvořák,')).toBe(true);
  });
});
