import type { CommonVocabulary } from '../playbooks/playbook-schema.js';
import { findToolMentions, mayNameTools } from './find-tools.js';
import type { PostingStructure } from './posting-sections.js';

/** A clause that marks its tools as optional: "PyTorch is a plus", "(SageMaker a plus)", "bonus: Kafka". */
const optionalClause =
  /\b(?:a plus|is a bonus|nice to have|nice-to-have|preferred|not required|bonus|ideally|helpful)\b/i;

/**
 * The tools the posting asks for, by canonical name, in order of first mention. Boilerplate and "nice to have"
 * sections do not count, nor do clauses that call a tool a plus.
 */
export function findRequiredTools(structure: PostingStructure, common: CommonVocabulary): string[] {
  const required: string[] = [];
  for (const sentence of structure.sentences) {
    if (sentence.boilerplate || sentence.section === 'optional' || !mayNameTools(sentence.text, common.tools))
      continue;
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
