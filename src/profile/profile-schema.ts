import { z } from 'zod';

const text = z.string().trim().min(1);

/**
 * One thing the candidate did. Written so a sentence can be built from it without inventing anything:
 * "At {employer}, I {did}, which {result}" or, with the outcome first, "I {result} at {employer} ...".
 */
export const AchievementSchema = z
  .object({
    /** Stable id, unique within the profile; letters report which ids they used. */
    id: text.regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes, e.g. "churn-model"'),
    /** Where it was done. Omit for personal work. */
    employer: text.optional(),
    role: text.optional(),
    /** What was done, as a past-tense phrase without "I": "migrated the recommender from batch to real-time serving". */
    did: text,
    /** The outcome as a past-tense phrase without "I": "cut inference latency by 40% for 2M+ users". */
    result: text.optional(),
    /** The quantified facts in `result` or `did`, as written there ("40%", "2M+ users"). */
    metrics: z.array(text).default([]),
    /** Named tools, libraries and platforms used ("Redis", "TensorFlow Serving"). */
    tools: z.array(text).default([]),
    /** Methods and techniques ("gradient boosting", "A/B testing", "SHAP"). */
    methods: z.array(text).default([]),
    /** Free tags that help match industries and priorities ("latency", "revenue", "explainability"). */
    tags: z.array(text).default([]),
    /** True when this ran in production for real users; false or absent for school, side and prototype work. */
    production: z.boolean().default(false),
  })
  .strict();

/** A project outside employment: a capstone, a side project, an open-source contribution. */
export const ProjectSchema = AchievementSchema.extend({
  /** The project's name ("Capstone: hospital readmission risk"). */
  name: text,
}).strict();

export const EducationSchema = z
  .object({
    school: text,
    degree: text.optional(),
    year: z.union([z.number().int(), text]).optional(),
  })
  .strict();

export const ExperienceLevelSchema = z.enum(['experienced', 'early-career', 'career-changer']);

export const ProfileSchema = z
  .object({
    name: text,
    contact: z
      .object({
        email: z.string().trim().optional(),
        phone: z.string().trim().optional(),
        location: z.string().trim().optional(),
        links: z.array(text).default([]),
      })
      .strict()
      .default({ links: [] }),
    /** Drives the rules for candidates without production ML experience. */
    level: ExperienceLevelSchema.default('experienced'),
    /** The candidate's current or target title, used in the closing line ("machine learning engineer"). */
    headline: text.optional(),
    achievements: z.array(AchievementSchema).default([]),
    projects: z.array(ProjectSchema).default([]),
    /** Tools and skills the candidate can honestly claim beyond those attached to achievements. */
    skills: z.array(text).default([]),
    education: z.array(EducationSchema).default([]),
    /** Tools the candidate has not used, mapped to the comparable one they know: { MLflow: "Weights & Biases" }. */
    comparableTools: z.record(z.string(), text).default({}),
  })
  .strict()
  .superRefine((profile, context) => {
    const seen = new Map<string, string>();
    const all = [
      ...profile.achievements.map((item, index) => ({ id: item.id, path: ['achievements', index, 'id'] })),
      ...profile.projects.map((item, index) => ({ id: item.id, path: ['projects', index, 'id'] })),
    ];
    for (const entry of all) {
      const earlier = seen.get(entry.id);
      if (earlier !== undefined) {
        context.addIssue({
          code: 'custom',
          path: entry.path,
          message: `id "${entry.id}" is already used at ${earlier}; give every achievement and project its own id`,
        });
      } else seen.set(entry.id, entry.path.slice(0, 2).join('.'));
    }
    if (all.length === 0) {
      context.addIssue({
        code: 'custom',
        path: ['achievements'],
        message:
          'the profile has no achievements or projects; lede writes only from what you list, so add at least one (see `lede init`)',
      });
    }
  });

export type Achievement = z.infer<typeof AchievementSchema>;
export type Project = z.infer<typeof ProjectSchema>;
export type Profile = z.infer<typeof ProfileSchema>;
export type ExperienceLevel = z.infer<typeof ExperienceLevelSchema>;

/** An achievement or a project: anything a letter can cite. */
export type ProfileFact = Achievement | Project;

/** Every fact a letter may cite, achievements first. */
export function profileFacts(profile: Profile): ProfileFact[] {
  return [...profile.achievements, ...profile.projects];
}
