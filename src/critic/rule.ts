import type { CommonVocabulary, Playbook } from '../playbooks/playbook-schema.js';
import type { Posting } from '../posting/posting.js';
import type { PostingAnalysis } from '../posting/posting-analysis.js';
import type { ExperienceLevel, Profile } from '../profile/profile-schema.js';
import type { Finding, Severity } from './finding.js';
import type { LetterAnatomy } from './letter-anatomy.js';

/** What a rule may look at besides the letter. */
export interface CriticContext {
  /** The industry whose rules apply (from the classifier or `--industry`). */
  readonly industry: string;
  readonly playbook: Playbook;
  readonly common: CommonVocabulary;
  /** The posting and what was extracted from it; null when the letter is checked without a posting. */
  readonly posting: Posting | null;
  readonly analysis: PostingAnalysis | null;
  /** The candidate's profile; null when checked without one. */
  readonly profile: Profile | null;
  /** The body word limit (`--max-words`, default 250). */
  readonly maxWords: number;
  /** The letter's language when it is not English ("German"); absent for an English letter. */
  readonly language?: string | undefined;
}

/** The letter a family example is checked as: its body between a greeting and the sample profile's sign-off. */
export function familyLetter(body: string): string {
  return `Dear Dana Ortiz,\n\n${body}\n\nBest,\nPriya Raman`;
}

/** A letter for a rule's documentation and tests, with the context it needs beyond the defaults. */
export interface RuleExample {
  readonly letter: string;
  readonly industry?: string;
  readonly note?: string;
}

/**
 * What the offline reviser does about a rule's finding, so it never lists rule ids:
 * - `drop-sentence`: the quoted sentence goes (a hook or closing sentence gives way to the engine's own);
 * - `own-the-gap`: as `drop-sentence`, and the letter gains the sentence owning up to a missing tool;
 * - `rewrite-opening`: the opening becomes the profile's best quantified outcome;
 * - `fill-placeholders`: blanks are filled from the profile and posting, or their sentence goes;
 * - `add-hook`: the paragraph tying the letter to the company's initiative is added;
 * - `add-greeting`: a missing greeting is written;
 * - `trim`: the letter is cut to the word limit (every revision is);
 * - `add-fact`: the letter lacks something, so another fact from the profile is tried.
 */
export type RepairKind =
  | 'drop-sentence'
  | 'own-the-gap'
  | 'rewrite-opening'
  | 'fill-placeholders'
  | 'add-hook'
  | 'add-greeting'
  | 'trim'
  | 'add-fact';

/** One rule of the guide. `check` is pure and synchronous and never throws. */
export interface Rule {
  /** Stable kebab-case id; users and scripts depend on it, never rename one. */
  readonly id: string;
  /** 'all', or the industries whose letters it applies to (a playbook's rules: that playbook's industry). */
  readonly industries: 'all' | readonly string[];
  readonly severity: Severity;
  /** What the rule needs beyond the letter; without it the rule is skipped, not passed. */
  readonly requires: readonly ('posting' | 'profile')[];
  /**
   * True when the rule reads any language (length, numbers, names, markup): it still runs on a letter in another
   * language. Absent: the rule reads English (its phrases, stems and word lists) and skips such a letter, saying so.
   */
  readonly anyLanguage?: true;
  /** Profile experience levels it applies to; absent means every level. */
  readonly levels?: readonly ExperienceLevel[];
  /** One line: when the rule passes. */
  readonly description: string;
  /** Why a hiring manager cares, in a sentence or two. */
  readonly why: string;
  readonly examples: { readonly pass: RuleExample; readonly fail: RuleExample };
  /**
   * The rule's family by example, for a rule that judges a shape rather than a phrase: short letter bodies it fails
   * (members of the family, however worded) and near misses it passes. Each is checked as the body of a letter to
   * Dana Ortiz signed by the sample profile's Priya Raman; docs/rules.md lists them and the registry test runs them.
   */
  readonly family?: { readonly fails: readonly string[]; readonly passes: readonly string[] };
  /** What the offline reviser does about its findings. */
  readonly repair: RepairKind;
  check(letter: LetterAnatomy, context: CriticContext): Finding[];
}
