import { normalizeForMatch } from '../../text/verbatim.js';
import { createScorer } from '../scorer.js';

/** The hook is about what the labeller saw as the posting's initiative, or both agree there is none. */
export const hookHit = createScorer({
  name: 'hook-hit',
  description:
    'the hook’s text or evidence contains a labelled keyword, or the label has none and so does the result',
  score: (evalCase, result) => {
    const { hookKeywords } = evalCase.label;
    const hook = result.analysis.hook;
    if (hookKeywords.length === 0) return hook === null ? 1 : 0;
    if (hook === null) return 0;
    const said = normalizeForMatch(`${hook.text} ${hook.evidence}`);
    return hookKeywords.some((keyword) => said.includes(normalizeForMatch(keyword))) ? 1 : 0;
  },
});
