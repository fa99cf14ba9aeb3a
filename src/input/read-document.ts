import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { type PdfTextRun, pdfLines } from './pdf-lines.js';
import { printableName } from './printable-name.js';
import { decodeText, readFileBytes } from './read-text-file.js';

/** The kinds of document lede takes text from: postings people saved, and resumes. */
export type DocumentKind = 'posting' | 'resume';

/** What a document was, so a reader can treat Markdown-like structure (headings, bullets) as such. */
export type DocumentFormat = 'text' | 'pdf' | 'docx';

export interface DocumentText {
  readonly text: string;
  readonly format: DocumentFormat;
}

/** A PDF or Word file with pictures or fonts is larger than a text file; 10 MB holds any real resume or posting. */
export const maxDocumentBytes = 10 * 1024 * 1024;

const pdfMagic = [0x25, 0x50, 0x44, 0x46, 0x2d];
const zipMagic = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, index) => bytes[index] === byte);
}

/**
 * The text of a .pdf, .docx, .md, .txt or .html file, read by its bytes rather than its name (a PDF saved as
 * `job.txt` is still read as a PDF). A PDF's lines come back in reading order, one per line; a Word document's
 * headings as `#` lines and its list items as `- ` lines, so the readers can see its structure.
 */
export async function readDocumentText(path: string, kind: DocumentKind): Promise<DocumentText> {
  return documentText(await readFileBytes(path, kind, maxDocumentBytes), path, kind);
}

/** The same for bytes that came from elsewhere (standard input, a web page): `name` is what errors call them. */
export async function documentText(
  bytes: Uint8Array,
  name: string,
  kind: DocumentKind,
): Promise<DocumentText> {
  if (startsWith(bytes, pdfMagic)) return { text: await pdfText(bytes, name, kind), format: 'pdf' };
  if (startsWith(bytes, zipMagic)) return { text: await docxText(bytes, name, kind), format: 'docx' };
  return {
    text: decodeText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name, kind),
    format: 'text',
  };
}

function documentError(
  kind: DocumentKind,
  problem: 'document-damaged' | 'document-encrypted' | 'document-no-text',
  name: string,
  message: string,
  hint: string,
  cause?: unknown,
): InputError {
  return new InputError(`${kind}.${problem}`, `${printableName(name)} ${message}`, {
    file: printableName(name),
    hint,
    cause,
  });
}

async function pdfText(bytes: Uint8Array, name: string, kind: DocumentKind): Promise<string> {
  // PDF.js is large; it is loaded only when a PDF arrives, so `lede draft job.txt` never pays for it.
  const { getDocumentProxy } = await import('unpdf');
  let pages: string[];
  try {
    // PDF.js takes ownership of the buffer it is given, so it gets a copy.
    const document = await getDocumentProxy(new Uint8Array(bytes));
    try {
      pages = [];
      for (let number = 1; number <= document.numPages; number++) {
        const page = await document.getPage(number);
        const content = await page.getTextContent();
        const runs: PdfTextRun[] = [];
        for (const item of content.items) {
          if (!('str' in item)) continue;
          const [scaleX, skewY, , scaleY, x, y] = item.transform as number[];
          runs.push({
            str: item.str,
            x: x ?? 0,
            y: y ?? 0,
            width: item.width,
            fontSize: Math.hypot(scaleY ?? 0, skewY ?? 0) || Math.abs(scaleX ?? 0) || 10,
            hasEOL: item.hasEOL,
          });
        }
        pages.push(pdfLines(runs).join('\n'));
      }
    } finally {
      await document.cleanup();
    }
  } catch (error) {
    const named = (error as { name?: string }).name;
    if (named === 'PasswordException') {
      throw documentError(
        kind,
        'document-encrypted',
        name,
        'is a password-protected PDF',
        `open it, print or save it as a PDF without a password (or copy its text into a .txt file), and pass that`,
        error,
      );
    }
    throw documentError(
      kind,
      'document-damaged',
      name,
      'is a PDF that cannot be read (it may be damaged or cut short)',
      `open it in a PDF viewer; if it opens, save it again or copy its text into a .txt file`,
      error,
    );
  }
  const text = pages.join('\n\n').trim();
  if (text.replace(/\s/g, '').length < 20) {
    throw documentError(
      kind,
      'document-no-text',
      name,
      'is a PDF with no text in it (a scan or a picture of the page)',
      `lede reads text, not images: export the ${kind} from the program that made it, or run it through OCR`,
    );
  }
  return text;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };

/**
 * Mammoth's HTML is small and regular (headings, paragraphs, lists, tables, inline emphasis, links, all text
 * escaped), so it is turned into lines by its tags alone: no HTML parser is needed for what it writes.
 */
export function mammothHtmlToText(html: string): string {
  return html
    .replace(/<h([1-6])[^>]*>/g, (_tag, level: string) => `\n${'#'.repeat(Number(level))} `)
    .replace(/<li[^>]*>/g, '\n- ')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<\/(?:p|h[1-6]|li|tr|table|ul|ol)>/g, '\n')
    .replace(/<\/t[dh]>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|apos);/g, (_entity, name: string) => entities[name] ?? '')
    .split('\n')
    .map((line) => line.replace(/ +/g, ' ').replace(/^[ \t]+|[ \t]+$/g, ''))
    .filter((line, index, lines) => line !== '' || (index > 0 && lines[index - 1] !== ''))
    .join('\n')
    .trim();
}

async function docxText(bytes: Uint8Array, name: string, kind: DocumentKind): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Pictures are dropped: a resume's photo or a logo is no text, and inlining it would only cost memory.
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    ));
  } catch (error) {
    throw documentError(
      kind,
      'document-damaged',
      name,
      `is a zip archive but not a Word document lede can read (${basename(name).endsWith('.docx') ? 'it may be damaged' : 'an OpenDocument, Excel or other file'})`,
      'open it and "Save as" a Word .docx, PDF or plain text file, and pass that',
      error,
    );
  }
  const text = mammothHtmlToText(html);
  if (text.replace(/\s/g, '').length < 20) {
    throw documentError(
      kind,
      'document-no-text',
      name,
      'is a Word document with no text in it',
      `check it is the right file; if the ${kind} is a picture inside it, export it as text`,
    );
  }
  return text;
}
