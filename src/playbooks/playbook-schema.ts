import { z } from 'zod';
import { RuleDeclarationSchema, vocabularyKeysOf } from './rule-declaration-schema.js';

const text = z.string().trim().min(1);
const words = z.array(text);

/**
 * A sentence the offline engine may fill in: plain text, true of every candidate and posting, or text with the
 * conditions that make it true and fitting. `needs` names a vocabulary list of the playbook: the sentence claims that
 * kind of work, so a profile fact must name one of its terms. `fits` lists words the posting must use for the line to
 * fit it (no "risk and compliance" for a beverage maker).
 */
const PhraseSchema = z.union([
  text,
  z.object({ text, needs: text.optional(), fits: words.min(1).optional() }).strict(),
]);
const phrases = z.array(PhraseSchema);
export type Phrase = z.infer<typeof PhraseSchema>;

/** A phrase list of a playbook: at least one plain entry, so a sentence is always there to say. */
const phraseList = phrases.refine((list) => list.some((entry) => typeof entry === 'string'), {
  message: 'needs at least one plain sentence (no needs or fits), true for every candidate and posting',
});

/**
 * An industry playbook (`templates/industries/<industry>.yaml`): what that industry's hiring managers weigh, the
 * vocabulary the critic looks for, dos and don'ts, and a letter skeleton. Users add an industry by adding a file.
 */
export const PlaybookSchema = z
  .object({
    /** The id used on the command line and in reports: lowercase, e.g. "tech". Must match the file name. */
    industry: text.regex(/^[a-z][a-z0-9-]*$/, 'use lowercase letters, digits and dashes'),
    /** A human name, "Technology". */
    label: text,
    /** One paragraph: which employers count as this industry (the hiring company's business, not the role). */
    description: text,
    /** What this industry's hiring managers weigh, most important first. Goes into the drafting prompt. */
    priorities: words.min(1),
    /** Words and phrases in a posting that point to this industry, with a weight (1 weak, 3 strong). */
    cues: z.array(z.object({ term: text, weight: z.number().min(0).max(5).default(1) }).strict()).min(1),
    /** Named word lists the critic and the drafter use (e.g. productionTooling, explainability). */
    vocabulary: z.record(z.string(), words).default({}),
    /** Profile tags that show an achievement fits this industry ("latency", "revenue"); used to pick what to cite. */
    favouredTags: words.default([]),
    dos: words.min(1),
    donts: words.min(1),
    /** The shape of a letter for this industry, paragraph by paragraph. Goes into the drafting prompt. */
    skeleton: text,
    /** Sentences the offline engine fills in from the profile and posting. Slots: {company}, {hook}, {role}, ... */
    phrases: z
      .object({
        /** Tie to the company when a hook was found. */
        hook: phraseList,
        /** Tie to the company when the posting has no specific initiative. */
        noHook: phraseList,
        /** The closing line before the sign-off. */
        closing: phraseList,
        /**
         * Optional. What this industry's roles centre on, for the {focus} slot when the posting names no concrete
         * duty the offline engine can quote ("models that perform and can be explained to reviewers").
         */
        focus: phrases.optional(),
        /**
         * Optional. A short line after the opening outcome that names the company ("I want to ship work like that at
         * {company}."), so letters to different companies never share an opening paragraph word for word.
         */
        bridge: phrases.optional(),
      })
      .strict(),
    /**
     * Optional. The industry's own critic rules, each an instance of a rule kind (mentions, avoids, quantifies,
     * needs-companion, caps-share) reading one of the `vocabulary` lists above. Checked after the rules every letter
     * follows, in this order.
     */
    rules: z.array(RuleDeclarationSchema).default([]),
  })
  .strict()
  .superRefine((playbook, issues) => {
    const seen = new Set<string>();
    playbook.rules.forEach((rule, index) => {
      if (!rule.id.startsWith(`${playbook.industry}-`)) {
        issues.addIssue({
          code: 'custom',
          path: ['rules', index, 'id'],
          message: `start the id with "${playbook.industry}-", so it names its industry and no other rule's id`,
        });
      }
      if (seen.has(rule.id)) {
        issues.addIssue({
          code: 'custom',
          path: ['rules', index, 'id'],
          message: 'another rule has this id',
        });
      }
      seen.add(rule.id);
      for (const { key, name } of vocabularyKeysOf(rule)) {
        if (playbook.vocabulary[name] !== undefined) continue;
        const known = Object.keys(playbook.vocabulary);
        issues.addIssue({
          code: 'custom',
          path: ['rules', index, key],
          message: `"${name}" is not one of this playbook's vocabulary lists (${known.length === 0 ? 'it has none' : known.join(', ')})`,
        });
      }
    });
    for (const [slot, list] of Object.entries(playbook.phrases)) {
      (list ?? []).forEach((entry, index) => {
        if (typeof entry === 'string' || entry.needs === undefined) return;
        if (playbook.vocabulary[entry.needs] !== undefined) return;
        issues.addIssue({
          code: 'custom',
          path: ['phrases', slot, index, 'needs'],
          message: `"${entry.needs}" is not one of this playbook's vocabulary lists (${Object.keys(playbook.vocabulary).join(', ') || 'it has none'})`,
        });
      });
    }
  });

export type Playbook = z.infer<typeof PlaybookSchema>;

/**
 * Vocabulary every industry shares (`templates/common.yaml`): tool names, stock openers, the non-modelling parts of
 * the job, comparable tools. Rules read it from here so users can extend it without code.
 */
export const CommonVocabularySchema = z
  .object({
    /** Stock openers the critic rejects, as lowercase phrases matched at the start of the first sentence. */
    stockOpeners: words.min(1),
    /**
     * The stock-opener family: word lists no-stock-opener builds its patterns from (see templates/common.yaml).
     * Absent in an older common.yaml: then only the stockOpeners phrases match.
     */
    openerFamily: z
      .object({
        leadIns: words,
        feelings: words,
        intensifiers: words,
        actions: words,
        wishes: words,
        appeals: words,
        pleasantries: words,
        /** "I believe I am the ideal <verdict>": the writer's verdict on their own candidacy. */
        selfVerdicts: words.default([]),
        /** "The <role> position <appeal>s to me / resonates with my background": the role as the subject. */
        roleAppeals: words.default([]),
      })
      .strict()
      .optional(),
    /** Named tools, frameworks, libraries and platforms. Each entry: the canonical name and optional aliases. */
    tools: z
      .array(
        z
          .object({
            name: text,
            aliases: words.default([]),
            /** A library or framework (for the framework-list rule) rather than a platform or service. */
            framework: z.boolean().default(false),
          })
          .strict(),
      )
      .min(1),
    /**
     * More names no-framework-list recognises in a list of tools (web, office, cloud-service and engineering tools an
     * ML letter rarely claims). Unlike `tools`, no other rule and no posting reader reads them.
     */
    moreToolNames: words.default([]),
    /** Methods and techniques that count as "how it was done" (A/B testing, gradient boosting, ...). */
    methods: words.default([]),
    /** Signs of the non-modelling work: data pipelines, testing, deployment, monitoring, code review. */
    beyondModeling: words.min(1),
    /** Phrases that claim production experience (for candidates without it). */
    productionClaims: words.default([]),
    /** Built-in comparable tools: a tool a posting asks for -> tools that solve the same problem. */
    comparableTools: z.record(z.string(), words).default({}),
    /** Posting boilerplate (benefits, equal opportunity) that never holds the company's hook. */
    boilerplate: words.default([]),
    /**
     * What a model says about its own output (a preamble, an aside, an offer to revise): no-model-self-talk reports a
     * line holding one. Absent in an older common.yaml: then the rule finds nothing.
     */
    modelSelfTalk: z
      .object({
        interjections: words.default([]),
        phrases: words.default([]),
        aboutTheLetter: words.default([]),
        editWords: words.default([]),
      })
      .strict()
      .default({ interjections: [], phrases: [], aboutTheLetter: [], editWords: [] }),
    /** Stock phrases that say a quality instead of showing it, each with what to show instead (no-cliches). */
    cliches: z.array(z.object({ phrase: text, instead: text }).strict()).default([]),
    /** Sign-off words ("Best", "Sincerely", ...). */
    signoffs: words.min(1),
    /** Greeting words ("Dear", "Hello", ...). */
    greetings: words.min(1),
  })
  .strict();

export type CommonVocabulary = z.infer<typeof CommonVocabularySchema>;

const employerName = z.string().trim().min(1);

/**
 * `templates/employers.yaml`: well-known employers by sector, from public lists (cited in the file), and the words in
 * a company's own name that say its business ("Bank", "University", "County"). The industry reader's gazetteer.
 */
export const EmployerListSchema = z
  .object({
    /** Sector -> employers; an entry is a name or a list of names (the first is how lede names it). */
    sectors: z.record(z.string().min(1), z.array(z.union([employerName, z.array(employerName).min(1)]))),
    /** Sector -> words that, inside the employer's own name, say its business. */
    nameWords: z.record(z.string().min(1), z.array(employerName)).default({}),
  })
  .strict();
export type EmployerList = z.infer<typeof EmployerListSchema>;

/** Every playbook plus the common vocabulary and the employer list, loaded once per run. */
export interface PlaybookSet {
  readonly common: CommonVocabulary;
  /** The folder's employers.yaml, or the bundled one when the folder has none. */
  readonly employers: EmployerList;
  readonly playbooks: ReadonlyMap<string, Playbook>;
  /** The folder they were loaded from, for messages. */
  readonly folder: string;
}
