import { createScorer, normalizeName } from '../scorer.js';

/** The extracted company is the labelled one (or one of its aliases), or both say none for a hidden client. */
export const companyMatch = createScorer({
  name: 'company-match',
  description:
    'the extracted company equals the label or an alias (case, "&", legal suffix ignored); both none for an agency posting',
  score: (evalCase, result) => {
    const found = result.analysis.company;
    const { company, aliases } = evalCase.label;
    if (company === null) return found === null ? 1 : 0;
    if (found === null) return 0;
    const names = [company, ...aliases].map(normalizeName);
    return names.includes(normalizeName(found)) ? 1 : 0;
  },
});
