import type { ProfileFact } from '../../profile/profile-schema.js';
import { containsTerm } from '../../text/vocabulary-matcher.js';

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
