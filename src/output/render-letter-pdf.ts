import PDFDocument from 'pdfkit';
import { documentTitle, type LetterDocument } from './letter-document.js';
import { charactersMissingFrom, type LetterFonts } from './letter-fonts.js';

/** A PDF letter, and the characters its font could not show (drawn as empty boxes). */
export interface RenderedPdf {
  readonly bytes: Uint8Array;
  readonly missingCharacters: readonly string[];
}

/** Points: 72 to the inch. */
const inch = 72;
const ink = '#1a1a1a';

/**
 * The letter as a PDF, laid out by pdfkit (it wraps lines and, for a letter too long for one, breaks pages itself): US
 * Letter, one-inch side margins, Noto Serif at 11pt, the letterhead, then the paragraphs. The fonts are embedded (only
 * the glyphs used).
 */
export async function renderLetterPdf(document: LetterDocument, fonts: LetterFonts): Promise<RenderedPdf> {
  const pdf = new PDFDocument({
    size: 'LETTER',
    // Three-quarter-inch top and bottom: a 250-word letter of long technical words still fits on the page.
    margins: { top: 0.75 * inch, bottom: 0.75 * inch, left: inch, right: inch },
    info: { Title: documentTitle(document), Author: document.sender.name, Creator: 'lede' },
    displayTitle: true,
    lang: 'en',
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<void>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  pdf.registerFont('regular', fonts.regular);
  pdf.registerFont('bold', fonts.bold);

  const { sender } = document;
  pdf.font('bold').fontSize(15).fillColor(ink).text(sender.name);
  if (sender.contact.length > 0) {
    pdf.font('regular').fontSize(9.5).fillColor('#444444').text(sender.contact.join(' · '), { lineGap: 1 });
  }
  pdf.font('regular').fontSize(11).fillColor(ink).moveDown(1.2);
  pdf.text(document.date);
  if (document.recipient.length > 0) {
    pdf.moveDown(0.8);
    pdf.text(document.recipient.join('\n'));
  }
  pdf.moveDown(1.4);
  document.paragraphs.forEach((paragraph, index) => {
    // Noto Serif's own line height is already 1.36 em; a point more keeps 11pt text easy to read.
    if (index > 0) pdf.moveDown(0.6);
    pdf.text(paragraph.join('\n'), { lineGap: 1 });
  });
  pdf.end();
  await finished;

  const body = [document.date, ...sender.contact, ...document.recipient, ...document.paragraphs.flat()].join(
    ' ',
  );
  const missing = new Set([
    ...(await charactersMissingFrom(fonts.bold, sender.name)),
    ...(await charactersMissingFrom(fonts.regular, body)),
  ]);
  return { bytes: new Uint8Array(Buffer.concat(chunks)), missingCharacters: [...missing] };
}
