import { z } from 'zod';

const text = z.string().trim().min(1);

/**
 * One thing the candidate did. Written so a sentence can be built from it without inventing anything:
 * "At {employer}, I {did}, which {result}" or, with the outcome first, "I {result} at {employer} ...".
 */
export const AchievementSchema = z
  .object({
    /** Stable id, unique within the profile; letters report which ids they used. */
    id: text
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes, e.g. "churn-model"')
      .describe(
        'A short unique name for this entry (lowercase, digits, dashes); reports say which ids a letter used.',
      ),
    /** Where it was done. Omit for personal work. */
    employer: text.optional().describe('Where you did it. Leave it out for personal work.'),
    role: text.optional().describe('Your title there, e.g. "Machine Learning Engineer".'),
    /** What was done, as a past-tense phrase without "I": "migrated the recommender from batch to real-time serving". */
    did: text.describe(
      'What you did, as a past-tense phrase without "I": "moved the recommender to real-time serving".',
    ),
    /** The outcome as a past-tense phrase without "I": "cut inference latency by 40% for 2M+ users". */
    result: text
      .optional()
      .describe(
        'The outcome, past tense without "I", with numbers where you have them: "cut latency by 40%".',
      ),
    /** The quantified facts in `result` or `did`, as written there ("40%", "2M+ users"). */
    metrics: z
      .array(text)
      .default([])
      .describe(
        'The numbers in `did` or `result`, exactly as written there ("40%", "2M+ users"); a letter may use only these.',
      ),
    /** Named tools, libraries and platforms used ("Redis", "TensorFlow Serving"). */
    tools: z.array(text).default([]).describe('Named tools, libraries and platforms you used for this.'),
    /** Methods and techniques ("gradient boosting", "A/B testing", "SHAP"). */
    methods: z
      .array(text)
      .default([])
      .describe('Methods and techniques, e.g. "gradient boosting", "A/B testing".'),
    /** Free tags that help match industries and priorities ("latency", "revenue", "explainability"). */
    tags: z
      .array(text)
      .default([])
      .describe(
        'Free words that help lede pick this entry for an industry: latency, revenue, explainability, ...',
      ),
    /** True when this ran in production for real users; false or absent for school, side and prototype work. */
    production: z
      .boolean()
      .default(false)
      .describe('True when real users relied on it; false for school, side and prototype work.'),
    /** Set by `lede init --from` on every imported entry; the user deletes it once the entry is checked. */
    review: z
      .string()
      .optional()
      .describe(
        'Written by `lede init --from` on each imported entry: check the entry against your resume, then delete this line. lede warns while any remain.',
      ),
  })
  .strict();

/** A project outside employment: a capstone, a side project, an open-source contribution. */
export const ProjectSchema = AchievementSchema.extend({
  /** The project's name ("Capstone: hospital readmission risk"). */
  name: text.describe('The project\'s name, e.g. "Capstone: hospital readmission risk".'),
}).strict();

export const EducationSchema = z
  .object({
    school: text.describe('The school or university.'),
    degree: text.optional().describe('e.g. "B.S. Computer Science".'),
    year: z.union([z.number().int(), text]).optional().describe('When you finished (or will), e.g. 2020.'),
  })
  .strict();

export const ExperienceLevelSchema = z.enum(['experienced', 'early-career', 'career-changer']);

export const ProfileSchema = z
  .object({
    name: text.describe('Your name, as it goes under the sign-off.'),
    contact: z
      .object({
        email: z.string().trim().optional().describe('Your email address.'),
        phone: z.string().trim().optional().describe('Your phone number.'),
        location: z.string().trim().optional().describe('Where you are based, e.g. "Leeds, UK".'),
        links: z.array(text).default([]).describe('Your portfolio, GitHub or LinkedIn addresses.'),
      })
      .strict()
      .default({ links: [] })
      .describe('How to reach you.'),
    /** Drives the rules for candidates without production ML experience. */
    level: ExperienceLevelSchema.default('experienced').describe(
      'experienced, early-career or career-changer; the last two must not claim production ML work the profile does not show.',
    ),
    /** The candidate's current or target title, used in the closing line ("machine learning engineer"). */
    headline: text
      .optional()
      .describe('How the closing line describes you, e.g. "machine learning engineer".'),
    achievements: z
      .array(AchievementSchema)
      .default([])
      .describe(
        'What you achieved at work, one entry per result; letters open with the strongest measured one.',
      ),
    projects: z
      .array(ProjectSchema)
      .default([])
      .describe(
        'Work outside a job: capstones, side projects, open source. Same fields as achievements, plus a name.',
      ),
    /** Tools and skills the candidate can honestly claim beyond those attached to achievements. */
    skills: z.array(text).default([]).describe('Other tools you can honestly claim.'),
    education: z.array(EducationSchema).default([]).describe('Schools and degrees.'),
    /** Certifications as named on the certificate; a letter may claim only these. */
    certifications: z
      .array(text)
      .default([])
      .describe(
        'Certifications you hold, as named on the certificate ("AWS Certified Machine Learning - Specialty"); a letter may claim only these.',
      ),
    /** Awards, prizes, scholarships and honours; a letter may claim only these. */
    awards: z
      .array(text)
      .default([])
      .describe(
        'Awards, prizes, scholarships and honours, as named ("Kaggle Competitions Expert"); a letter may claim only these.',
      ),
    /** Years of professional experience; without it a letter states no number of years. */
    yearsOfExperience: z
      .number()
      .nonnegative()
      .optional()
      .describe(
        'Your years of professional experience. Leave it out and letters state no number of years; set it and they may state up to it.',
      ),
    /** Tools the candidate has not used, mapped to the comparable one they know: { MLflow: "Weights & Biases" }. */
    comparableTools: z
      .record(z.string(), text)
      .default({})
      .describe(
        'A tool a posting may ask for that you have not used, mapped to the comparable one you know: { MLflow: "Weights & Biases" }.',
      ),
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
