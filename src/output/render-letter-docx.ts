import { Document, Packer, Paragraph, TextRun } from 'docx';
import { documentTitle, type LetterDocument } from './letter-document.js';

/** Twentieths of a point, the unit of Word's page geometry: 1440 to the inch. */
const inch = 1440;
/** Half-points, the unit of Word's font sizes. */
const points = (size: number): number => size * 2;

/**
 * Calibri at 11pt is what Word itself starts a page with, so the letter looks at home wherever it is opened (LibreOffice
 * shows it in the metric-compatible Carlito, so lines break in the same places).
 */
const font = 'Calibri';

function paragraph(
  lines: readonly string[],
  options: { size?: number; bold?: boolean; after?: number } = {},
) {
  return new Paragraph({
    spacing: { after: options.after ?? 200 },
    children: lines.map(
      (line, index) =>
        new TextRun({
          text: line,
          // A line of its own inside one paragraph (the sign-off's name), not a new paragraph.
          break: index === 0 ? 0 : 1,
          ...(options.size === undefined ? {} : { size: points(options.size) }),
          ...(options.bold === undefined ? {} : { bold: options.bold }),
        }),
    ),
  });
}

/** The letter as a Word document (.docx): the letterhead, then one Word paragraph per letter paragraph. */
export async function renderLetterDocx(document: LetterDocument): Promise<Uint8Array> {
  const { sender } = document;
  const letterhead = [
    paragraph([sender.name], { size: 15, bold: true, after: sender.contact.length === 0 ? 240 : 40 }),
    ...(sender.contact.length === 0
      ? []
      : [paragraph([sender.contact.join(' · ')], { size: 9.5, after: 240 })]),
    paragraph([document.date], { after: document.recipient.length === 0 ? 320 : 200 }),
    ...(document.recipient.length === 0 ? [] : [paragraph(document.recipient, { after: 320 })]),
  ];
  const word = new Document({
    title: documentTitle(document),
    creator: sender.name,
    lastModifiedBy: sender.name,
    styles: {
      default: {
        document: {
          run: { font, size: points(11) },
          paragraph: { spacing: { line: 264 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 8.5 * inch, height: 11 * inch },
            margin: { top: inch, right: inch, bottom: inch, left: inch },
          },
        },
        children: [...letterhead, ...document.paragraphs.map((lines) => paragraph(lines))],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(word));
}
