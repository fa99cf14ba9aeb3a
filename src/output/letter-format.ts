import { extname } from 'node:path';
import { ConfigError } from '../errors.js';

/** The formats lede writes a letter in (`--format`). */
export const letterFormats = ['md', 'txt', 'html', 'docx', 'pdf'] as const;
export type LetterFormat = (typeof letterFormats)[number];

/** File extensions each format is written with; the first is the one lede gives the files it names itself. */
const extensionsOf: Readonly<Record<LetterFormat, readonly string[]>> = {
  md: ['.md', '.markdown'],
  txt: ['.txt'],
  html: ['.html', '.htm'],
  docx: ['.docx'],
  pdf: ['.pdf'],
};

/** The extension lede uses for a format it names the file of (`<stem>.letter.docx` in a batch). */
export function extensionFor(format: LetterFormat): string {
  return extensionsOf[format][0] ?? `.${format}`;
}

/** Formats that are bytes, not text: never written to a terminal. */
export function isBinaryFormat(format: LetterFormat): boolean {
  return format === 'docx' || format === 'pdf';
}

const supportedList = letterFormats.join(', ');
const supportedExtensions = Object.values(extensionsOf).flat().join(', ');

function isLetterFormat(value: string): value is LetterFormat {
  return (letterFormats as readonly string[]).includes(value);
}

/** The format a `--format` value names; anything else is refused with the list of formats. */
export function parseLetterFormat(value: string): LetterFormat {
  const format = value.trim().toLowerCase().replace(/^\./, '');
  if (isLetterFormat(format)) return format;
  throw new ConfigError(
    'config.unsupported-format',
    `--format ${value} is not a format lede writes (it writes ${supportedList})`,
    { field: 'format', hint: 'choose one of md, txt, html, docx or pdf, e.g. --format docx' },
  );
}

/** The format a file's extension stands for, or undefined for an extension lede cannot write (or none). */
export function formatOfPath(path: string): LetterFormat | undefined {
  const extension = extname(path).toLowerCase();
  return letterFormats.find((format) => extensionsOf[format].includes(extension));
}

export interface FormatChoice {
  /** `--format`, as typed. */
  readonly format?: string | undefined;
  /** `--out` (draft: a letter file), when the extension decides. */
  readonly out?: string | undefined;
}

/**
 * Decides the letter's format from `--format` and `--out`: the flag when given, else `--out`'s extension, else
 * Markdown. An `--out` extension lede cannot write (`.doc`, `.odt`) is refused rather than written as Markdown under a
 * misleading name, and so is an `--out` whose extension says another format than `--format`.
 */
export function chooseLetterFormat(choice: FormatChoice): LetterFormat {
  const flagged = choice.format === undefined ? undefined : parseLetterFormat(choice.format);
  if (choice.out === undefined) return flagged ?? 'md';
  const extension = extname(choice.out);
  const byExtension = formatOfPath(choice.out);
  // A file named without an extension gets what the flag says, else Markdown, as it always did.
  if (extension === '') return flagged ?? 'md';
  if (byExtension === undefined) {
    throw new ConfigError(
      'config.unsupported-format',
      `--out ${choice.out}: lede cannot write ${extension} files (it writes ${supportedExtensions})`,
      {
        field: 'out',
        hint:
          extension.toLowerCase() === '.doc'
            ? 'write .docx instead: Word, LibreOffice and Google Docs open it'
            : `name the file with one of ${supportedExtensions}, or add --format <${letterFormats.join('|')}>`,
      },
    );
  }
  if (flagged !== undefined && flagged !== byExtension) {
    throw new ConfigError(
      'config.format-conflict',
      `--format ${flagged} and --out ${choice.out} disagree (${extension} is ${byExtension})`,
      {
        field: 'format',
        hint: `drop --format, or name the file ${choice.out.slice(0, -extension.length)}${extensionFor(flagged)}`,
      },
    );
  }
  return byExtension;
}
