import { createHash } from 'node:crypto';
import { extensionFor, type LetterFormat } from '../output/letter-format.js';

/** The files one posting produces, as names inside the output folder. */
export interface OutputFiles {
  /** The letter as Markdown: always written, since reruns, the batch-level check and `lede check` read it. */
  readonly letter: string;
  readonly report: string;
  readonly reportJson: string;
  /** The letter in the `--format` asked for, when that is not Markdown (`<stem>.letter.docx`). */
  readonly document?: string | undefined;
}

const maxSlugLength = 48;

/** "Senior ML Engineer (Acme).html" -> "senior-ml-engineer-acme". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxSlugLength)
    .replace(/-+$/g, '');
  return slug === '' ? 'posting' : slug;
}

function stemOf(relative: string): string {
  const name = relative.slice(relative.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

function pathHash(relative: string): string {
  return createHash('sha256').update(relative).digest('hex');
}

export function outputFilesFor(stem: string, format: LetterFormat = 'md'): OutputFiles {
  const files = {
    letter: `${stem}.letter.md`,
    report: `${stem}.report.md`,
    reportJson: `${stem}.report.json`,
  };
  return format === 'md' ? files : { ...files, document: `${stem}.letter${extensionFor(format)}` };
}

/**
 * Gives every posting an output stem: the slug of its file name plus a short hash of its path in the batch folder.
 * Two postings with the same name (in different subfolders, or differing only in case or punctuation) get different
 * files; the stem of a posting does not change between runs. On the rare clash of short hashes the hash grows.
 */
export function assignOutputStems(relatives: readonly string[]): Map<string, string> {
  const stems = new Map<string, string>();
  const taken = new Set<string>();
  for (const relative of relatives) {
    const slug = slugify(stemOf(relative));
    const hash = pathHash(relative);
    let length = 6;
    let stem = `${slug}-${hash.slice(0, length)}`;
    while (taken.has(stem) && length < hash.length) {
      length += 2;
      stem = `${slug}-${hash.slice(0, length)}`;
    }
    taken.add(stem);
    stems.set(relative, stem);
  }
  return stems;
}
