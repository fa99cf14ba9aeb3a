import { describe, expect, it } from 'vitest';
import { letterDocument } from '../../src/output/letter-document.js';
import { renderLetterDocx } from '../../src/output/render-letter-docx.js';
import { accentedFacts, accentedLetter } from '../support/sample-letter.js';
import { docxParagraphs, docxPart } from '../support/written-document.js';

function documentFor(letter: string, facts = accentedFacts) {
  return letterDocument(letter, facts.sender, facts.recipient, facts.date);
}

describe('renderLetterDocx', () => {
  it('writes the letterhead, then one Word paragraph per letter paragraph, in order and intact', async () => {
    const docx = await renderLetterDocx(documentFor(accentedLetter));
    expect(docxParagraphs(docx)).toEqual([
      'José Núñez',
      'Kraków, Poland · jose@example.com · github.com/jose-example',
      'December 7, 2026',
      'Café Crème Ltd\nRe: Senior ML Engineer',
      'Dear Zoë Dvořák,',
      'At Société Générale I cut model review time by 40% — from weeks to days — with “explainable” scoring.',
      'Łódź’s data team and I shipped the café-pricing model to 2M+ users.',
      'Best,\nJosé Núñez',
    ]);
  });

  it('sets an 11pt readable font and one-inch margins on a US Letter page', async () => {
    const docx = await renderLetterDocx(documentFor(accentedLetter));
    const styles = docxPart(docx, 'word/styles.xml');
    expect(styles).toMatch(/<w:rFonts w:ascii="Calibri"/);
    expect(styles).toMatch(/<w:sz w:val="22"\/>/);
    const body = docxPart(docx, 'word/document.xml');
    expect(body).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
    expect(body).toMatch(/<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/);
  });

  it('names the sender as its author and the company in its title', async () => {
    const core = docxPart(await renderLetterDocx(documentFor(accentedLetter)), 'docProps/core.xml');
    expect(core).toContain('<dc:title>Cover letter from José Núñez to Café Crème Ltd</dc:title>');
    expect(core).toContain('<dc:creator>José Núñez</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>José Núñez</cp:lastModifiedBy>');
  });

  it('keeps markup in a letter as text, never as Word XML', async () => {
    const docx = await renderLetterDocx(
      documentFor('Dear team,\n\n<script>alert(1)</script> & <img src=x onerror=alert(2)>\n\nBest,\nJosé'),
    );
    expect(docxParagraphs(docx)).toContain('<script>alert(1)</script> & <img src=x onerror=alert(2)>');
    expect(docxPart(docx, 'word/document.xml')).not.toContain('<script>');
  });

  it('leaves out of the letterhead what the profile and the posting do not say', async () => {
    const facts = {
      ...accentedFacts,
      sender: { name: 'José Núñez' },
      recipient: { company: null, role: null },
    };
    const paragraphs = docxParagraphs(await renderLetterDocx(documentFor(accentedLetter, facts)));
    expect(paragraphs.slice(0, 3)).toEqual(['José Núñez', 'December 7, 2026', 'Dear Zoë Dvořák,']);
  });
});
