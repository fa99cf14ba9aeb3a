import type { PostingReading } from './posting-analysis.js';
import type { RefusedField } from './reading-checks.js';

/**
 * The offline industry confidence from which the offline reading is trusted without a model. Calibrated on the
 * real-postings dev split (datasets/real-postings, `npm run eval:reading` prints the figures): with a named company
 * and a hook also required, the confident readings had every industry right.
 */
export const confidentIndustry = 0.6;

/** Whether the offline reading of a posting can stand in for a model's, and if not, what it lacks. */
export interface ReadingConfidence {
  readonly confident: boolean;
  /** Why: what made it confident, or each thing it lacks. */
  readonly reasons: readonly string[];
}

/**
 * Judges an offline reading that has already passed `checkReading` (its refused fields given): confident when the
 * industry's confidence reaches {@link confidentIndustry}, the company is named, a hook was found with a verbatim
 * quote, and the checks refused nothing. Those are the fields a letter leans on; where any is missing, a model
 * reads the posting instead, since a model may find what the heuristics missed.
 */
export function readingConfidence(
  reading: PostingReading,
  refused: readonly RefusedField[],
): ReadingConfidence {
  const { industry, analysis } = reading;
  const lacks: string[] = [];
  if (industry.confidence < confidentIndustry)
    lacks.push(
      `industry ${industry.industry} at confidence ${industry.confidence} (below ${confidentIndustry})`,
    );
  if (analysis.company === null) lacks.push('no company named');
  if (analysis.hook === null) lacks.push('no hook found');
  for (const field of refused) lacks.push(`${field.field} refused: ${field.reason}`);
  if (lacks.length > 0) return { confident: false, reasons: lacks };
  return {
    confident: true,
    reasons: [
      `industry ${industry.industry} at confidence ${industry.confidence}`,
      `company ${analysis.company}`,
      `hook quoted from the posting`,
    ],
  };
}
