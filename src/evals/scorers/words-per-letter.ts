import { analyzeLetter } from '../../critic/letter-anatomy.js';
import { createScorer } from '../scorer.js';

/**
 * Body words of the final letter, counted the way the word-limit rule counts them. Neither direction is better: a
 * letter that shrinks by a tenth has lost content as surely as one that grows has gained padding.
 */
export const wordsPerLetter = createScorer({
  name: 'words-per-letter',
  description:
    'words in the final letter’s body (greeting to sign-off), as the word-limit rule counts them; gated both ways',
  kind: 'measure',
  better: 'stable',
  unit: 'words',
  binary: false,
  tolerance: { relative: 0.1 },
  score: (_evalCase, result, context) => analyzeLetter(result.letter, context.playbooks.common).wordCount,
});
