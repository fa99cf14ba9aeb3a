import { employerNameProblem, furnitureProblem } from '../../posting/reading-checks.js';
import type { Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { quote } from '../spans.js';

// "deliver at Summary", "join Posting Information", "to 04-Feb-2020": where a letter names its employer.
const employerSlot =
  /\b(?:at|join|joining|for|to|with)\s+((?:\d{1,2}-[A-Z][a-z]{2}-\d{4})|(?:[A-Z][\w&'’-]*(?:\s+(?:&\s+)?[A-Z][\w&'’-]*){0,3}))/gu;

export const plausibleCompanyRule: Rule = {
  id: 'plausible-company',
  industries: 'all',
  severity: 'error',
  requires: [],
  description:
    'The employer the letter names is a company, not a section heading, a label, a date or a word the posting writes in lower case.',
  why: 'A letter that promises results "at Description" shows it was never read by its sender; no reader goes past it.',
  examples: {
    pass: {
      letter:
        'Dear Hiring Manager,\n\nAt Streamline, I cut inference latency by 40% with Redis. I want to deliver results like that at Orbitly.\n\nBest,\nPriya Raman',
    },
    fail: {
      letter:
        'Dear Hiring Manager,\n\nAt Streamline, I cut inference latency by 40% with Redis. I want to deliver results like that at Posting Information.\n\nBest,\nPriya Raman',
    },
  },
  repair: 'drop-sentence',
  check(letter, context) {
    const findings: Finding[] = [];
    const company = context.analysis?.company ?? null;
    const named = (name: string, problem: string, start: number) =>
      findings.push({
        ruleId: 'plausible-company',
        severity: 'error',
        message: `The letter names "${name}" as the employer, but ${problem.replace(/^it /, 'that ')}: name the company the posting is from (with --company if lede read it wrong), or rewrite the sentence without it.`,
        evidence: quote(letter.text, start, start + name.length),
      });
    if (company !== null && context.posting !== null) {
      const problem = employerNameProblem(company, context.posting.text);
      const at = letter.text.indexOf(company);
      if (problem !== null && at >= 0) named(company, problem, at);
    }
    for (const match of letter.text.matchAll(employerSlot)) {
      const name = match[1] ?? '';
      const problem = furnitureProblem(name);
      const start = (match.index ?? 0) + match[0].length - name.length;
      if (problem !== null && !findings.some((finding) => finding.evidence?.start === start))
        named(name, problem, start);
    }
    return findings;
  },
};
