import { z } from 'zod';
import { type LabelledText, type LabelledTexts, loadLabelledTexts } from '../labelled-texts.js';

const text = z.string().trim().min(1);
/** `none` and `unknown` are how the labels say "the posting has none"; the loader turns them into null. */
const orNone = (...words: string[]) => text.transform((value) => (words.includes(value) ? null : value));

/**
 * What a careful reader takes from one real posting (`datasets/real-postings/labels/<id>.yaml`), labelled by hand
 * before any reader was tuned on it. See datasets/real-postings/README.md for how each field was judged.
 */
export const ReadingLabelSchema = z.object({
  id: text.regex(/^[a-z0-9][a-z0-9-]*$/),
  /** Where the text came from: the public repository, the commit, the file and the row. */
  source: z.object({
    repo: text,
    commit: z.string().regex(/^[0-9a-f]{40}$/),
    path: text,
    row: z.union([z.number(), z.string(), z.null()]).optional(),
    license: text,
  }),
  /** By the employer's business: what it sells or does. */
  industry: z.enum(['tech', 'finance', 'retail', 'general']),
  /** The employer as the text names it; null when the text never names it (a recruiter's hidden client). */
  company: orNone('unknown'),
  company_aliases: z.array(text).default([]),
  /** The most specific named product, team, program or initiative, verbatim; null when there is none. */
  hook: orNone('none'),
  hook_alternatives: z.array(text).default([]),
  /** The job title, clean. */
  role: text,
  /** The person to write to, when the posting names one. */
  hiring_manager: orNone('none'),
  ml_role: z.boolean(),
  year: z.number().int().nullable(),
  note: z.string().optional(),
  /** dev: measure and tune; holdout: measure only. A fifth of each industry, drawn by the hash of the id. */
  split: z.enum(['dev', 'holdout']),
  /** How rebuild.py makes the text from the source, where the source's layout alone does not say. */
  extract: z.record(z.string(), z.unknown()).optional(),
  /** Of the posting text, so a rebuilt text can be checked byte for byte. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ReadingLabel = z.infer<typeof ReadingLabelSchema>;

export type ReadingCase = LabelledText<ReadingLabel>;
export type RealPostings = LabelledTexts<ReadingLabel>;

/** Loads every label and the text beside it; a label without its text is listed, not an error. */
export function loadRealPostings(folder: string): Promise<RealPostings> {
  return loadLabelledTexts(folder, ReadingLabelSchema, 'postings');
}
