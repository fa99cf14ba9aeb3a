import { describe, expect, it } from 'vitest';
import { loadLetterFonts } from '../../src/output/letter-fonts.js';
import { renderLetter } from '../../src/output/render-letter.js';
import { accentedFacts, accentedLetter } from '../support/sample-letter.js';
import { pdfContent } from '../support/written-document.js';

function countingFonts() {
  const loads: string[] = [];
  return {
    loads,
    deps: {
      loadFonts: () => {
        loads.push('fonts');
        return loadLetterFonts();
      },
    },
  };
}

describe('renderLetter', () => {
  it.each(['md', 'txt'] as const)(
    'writes %s as the letter exactly as drafted, with no letterhead',
    async (format) => {
      const { loads, deps } = countingFonts();
      expect(await renderLetter(format, accentedLetter, accentedFacts, deps)).toEqual({
        content: `${accentedLetter}\n`,
        warnings: [],
      });
      expect(loads).toEqual([]);
    },
  );

  it('reads the PDF fonts only for a PDF', async () => {
    const { loads, deps } = countingFonts();
    const html = await renderLetter('html', accentedLetter, accentedFacts, deps);
    const docx = await renderLetter('docx', accentedLetter, accentedFacts, deps);
    expect([typeof html.content, docx.content instanceof Uint8Array, loads]).toEqual(['string', true, []]);
    const pdf = await renderLetter('pdf', accentedLetter, accentedFacts, deps);
    expect(loads).toEqual(['fonts']);
    expect((await pdfContent(pdf.content as Uint8Array)).pages).toBe(1);
  });

  it('warns, naming them, about characters the PDF cannot show', async () => {
    const { deps } = countingFonts();
    const pdf = await renderLetter('pdf', 'Dear 田中 team,\n\nBest,\nJosé', accentedFacts, deps);
    expect(pdf.warnings).toEqual([
      'the PDF\'s font has no glyph for "田", "中", so the PDF shows an empty box there; the docx and html formats show every character',
    ]);
  });
});
