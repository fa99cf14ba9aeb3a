import { LlmError } from '../../errors.js';
import type { Draft } from '../../pipeline/engine.js';

/** Words a letter may have beyond its body limit: the greeting, the sign-off and the name. */
const frameWords = 60;

/**
 * The output tokens a letter call may use, from the body's word limit (`--max-words`): about two tokens a word covers
 * English text and JSON escaping with room to spare, plus the greeting, the sign-off, the fact ids and the JSON around
 * them. A letter cut off at this limit gets one retry with twice as many (`structured-call.ts`).
 */
export function letterMaxTokens(maxWords: number): number {
  return maxWords * 2 + 200;
}

/**
 * Refuses a letter more than twice as long as it may be: the model ignored the limit (or a posting steered it), and
 * neither the critic nor a revision should spend time on it.
 */
export function refuseOverlong(draft: Draft, maxWords: number, where: string): Draft {
  const words = draft.letter.split(/\s+/).filter((word) => word !== '').length;
  const most = maxWords * 2 + frameWords;
  if (words <= most) return draft;
  throw new LlmError(
    'llm.letter-too-long',
    `${where} answered with a ${words}-word letter where the body may have ${maxWords} words ` +
      `(more than ${most} in all is not a letter lede checks or revises). Draft again, lower --temperature, or use another model.`,
    {
      retryable: false,
      hint: 'a posting that asks for a long essay can steer a model this way; the letter was not kept',
    },
  );
}
