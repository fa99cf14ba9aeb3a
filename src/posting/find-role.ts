import { letterDirective } from './letter-directive.js';
import type { PostingStructure } from './posting-sections.js';

const titleWord =
  /\b(engineer|scientist|developer|architect|analyst|researcher|specialist|manager|lead|consultant|programmer|statistician|administrator|designer)\b/i;

/** "MACHINE LEARNING ENGINEER" -> "Machine Learning Engineer"; short acronyms (ML, AI, III) stay. */
function unshout(title: string): string {
  if (/[a-z]/.test(title)) return title;
  return title.replace(/[A-Z]{4,}/g, (word) => word[0] + word.slice(1).toLowerCase());
}

function clean(title: string): string {
  return unshout(title)
    .replace(/^.*?\b(?:is|are) (?:hiring|looking for|seeking) (?:an?|our (?:next|first))\s+/i, '')
    .replace(/[*_`#]+/g, '')
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s:–—-]+|[\s:,.–—-]+$/g, '')
    .trim();
}

/**
 * The job title: a "Role:"/"Position:"/"Job title:" line, the title-line segment that holds a job word
 * ("Fernway Grocers — Machine Learning Engineer, Demand Forecasting"), or "hiring a ... to" in the text.
 */
export function findRole(text: string, structure: PostingStructure): string | null {
  const labelled = /^\s*(?:role|position|job title|title|job)\s*[:–—-]\s*(.+)$/im.exec(text)?.[1];
  if (labelled !== undefined && titleWord.test(labelled) && !letterDirective.test(labelled))
    return clean(labelled);
  for (const line of [...structure.titleLines, ...structure.leadLines]) {
    const segments = line
      .replace(/\s+at\s+[A-Z].*$/, '')
      .split(/\s+[—–|·•]\s+|\s+-\s+|\s*\|\s*/)
      .map(clean);
    const segment = segments.find(
      (candidate) => titleWord.test(candidate) && candidate.split(' ').length <= 10,
    );
    if (segment !== undefined && segment !== '') return segment;
  }
  const hiring =
    /\b(?:hiring|looking for|seeking|searching for)\s+(?:an?|our (?:next|first))\s+((?:[A-Z][\w/&+-]*\s+){0,5}(?:Engineer|Scientist|Developer|Architect|Analyst|Researcher|Specialist))\b/.exec(
      text,
    )?.[1];
  return hiring === undefined ? null : clean(hiring);
}

/** The title a sentence can use: without the team or location after a comma or dash ("Machine Learning Engineer"). */
export function shortRole(role: string): string {
  const head = role.split(/\s*[,–—|(]\s*|\s+-\s+/)[0]?.trim() ?? role;
  return head === '' ? role : head;
}
