import { strFromU8, unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

/** One file of a DOCX (a zip), as text: `word/document.xml`, `docProps/core.xml`, ... */
export function docxPart(bytes: Uint8Array, name: string): string {
  const part = unzipSync(bytes, { filter: (file) => file.name === name })[name];
  if (part === undefined) throw new Error(`the DOCX has no ${name}`);
  return strFromU8(part);
}

/** The text of each paragraph of a DOCX's body, in order; a line break inside a paragraph is "\n". */
export function docxParagraphs(bytes: Uint8Array): string[] {
  const xml = docxPart(bytes, 'word/document.xml');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([paragraph]) =>
    [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map(([whole, text]) => (whole === '<w:br/>' ? '\n' : decodeXml(text ?? '')))
      .join(''),
  );
}

/** A PDF's page count and its text, pages joined, with runs of white space as one space. */
export async function pdfContent(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  return { pages: totalPages, text: text.replace(/\s+/g, ' ').trim() };
}
