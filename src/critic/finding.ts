import { z } from 'zod';

export const SeveritySchema = z.enum(['error', 'warning']);
export type Severity = z.infer<typeof SeveritySchema>;

/** A quoted piece of the letter: `letter.slice(start, end) === text`. */
export const EvidenceSchema = z.object({ text: z.string(), start: z.number().int(), end: z.number().int() });
export type Evidence = z.infer<typeof EvidenceSchema>;

/** One problem a rule found: an instruction a person or a model can act on, with the evidence (null for an absence). */
export const FindingSchema = z.object({
  ruleId: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  evidence: EvidenceSchema.nullable(),
  /**
   * True when no honest letter can fix it: the profile holds nothing the rule asks for (no explainability work for a
   * finance letter, no number at all). Revising would only invite an invented claim, so the revise loop skips it and
   * the fix is the candidate's: add the work to the profile.
   */
  needsProfile: z.boolean().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** A rule that did not run, and why (no posting, no profile, another industry's rule is not listed here). */
export const SkippedRuleSchema = z.object({ ruleId: z.string(), reason: z.string() });
export type SkippedRule = z.infer<typeof SkippedRuleSchema>;

export const CritiqueSchema = z.object({
  /** True when no error-level finding remains. */
  passed: z.boolean(),
  industry: z.string(),
  findings: z.array(FindingSchema),
  skipped: z.array(SkippedRuleSchema),
  /** The ids of the rules that ran. */
  checked: z.array(z.string()),
});
export type Critique = z.infer<typeof CritiqueSchema>;
