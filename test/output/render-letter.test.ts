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
  it('writes md under a letterhead from the same document model as the other formats, lines kept apart', async () => {
    const { loads, deps } = countingFonts();
    expect(await renderLetter('md', accentedLetter, accentedFacts, deps)).toEqual({
      content: [
        'José Núñez  \nKraków, Poland · jose@example.com · github.com/jose-example',
        'December 7, 2026',
        'Café Crème Ltd  \nRe: Senior ML Engineer',
        `${accentedLetter}\n`,
      ].join('\n\n'),
      warnings: [],
    });
    expect(loads).toEqual([]);
  });

  it('writes txt under the same letterhead, with plain line breaks', async () => {
    const { deps } = countingFonts();
    const { content } = await renderLetter('txt', accentedLetter, accentedFacts, deps);
    expect(String(content).split('\n\n').slice(0, 3)).toEqual([
      'José Núñez\nKraków, Poland · jose@example.com · github.com/jose-example',
      'December 7, 2026',
      'Café Crème Ltd\nRe: Senior ML Engineer',
    ]);
  });

  it('leaves out what is not known: no company line when the posting named none, no contact line without one', async () => {
    const { deps } = countingFonts();
    const facts = {
      sender: { name: 'José Núñez' },
      recipient: { company: null, role: null },
      date: accentedFacts.date,
    };
    const { content } = await renderLetter('md', accentedLetter, facts, deps);
    expect(content).toBe(`José Núñez\n\nDecember 7, 2026\n\n${accentedLetter}\n`);
  });

  it.each(['md', 'txt'] as const)(
    'writes %s as the letter exactly as drafted when the letterhead is off',
    async (format) => {
      const { loads, deps } = countingFonts();
      expect(
        await renderLetter(format, accentedLetter, { ...accentedFacts, letterhead: false }, deps),
      ).toEqual({ content: `${accentedLetter}\n`, warnings: [] });
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
