import type { CommonVocabulary } from '../playbooks/playbook-schema.js';
import { memoPair } from '../text/memo.js';
import { containsTerm } from '../text/vocabulary-matcher.js';
import type { Profile, ProfileFact } from './profile-schema.js';
import { profileText, profileTools } from './profile-text.js';

/**
 * What the candidate can honestly claim, tool by tool. A tool counts when the profile names it (or one of its
 * aliases) anywhere: an achievement's tools or methods, a skill, or its text.
 */
export interface CandidateTools {
  has(tool: string): boolean;
  /** The profile's own spelling of a tool, or the name given when the profile does not hold it. */
  spelling(tool: string): string;
}

/** The candidate's tools, worked out once per profile: a batch drafts every posting from the same profile. */
export const candidateTools: (profile: Profile, common: CommonVocabulary) => CandidateTools =
  memoPair(buildCandidateTools);

function buildCandidateTools(profile: Profile, common: CommonVocabulary): CandidateTools {
  const text = profileText(profile);
  const listed = profileTools(profile);
  const byLower = new Map(listed.map((tool) => [tool.toLowerCase(), tool]));
  const aliasesOf = (tool: string): string[] => {
    const entry = common.tools.find(
      (candidate) =>
        candidate.name.toLowerCase() === tool.toLowerCase() ||
        candidate.aliases.some((alias) => alias.toLowerCase() === tool.toLowerCase()),
    );
    return entry === undefined ? [tool] : [entry.name, ...entry.aliases];
  };
  const cache = new Map<string, boolean>();
  return {
    has(tool) {
      const key = tool.toLowerCase();
      const known = cache.get(key);
      if (known !== undefined) return known;
      const found = aliasesOf(tool).some(
        (name) => byLower.has(name.toLowerCase()) || containsTerm(text, name),
      );
      cache.set(key, found);
      return found;
    },
    spelling(tool) {
      for (const name of aliasesOf(tool)) {
        const own = byLower.get(name.toLowerCase());
        if (own !== undefined) return own;
      }
      return tool;
    },
  };
}

/** Languages say little on their own; a sentence names them only when nothing more specific is left. */
const languages = new Set([
  'python',
  'sql',
  'r',
  'java',
  'scala',
  'go',
  'rust',
  'c++',
  'typescript',
  'bash',
  'linux',
  'git',
]);

/**
 * Up to `limit` of a fact's tools for its sentence, most useful first: those the posting asks for, then those the
 * industry's playbook names, then the rest; languages last. Tools the sentence already names are skipped.
 */
export function chooseFactTools(
  fact: ProfileFact,
  sentence: string,
  requiredTools: readonly string[],
  playbookWords: readonly string[],
  limit = 2,
): string[] {
  const required = new Set(requiredTools.map((tool) => tool.toLowerCase()));
  const favoured = new Set(playbookWords.map((word) => word.toLowerCase()));
  const ranked = fact.tools
    .filter((tool) => !containsTerm(sentence, tool))
    .map((tool, index) => {
      const lower = tool.toLowerCase();
      const score =
        (required.has(lower) ? 4 : 0) +
        (favoured.has(lower) ? 2 : 0) -
        (languages.has(lower) ? 3 : 0) -
        index * 0.01;
      return { tool, score };
    })
    .sort((a, b) => b.score - a.score);
  return ranked.slice(0, limit).map((entry) => entry.tool);
}
