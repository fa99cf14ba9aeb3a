import { occursIn } from '../../text/verbatim.js';
import { createScorer } from '../scorer.js';

/** The hook's evidence is a quote from the posting. Null when there is no hook: nothing to ground. */
export const hookGrounded = createScorer({
  name: 'hook-grounded',
  description: 'the hook’s evidence occurs verbatim in the posting (cases without a hook are left out)',
  score: (evalCase, result) => {
    const hook = result.analysis.hook;
    if (hook === null) return null;
    return occursIn(hook.evidence, evalCase.posting.text) ? 1 : 0;
  },
});
