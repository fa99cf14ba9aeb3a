import { z } from 'zod';
import { type LabelledText, type LabelledTexts, loadLabelledTexts } from '../labelled-texts.js';

const text = z.string().trim().min(1);

/**
 * How a careful reader judged one real letter (`datasets/real-letters/labels/<id>.yaml`), labelled by hand before any
 * rule was tuned on it. Each flag says whether the letter has what the rule looks at; see
 * datasets/real-letters/README.md for how each was judged.
 */
export const LetterLabelSchema = z.object({
  id: text.regex(/^[a-z0-9][a-z0-9-]*$/),
  /** Where the text came from: the public repository, the commit, the file, and how rebuild.py extracts it. */
  source: z.object({
    repo: text,
    commit: z.string().regex(/^[0-9a-f]{40}$/),
    path: text,
    license: text,
    extract: text,
    section: z.number().int().positive().optional(),
  }),
  /** Of the letter text, so a rebuilt text can be checked byte for byte. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** dev: measure and tune; holdout: measure only. Every fifth letter of its batch by the hash of its id. */
  split: z.enum(['dev', 'holdout']),
  /**
   * The batch the letter was added in (1: the first 40, 2: the 46 of issue 19). Each batch is split on its own, so
   * adding letters never moves an earlier one between dev and holdout.
   */
  batch: z.number().int().positive().default(1),
  /** The body's first sentence is a formula (wish, interest, application, the letter itself, a pleasantry). */
  stock_opener: z.boolean(),
  /** The body's first sentence states the writer's own result with its number. */
  quantified_opening: z.boolean(),
  /** A paragraph states a quantified result and the tool or method behind it. */
  tools_behind_result: z.boolean(),
  /** Three or more tool names strung together with no outcome in the sentence. */
  framework_list: z.boolean(),
  /** An unfilled template slot, in any shape. */
  placeholder: z.boolean(),
  note: z.string().optional(),
});
export type LetterLabel = z.infer<typeof LetterLabelSchema>;

export type LetterCase = LabelledText<LetterLabel>;
export type RealLetters = LabelledTexts<LetterLabel>;

/** Loads every label and the text beside it; a label without its text is listed, not an error. */
export function loadRealLetters(folder: string): Promise<RealLetters> {
  return loadLabelledTexts(folder, LetterLabelSchema, 'letters');
}
