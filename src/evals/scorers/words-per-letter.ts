import { analyzeLetter } from '../../pipeline/critic/letter-anatomy.js';
import { createScorer } from '../scorer.js';

/** Body words of the final letter, counted the way the word-limit rule counts them. */
export const wordsPerLetter = createScorer({
  name: 'words-per-letter',
  description: 'words in the final letter’s body (greeting to sign-off), as the word-limit rule counts them',
  kind: 'measure',
  better: 'lower',
  unit: 'words',
  binary: false,
  tolerance: { relative: 0.1 },
  score: (_evalCase, result, context) => analyzeLetter(result.letter, context.playbooks.common).wordCount,
});
