import type { CommonVocabulary } from '../playbooks/playbook-schema.js';
import { findToolMentions, type ToolMention } from './find-tools.js';
import type { PostingStructure } from './posting-sections.js';

/** A clause that marks its tools as optional: "PyTorch is a plus", "(SageMaker a plus)", "bonus: Kafka". */
const optionalClause =
  /\b(?:a plus|is a bonus|nice to have|nice-to-have|preferred|not required|bonus|ideally|helpful)\b/i;

/**
 * The tools the posting asks for, by canonical name, in order of first mention. Boilerplate and "nice to have"
 * sections do not count, nor do clauses that call a tool a plus.
 */
export function findRequiredTools(
  text: string,
  structure: PostingStructure,
  common: CommonVocabulary,
): string[] {
  // One pass over the whole text says which sentences can name a tool at all. It finds every tool a clause would,
  // and more (a short name such as "R" sees a wider context there), so it only rules sentences out; the clauses of
  // the rest are read on their own, as a reader would.
  const mentions = findToolMentions(text, common.tools);
  const required: string[] = [];
  let next = 0;
  for (const sentence of structure.sentences) {
    while (next < mentions.length && (mentions[next] as ToolMention).end <= sentence.start) next++;
    if (next >= mentions.length) break;
    if ((mentions[next] as ToolMention).start >= sentence.end) continue;
    if (sentence.boilerplate || sentence.section === 'optional') continue;
    // Clauses split at ; and parentheses, so "Python, SQL; PyTorch is a plus" keeps Python and SQL.
    for (const clause of sentence.text.split(/[;()]/)) {
      if (optionalClause.test(clause)) continue;
      for (const mention of findToolMentions(clause, common.tools)) {
        if (!required.includes(mention.name)) required.push(mention.name);
      }
    }
  }
  return required;
}
