import { z } from 'zod';
import type { Posting } from '../posting/posting.js';
import type { Profile } from '../profile/profile-schema.js';

const text = z.string().trim().min(1);
const id = text.regex(
  /^[a-z0-9][a-z0-9-]*$/,
  'use lowercase letters, digits and dashes, e.g. "tech-01-quillstack"',
);

/** What a careful reader takes from one posting (`datasets/labels.yaml`). */
export const LabelSchema = z
  .object({
    /** The hiring company's industry: a playbook id (tech, finance, retail, general). */
    industry: id,
    /** The hiring company as the posting names it; null when a recruiter hides the client. */
    company: text.nullable(),
    /** Other spellings that count as the same company. */
    aliases: z.array(text).default([]),
    /** Any one of these in the hook's text or evidence is a hit; empty means the right hook is none. */
    hookKeywords: z.array(text),
    /** Every tool, platform and language the posting asks for by name. */
    requiredTools: z.array(text),
    /** What makes the posting hard or typical: agency, html, parent-subsidiary, ambiguous, non-ml, ... */
    traits: z.array(id).default([]),
    /** Why a judgement call was made. */
    note: text.optional(),
  })
  .strict();
export type Label = z.infer<typeof LabelSchema>;

export const LabelsFileSchema = z.record(id, LabelSchema);

/** One eval case as `datasets/cases.yaml` lists it. */
export const CaseSpecSchema = z
  .object({
    /** Stable: the baseline is keyed on it. */
    id: text.regex(
      /^[a-z0-9][a-z0-9/-]*$/,
      'use lowercase letters, digits, dashes and slashes, e.g. "tech-01/new-grad"',
    ),
    /** A posting id: a file `datasets/postings/<id>.{txt,md,html}` with a label in labels.yaml. */
    posting: id,
    /** A profile id: a file `datasets/profiles/<id>.yaml`. */
    profile: id,
  })
  .strict();
export type CaseSpec = z.infer<typeof CaseSpecSchema>;

export const CasesFileSchema = z.object({ cases: z.array(CaseSpecSchema).min(1) }).strict();

/** A case ready to run: the posting and profile loaded, the posting's label attached. */
export interface EvalCase {
  readonly id: string;
  readonly postingId: string;
  readonly profileId: string;
  readonly posting: Posting;
  readonly profile: Profile;
  readonly label: Label;
}

export interface Dataset {
  readonly folder: string;
  readonly cases: readonly EvalCase[];
}
