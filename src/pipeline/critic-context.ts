import type { CriticContext } from '../critic/rule.js';
import type { Playbook, PlaybookSet } from '../playbooks/playbook-schema.js';
import type { Posting } from '../posting/posting.js';
import type { PostingAnalysis } from '../posting/posting-analysis.js';
import type { Profile } from '../profile/profile-schema.js';

/** What a letter is judged against; a `DraftRequest` is one. Without a posting or profile, the rules needing them skip. */
export interface LetterSetting {
  /** The playbook of the letter's industry: its rules apply. */
  readonly playbook: Playbook;
  readonly playbooks: PlaybookSet;
  readonly posting: Posting | null;
  readonly analysis: PostingAnalysis | null;
  readonly profile: Profile | null;
  readonly maxWords: number;
  /** The letter's language when it is not English ("German"): rules that read English only skip it. */
  readonly language?: string | undefined;
}

/** The one way a `CriticContext` is made, for the pipeline, `lede check` and the engines that check their drafts. */
export function criticContextFor(setting: LetterSetting): CriticContext {
  return {
    industry: setting.playbook.industry,
    playbook: setting.playbook,
    common: setting.playbooks.common,
    posting: setting.posting,
    analysis: setting.analysis,
    profile: setting.profile,
    maxWords: setting.maxWords,
    ...(setting.language === undefined ? {} : { language: setting.language }),
  };
}
