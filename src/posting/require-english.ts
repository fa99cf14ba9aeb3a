import { InputError } from '../errors.js';
import type { Posting } from './posting.js';

/**
 * The offline reader and drafter know English only: a posting in another language is refused with the two ways on (a
 * model writes the letter in the posting's language; the English version of the posting works offline).
 */
export function requireEnglish(posting: Posting): void {
  if (posting.language === undefined) return;
  throw new InputError(
    'posting.not-english',
    `${posting.source} looks like it is written in ${posting.language}; the offline engine reads and writes English only`,
    {
      file: posting.source,
      hint: "use the English version of the posting if the company publishes one, or draft with a model (--engine openai), which writes in the posting's language",
    },
  );
}
