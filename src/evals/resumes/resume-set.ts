import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/** One resume of the real set, as `datasets/real-resumes/resumes.json` lists it. */
export const RealResumeSchema = z.object({
  id: z.string().min(1),
  file: z.string().min(1),
  layout: z.string(),
  repo: z.string(),
  commit: z.string(),
  path: z.string(),
  licence: z.string(),
  committed: z.boolean(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type RealResume = z.infer<typeof RealResumeSchema>;

/** What a person would take from a resume, labelled by hand before the importer was tuned. */
export const ResumeLabelSchema = z.object({
  id: z.string().min(1),
  /** The opening words of each achievement line a person would keep. */
  achievements: z.array(z.string().min(1)),
  employers: z.array(z.string().min(1)),
  schools: z.array(z.string().min(1)),
  metrics: z.array(z.string().min(1)),
  tools: z.array(z.string().min(1)),
});
export type ResumeLabel = z.infer<typeof ResumeLabelSchema>;

export interface LabelledResume {
  readonly resume: RealResume;
  readonly label: ResumeLabel;
  readonly split: 'dev' | 'holdout';
}

/** The folder of the real resumes, relative to the package root. */
export const realResumesFolder = join('datasets', 'real-resumes');

/**
 * A fifth of the set is holdout: the ids whose sha256 sorts lowest, so membership follows from the ids alone and no
 * one picks it. A new resume can move one id across the line, never silently many.
 */
export function holdoutIds(ids: readonly string[]): Set<string> {
  const ranked = [...ids].sort((a, b) =>
    createHash('sha256').update(a).digest('hex').localeCompare(createHash('sha256').update(b).digest('hex')),
  );
  return new Set(ranked.slice(0, Math.round(ids.length / 5)));
}

/** Reads the list, the labels and the split. */
export async function loadResumeSet(folder: string): Promise<LabelledResume[]> {
  const listing = z
    .object({ resumes: z.array(RealResumeSchema) })
    .parse(JSON.parse(await readFile(join(folder, 'resumes.json'), 'utf8')));
  const holdout = holdoutIds(listing.resumes.map((resume) => resume.id));
  return Promise.all(
    listing.resumes.map(async (resume) => ({
      resume,
      label: ResumeLabelSchema.parse(
        parse(await readFile(join(folder, 'labels', `${resume.id}.yaml`), 'utf8')),
      ),
      split: holdout.has(resume.id) ? ('holdout' as const) : ('dev' as const),
    })),
  );
}
