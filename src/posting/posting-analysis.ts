import { z } from 'zod';

/** The hiring company's industry: what its business is, not what the role does. */
export const IndustryResultSchema = z.object({
  /** A playbook id: tech, finance, retail, general, or one a user added. */
  industry: z.string().min(1),
  confidence: z.number().min(0).max(1),
  /** The words or facts in the posting that decided it. */
  signals: z.array(z.string()),
});
export type IndustryResult = z.infer<typeof IndustryResultSchema>;

/** Something specific the company is doing, and the posting's own words for it. */
export const HookSchema = z.object({
  /** A short noun phrase a letter can use: "the real-time fraud platform launching in Europe". */
  text: z.string().min(1),
  /** A verbatim quote from the posting that says so. */
  evidence: z.string().min(1),
});
export type Hook = z.infer<typeof HookSchema>;

/** What stage 2 learns from the posting. */
export const PostingAnalysisSchema = z.object({
  /** The hiring company as the posting names it; null for an agency posting for an unnamed client. */
  company: z.string().min(1).nullable(),
  /** The job title, when the posting gives one. */
  role: z.string().min(1).nullable(),
  /** The hiring manager's name, when the posting gives one (for the greeting). */
  hiringManager: z.string().min(1).nullable(),
  /** Null when the posting names no specific product, project or initiative: never invented praise. */
  hook: HookSchema.nullable(),
  /** Tools and frameworks the posting asks for, by name. */
  requiredTools: z.array(z.string()),
});
export type PostingAnalysis = z.infer<typeof PostingAnalysisSchema>;

/** One reading of a posting: the employer's industry and what a letter uses, as an engine answers them together. */
export const PostingReadingSchema = z.object({
  industry: IndustryResultSchema,
  analysis: PostingAnalysisSchema,
});
export type PostingReading = z.infer<typeof PostingReadingSchema>;
