import type { LetterDocument } from './letter-document.js';

/**
 * A Markdown or plain-text letter under its letterhead: the sender's name and contact, the date, and the company and
 * role, each block on lines of its own, then the letter exactly as drafted. The same `LetterDocument` heads the HTML,
 * DOCX and PDF letters. In Markdown a line ends with two spaces, so a viewer keeps the letterhead's lines apart.
 */
export function renderLetterText(document: LetterDocument, letter: string, markdown: boolean): string {
  const lineBreak = markdown ? '  \n' : '\n';
  const contact = document.sender.contact.join(' · ');
  const blocks = [
    [document.sender.name, ...(contact === '' ? [] : [contact])],
    [document.date],
    document.recipient,
  ].filter((lines) => lines.length > 0);
  return `${[...blocks.map((lines) => lines.join(lineBreak)), letter.trim()].join('\n\n')}\n`;
}
