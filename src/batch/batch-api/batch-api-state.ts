import { z } from 'zod';

/** One submitted job, as the manifest remembers it so a restart polls it instead of paying for it again. */
export const SubmittedJobSchema = z.object({
  id: z.string(),
  round: z.number().int().min(1),
  inputFileId: z.string(),
  requests: z.number().int().min(0),
  status: z.string(),
  /** True once its output and error files are in `batch-api/answers.jsonl`. */
  downloaded: z.boolean(),
});
export type SubmittedJob = z.infer<typeof SubmittedJobSchema>;

/** The `batchApi` part of the manifest. */
export const BatchApiStateSchema = z.object({
  /** The run it belongs to: a changed profile, config or model starts afresh. */
  fingerprint: z.string(),
  round: z.number().int().min(0),
  jobs: z.array(SubmittedJobSchema),
});
export type BatchApiState = z.infer<typeof BatchApiStateSchema>;

export function batchApiStateFor(stored: unknown, fingerprint: string): BatchApiState {
  const parsed = BatchApiStateSchema.safeParse(stored);
  if (parsed.success && parsed.data.fingerprint === fingerprint) return parsed.data;
  return { fingerprint, round: 0, jobs: [] };
}
