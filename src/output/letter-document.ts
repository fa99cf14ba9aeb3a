/** Who sends the letter: the profile's own name and contact fields, passed in as plain data. */
export interface LetterSender {
  readonly name: string;
  readonly contact?:
    | {
        readonly email?: string | undefined;
        readonly phone?: string | undefined;
        readonly location?: string | undefined;
        readonly links?: readonly string[] | undefined;
      }
    | undefined;
}

/** Who the letter goes to, as the posting was read: null or absent when the posting did not say. */
export interface LetterRecipient {
  readonly company?: string | null | undefined;
  readonly role?: string | null | undefined;
}

/**
 * A letter as a document, whatever the format: a letterhead (the sender, the date, the recipient) and the letter's
 * paragraphs, each a list of lines (a sign-off keeps "Best," and the name on lines of their own). Every field holds
 * only what the profile, the reading of the posting or the letter says; nothing is filled in.
 */
export interface LetterDocument {
  readonly sender: {
    readonly name: string;
    /** The location, then the ways to reach the sender, each a line's item; empty when the profile has none. */
    readonly contact: readonly string[];
  };
  /** The date as written in the letter ("December 7, 2026"). */
  readonly date: string;
  /** The company, when the posting named it. */
  readonly company: string | null;
  /** The recipient's lines: the company, then the role ("Re: Senior ML Engineer"); only what is known. */
  readonly recipient: readonly string[];
  readonly paragraphs: readonly (readonly string[])[];
}

/** "December 7, 2026": an English letter's date, in the time zone of the machine that writes it. */
export function letterDate(date: Date): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'long' }).format(date);
}

const unwritable =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text without what no document format can hold: control characters (XML refuses them, a PDF shows them as boxes) and
 * halves of broken surrogate pairs. Words, accents, curly quotes and dashes are untouched.
 */
export function writableText(text: string): string {
  return text.replace(unwritable, '').replace(/\s+/g, ' ').trim();
}

/** The letter's text as paragraphs (blank lines between them) of lines, with stray spaces gone. */
export function letterParagraphs(letter: string): string[][] {
  return letter
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map(writableText)
        .filter((line) => line !== ''),
    )
    .filter((lines) => lines.length > 0);
}

/** A field's writable text, or null when nothing of it is left (absent, empty, only spaces or controls). */
function field(value: string | null | undefined): string | null {
  const text = writableText(value ?? '');
  return text === '' ? null : text;
}

/** Builds the document for a letter from the letter text and the facts around it. */
export function letterDocument(
  letter: string,
  sender: LetterSender,
  recipient: LetterRecipient,
  date: Date,
): LetterDocument {
  const contact = sender.contact;
  const company = field(recipient.company);
  const role = field(recipient.role);
  return {
    sender: {
      name: writableText(sender.name),
      contact: [contact?.location, contact?.email, contact?.phone, ...(contact?.links ?? [])]
        .map(field)
        .filter((item) => item !== null),
    },
    date: letterDate(date),
    company,
    recipient: [...(company === null ? [] : [company]), ...(role === null ? [] : [`Re: ${role}`])],
    paragraphs: letterParagraphs(letter),
  };
}

/** The title a document's metadata carries (the HTML `<title>`, the DOCX and PDF properties). */
export function documentTitle(document: LetterDocument): string {
  return document.company === null
    ? `Cover letter from ${document.sender.name}`
    : `Cover letter from ${document.sender.name} to ${document.company}`;
}
