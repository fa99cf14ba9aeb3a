import { createScorer } from '../scorer.js';

/** The classifier named the hiring company's industry as labelled. */
export const industryAccuracy = createScorer({
  name: 'industry-accuracy',
  description:
    'the classified industry equals the labelled one (the hiring company’s business, not the role)',
  score: (evalCase, result) => (result.industry.industry === evalCase.label.industry ? 1 : 0),
});
