import { createHash } from 'node:crypto';
import { z } from 'zod';
import { readValidated } from '../load-dataset.js';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);

/**
 * Which profile fact a letter for a posting should open with (`datasets/real-postings/lead-labels.yaml`), chosen by
 * a person who read both before lede's ranking was tuned; `also` lists a fact that would be nearly as good.
 */
export const LeadLabelSchema = z.object({
  posting: id,
  profile: id,
  lead: id,
  also: z.array(id).default([]),
  why: z.string().min(1),
});
export type LeadLabel = z.infer<typeof LeadLabelSchema>;

export const LeadLabelsSchema = z.object({ pairs: z.array(LeadLabelSchema).min(1) });

export async function loadLeadLabels(path: string): Promise<LeadLabel[]> {
  const keys = Object.keys(LeadLabelSchema.shape);
  return (await readValidated(path, LeadLabelsSchema, (at) => (at.length === 0 ? ['pairs'] : keys))).pairs;
}

/** A fifth of the labelled postings is kept apart, drawn by the hash of the posting id (both profiles go together). */
export function leadSplit(postingId: string): 'dev' | 'holdout' {
  const first = createHash('sha256').update(postingId).digest()[0] ?? 0;
  return first % 5 === 0 ? 'holdout' : 'dev';
}
