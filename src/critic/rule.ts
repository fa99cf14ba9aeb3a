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
}

/** A letter for a rule's documentation and tests, with the context it needs beyond the defaults. */
export interface RuleExample {
  readonly letter: string;
  readonly industry?: string;
  readonly note?: string;
}

/** One rule of the guide. `check` is pure and synchronous and never throws. */
export interface Rule {
  /** Stable kebab-case id; users and scripts depend on it, never rename one. */
  readonly id: string;
  /** 'all', or the industries whose letters it applies to. */
  readonly industries: 'all' | readonly string[];
  readonly severity: Severity;
  /** What the rule needs beyond the letter; without it the rule is skipped, not passed. */
  readonly requires: readonly ('posting' | 'profile')[];
  /** Profile experience levels it applies to; absent means every level. */
  readonly levels?: readonly ExperienceLevel[];
  /** One line: when the rule passes. */
  readonly description: string;
  /** Why a hiring manager cares, in a sentence or two. */
  readonly why: string;
  readonly examples: { readonly pass: RuleExample; readonly fail: RuleExample };
  check(letter: LetterAnatomy, context: CriticContext): Finding[];
}
