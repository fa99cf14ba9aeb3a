import type { Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { quoteSpan } from '../spans.js';

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export const salutationSignoffRule: Rule = {
  id: 'salutation-signoff',
  industries: 'all',
  severity: 'error',
  requires: [],
  description:
    "There is a greeting line and a sign-off followed by the candidate's name (the profile's name when a profile is given).",
  why: 'A letter without a greeting or a name reads as a pasted snippet, not a letter to a person.',
  examples: {
    pass: {
      letter: 'Dear Dana Ortiz,\n\nI cut inference latency by 40% at Streamline.\n\nBest,\nPriya Raman',
    },
    fail: {
      letter: 'I cut inference latency by 40% at Streamline.\n\nThanks!',
    },
  },
  repair: 'add-greeting',
  check(letter, context) {
    const findings: Finding[] = [];
    const name = context.profile?.name ?? null;
    if (letter.greeting === null) {
      const manager = context.analysis?.hiringManager ?? null;
      findings.push({
        ruleId: 'salutation-signoff',
        severity: 'error',
        message: `Start with a greeting line on its own, e.g. '${manager === null ? 'Dear Hiring Manager,' : `Dear ${manager},`}'.`,
        evidence: null,
      });
    }
    const signWith = name === null ? 'your name' : `your name, '${name}'`;
    if (letter.signoff === null) {
      findings.push({
        ruleId: 'salutation-signoff',
        severity: 'error',
        message: `End with a sign-off line such as 'Best,' followed by ${signWith} on the next line.`,
        evidence: null,
      });
    } else if (letter.signature === null) {
      findings.push({
        ruleId: 'salutation-signoff',
        severity: 'error',
        message: `Sign the letter: put ${signWith} on the line after '${letter.signoff.text}'.`,
        evidence: quoteSpan(letter.signoff),
      });
    } else if (name !== null) {
      const signature = normalize(letter.signature.text);
      const full = normalize(name);
      const first = full.split(' ')[0] ?? full;
      if (!` ${signature} `.includes(` ${full} `) && !` ${signature} `.includes(` ${first} `)) {
        findings.push({
          ruleId: 'salutation-signoff',
          severity: 'error',
          message: `Sign with your own name, '${name}', under '${letter.signoff.text}'.`,
          evidence: quoteSpan(letter.signature),
        });
      }
    }
    return findings;
  },
};
