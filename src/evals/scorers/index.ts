import type { Scorer } from '../scorer.js';
import { attemptsPerLetter } from './attempts-per-letter.js';
import { companyMatch } from './company-match.js';
import { criticPassFinal } from './critic-pass-final.js';
import { criticPassFirst } from './critic-pass-first.js';
import { groundingViolations } from './grounding-violations.js';
import { hookGrounded } from './hook-grounded.js';
import { hookHit } from './hook-hit.js';
import { industryAccuracy } from './industry-accuracy.js';
import { llmCallsPerLetter } from './llm-calls-per-letter.js';
import { tokensPerLetter } from './tokens-per-letter.js';
import { toolsRecall } from './tools-recall.js';
import { wallMsPerLetter } from './wall-ms-per-letter.js';
import { wordsPerLetter } from './words-per-letter.js';

/** Every scorer, in the order the table and report show them. Names are baseline keys: never rename one. */
export const scorers: readonly Scorer[] = [
  industryAccuracy,
  companyMatch,
  hookHit,
  hookGrounded,
  toolsRecall,
  criticPassFirst,
  criticPassFinal,
  groundingViolations,
  wordsPerLetter,
  attemptsPerLetter,
  llmCallsPerLetter,
  tokensPerLetter,
  wallMsPerLetter,
];
