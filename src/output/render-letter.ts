import { type LetterRecipient, type LetterSender, letterDocument } from './letter-document.js';
import type { LetterFonts } from './letter-fonts.js';
import type { LetterFormat } from './letter-format.js';
import { renderLetterHtml } from './render-letter-html.js';
import { renderLetterText } from './render-letter-text.js';

/** What goes around a letter's text in a document: who sends it, to whom, and when. */
export interface LetterFacts {
  readonly sender: LetterSender;
  readonly recipient: LetterRecipient;
  readonly date: Date;
  /** A Markdown or text letter starts with the letterhead (the default); false leaves the letter as drafted. */
  readonly letterhead?: boolean;
}

/** A letter ready to write: text (md, txt, html) or bytes (docx, pdf), and anything the reader should be told. */
export interface RenderedLetter {
  readonly content: string | Uint8Array;
  readonly warnings: readonly string[];
}

export interface RenderLetterDeps {
  /** The PDF's fonts, read only when a PDF is written. */
  readonly loadFonts: () => Promise<LetterFonts>;
}

/**
 * A letter in the format asked for, under a letterhead (the sender, the date, the company and role). Markdown and plain
 * text are the letter as drafted below it (lede writes no markup), or alone when `facts.letterhead` is false; HTML, DOCX
 * and PDF always carry it. The DOCX and PDF writers are loaded
 * only when asked for: pdfkit alone takes a second to load, which a Markdown draft should not pay.
 */
export async function renderLetter(
  format: LetterFormat,
  letter: string,
  facts: LetterFacts,
  deps: RenderLetterDeps,
): Promise<RenderedLetter> {
  const document = letterDocument(letter, facts.sender, facts.recipient, facts.date);
  if (format === 'md' || format === 'txt') {
    const content =
      facts.letterhead === false ? `${letter}\n` : renderLetterText(document, letter, format === 'md');
    return { content, warnings: [] };
  }
  if (format === 'html') return { content: renderLetterHtml(document), warnings: [] };
  if (format === 'docx') {
    const { renderLetterDocx } = await import('./render-letter-docx.js');
    return { content: await renderLetterDocx(document), warnings: [] };
  }
  const { renderLetterPdf } = await import('./render-letter-pdf.js');
  const pdf = await renderLetterPdf(document, await deps.loadFonts());
  const warnings =
    pdf.missingCharacters.length === 0
      ? []
      : [
          `the PDF's font has no glyph for ${pdf.missingCharacters.map((char) => `"${char}"`).join(', ')}, ` +
            'so the PDF shows an empty box there; the docx and html formats show every character',
        ];
  return { content: pdf.bytes, warnings };
}
