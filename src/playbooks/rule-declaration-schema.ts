import { z } from 'zod';

const text = z.string().trim().min(1);

/** A message with `{slot}`s; only the named slots may appear, so a typo fails at load rather than in a letter. */
function template(...slots: readonly string[]) {
  const allowed = slots.map((slot) => `{${slot}}`).join(', ');
  return text.refine(
    (value) => [...value.matchAll(/\{(\w+)\}/g)].every((match) => slots.includes(match[1] as string)),
    { message: slots.length === 0 ? 'takes no {slots}' : `the only slots here are ${allowed}` },
  );
}

/** The name of one of the playbook's `vocabulary` lists; the playbook checks that it exists. */
const vocabularyKey = text;

/**
 * How the example in a rule's message draws on the profile, so it never suggests what the candidate lacks:
 * `terms`: the first `count` of the vocabulary's terms the profile mentions, joined with `join` ({terms});
 * `fact`: the first profile fact whose "did" mentions a term, quoted ({fact});
 * `quantified-fact`: the first profile fact with a number in those terms, its result quoted ({fact}).
 */
export const ProfileExampleSchema = z.discriminatedUnion('source', [
  z
    .object({
      source: z.literal('terms'),
      count: z.number().int().min(1),
      join: z.enum(['or', 'and', 'comma']),
      example: template('terms'),
    })
    .strict(),
  z.object({ source: z.literal('fact'), example: template('fact') }).strict(),
  z.object({ source: z.literal('quantified-fact'), example: template('fact') }).strict(),
]);
export type ProfileExample = z.infer<typeof ProfileExampleSchema>;

/**
 * What to say when there is a profile and it holds nothing to cite: a whole `message` in place of the rule's, or an
 * `example` in place of the default one. `needsProfile` marks the finding as the candidate's to fix in the profile,
 * so the revise loop never asks a writer to invent it.
 */
export const ProfileLacksSchema = z
  .object({ message: template().optional(), example: text.optional(), needsProfile: z.boolean() })
  .strict()
  .refine((value) => (value.message === undefined) !== (value.example === undefined), {
    message: 'give either message or example',
  });

/** What every declared rule says about itself; the kind adds its own parameters. */
const declared = {
  /** Stable kebab-case id starting with the playbook's industry ("finance-explainability"); never rename one. */
  id: text.regex(/^[a-z]+(?:-[a-z0-9]+)*$/, 'use lowercase words joined by dashes'),
  severity: z.enum(['error', 'warning']),
  /** One line: when the rule passes. */
  description: text,
  /** Why a hiring manager cares, in a sentence or two. */
  why: text,
  /**
   * What the offline reviser does about a finding: `drop-sentence` removes the quoted sentence (for a rule that
   * flags what should not be there), `add-fact` tries another fact from the profile (for one that asks for what
   * is missing).
   */
  repair: z.enum(['drop-sentence', 'add-fact']),
  /** A letter that passes and one that fails, checked by the test suite and shown in docs/rules.md. */
  examples: z.object({ pass: text, fail: text }).strict(),
};

/** What a rule asking for something missing says: the default example, and how to draw one from the profile. */
const asksFor = {
  /** The instruction, with {example} where the example goes. */
  message: template('example'),
  /** The example when there is no profile, or it holds nothing to cite and `whenProfileLacks` is absent. */
  example: text,
  fromProfile: ProfileExampleSchema.optional(),
  whenProfileLacks: ProfileLacksSchema.optional(),
};

/** Names one of a vocabulary's terms as the candidate's own ("I am new to SHAP" does not count). */
export const MentionsDeclarationSchema = z
  .object({ ...declared, kind: z.literal('mentions'), vocabulary: vocabularyKey, ...asksFor })
  .strict();

/** Uses none of a vocabulary's terms; each one found is a finding quoting it ({match}). */
export const AvoidsDeclarationSchema = z
  .object({ ...declared, kind: z.literal('avoids'), vocabulary: vocabularyKey, message: template('match') })
  .strict();

/**
 * One sentence holds both a result with a number and a vocabulary term. `evidence: sentence` quotes the sentence of
 * the first term found; `none` quotes nothing.
 */
export const QuantifiesDeclarationSchema = z
  .object({
    ...declared,
    kind: z.literal('quantifies'),
    vocabulary: vocabularyKey,
    evidence: z.enum(['sentence', 'none']),
    ...asksFor,
  })
  .strict();

/**
 * Each paragraph that pitches a term of `vocabulary` also holds a term of `companion`; replacing one ("replacing a
 * deep learning model with ...") is not pitching it. One finding per paragraph, quoting the term ({match}).
 */
export const NeedsCompanionDeclarationSchema = z
  .object({
    ...declared,
    kind: z.literal('needs-companion'),
    vocabulary: vocabularyKey,
    companion: vocabularyKey,
    message: template('match'),
  })
  .strict();

/**
 * When `minSentences` or more sentences use the vocabulary, they hold at most `maxShare` of the body's words. The
 * finding quotes the first such sentence; {sentences} is how many there are, {total} the body's sentence count.
 */
export const CapsShareDeclarationSchema = z
  .object({
    ...declared,
    kind: z.literal('caps-share'),
    vocabulary: vocabularyKey,
    minSentences: z.number().int().min(1),
    maxShare: z.number().gt(0).lt(1),
    message: template('sentences', 'total'),
  })
  .strict();

/** One industry rule declared in a playbook's `rules`: an instance of a rule kind the critic knows. */
export const RuleDeclarationSchema = z.discriminatedUnion('kind', [
  MentionsDeclarationSchema,
  AvoidsDeclarationSchema,
  QuantifiesDeclarationSchema,
  NeedsCompanionDeclarationSchema,
  CapsShareDeclarationSchema,
]);
export type RuleDeclaration = z.infer<typeof RuleDeclarationSchema>;
export type MentionsDeclaration = z.infer<typeof MentionsDeclarationSchema>;
export type AvoidsDeclaration = z.infer<typeof AvoidsDeclarationSchema>;
export type QuantifiesDeclaration = z.infer<typeof QuantifiesDeclarationSchema>;
export type NeedsCompanionDeclaration = z.infer<typeof NeedsCompanionDeclarationSchema>;
export type CapsShareDeclaration = z.infer<typeof CapsShareDeclarationSchema>;

/** The keys each kind accepts, for "did you mean" hints on a misspelt key. */
export const ruleDeclarationKeys: Readonly<Record<RuleDeclaration['kind'], readonly string[]>> = {
  mentions: Object.keys(MentionsDeclarationSchema.shape),
  avoids: Object.keys(AvoidsDeclarationSchema.shape),
  quantifies: Object.keys(QuantifiesDeclarationSchema.shape),
  'needs-companion': Object.keys(NeedsCompanionDeclarationSchema.shape),
  'caps-share': Object.keys(CapsShareDeclarationSchema.shape),
};

/** The vocabulary lists a declaration reads, with the key each sits under. */
export function vocabularyKeysOf(
  declaration: RuleDeclaration,
): { key: 'vocabulary' | 'companion'; name: string }[] {
  const keys: { key: 'vocabulary' | 'companion'; name: string }[] = [
    { key: 'vocabulary', name: declaration.vocabulary },
  ];
  if (declaration.kind === 'needs-companion') keys.push({ key: 'companion', name: declaration.companion });
  return keys;
}
