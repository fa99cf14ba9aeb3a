import {
  type CredentialClaim,
  credentialField,
  findCredentials,
  type ProfileCredentials,
  profileCredentials,
} from '../find-credentials.js';
import type { Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { quote } from '../spans.js';

const listed = (items: readonly string[]): string => items.slice(0, 3).join('; ');

/** The instruction for a claim the profile does not back, or null when it does. */
export function ungroundedCredential(claim: CredentialClaim, held: ProfileCredentials): string | null {
  if (credentialField(claim, held) !== null) return null;
  switch (claim.kind) {
    case 'degree': {
      const degrees = held.degrees.map((degree) => degree.text);
      return `Remove '${claim.text}' or add that degree to education in your profile; ${degrees.length === 0 ? 'your profile lists no degree' : `your profile lists ${listed(degrees)}`}. A letter states only the degrees you hold.`;
    }
    case 'school': {
      const schools = held.schools.map((school) => school.name);
      return `Remove the school '${claim.text}' or add it to education in your profile${schools.length === 0 ? '' : ` (it lists ${listed(schools)})`}.`;
    }
    case 'certification':
    case 'award': {
      const list = claim.kind === 'certification' ? held.certifications : held.awards;
      const field = claim.kind === 'certification' ? 'certifications' : 'awards';
      return `Remove the ${claim.kind} claim '${claim.text}' or, if you hold it, add it to ${field} in your profile${list.length === 0 ? ` (your profile lists no ${field})` : ` (it lists ${listed(list)})`}.`;
    }
    case 'title': {
      const titles = [...new Set(held.titles.map((title) => title.title))];
      return `Replace the title '${claim.text}' with one your profile gives${titles.length === 0 ? '' : ` (${listed(titles)})`}, or add it to that role in your profile if it was yours.`;
    }
    case 'years': {
      return held.years === undefined
        ? `Remove '${claim.text}': your profile states no years of experience. If it is true, add yearsOfExperience to your profile.`
        : `Change '${claim.text}' to at most ${held.years} years, as your profile states, or correct yearsOfExperience in your profile.`;
    }
  }
}

export const groundedCredentialsRule: Rule = {
  id: 'grounded-credentials',
  industries: 'all',
  severity: 'error',
  requires: ['profile'],
  description:
    'Every credential the letter claims is in the profile: degrees and their subject (education), the school a degree came from, certifications, awards, titles held ("As Head of ML at ...", "served as ...", "promoted to ...": an achievement\'s role or the headline) and years of experience (yearsOfExperience). A credential planned ("studying for the ... certification") is not a claim.',
  why: 'A degree, title or award is checked against the resume and often with the school or employer; one that is not true ends the application.',
  examples: {
    pass: {
      letter:
        'Dear Dana Ortiz,\n\nAs a Senior Machine Learning Engineer at Streamline, I cut inference latency by 40%. My M.S. in Computer Science from the University of Washington taught me to test what I ship.\n\nBest,\nPriya Raman',
    },
    fail: {
      letter:
        'Dear Dana Ortiz,\n\nAs Head of Machine Learning at Streamline, I cut inference latency by 40%. I hold a PhD in machine learning from Stanford, won the Kaggle Grandmaster award and bring over 9 years of experience.\n\nBest,\nPriya Raman',
    },
  },
  family: {
    fails: [
      'I hold a PhD in machine learning.',
      'I earned an MS from CMU.',
      'I won the Kaggle Grandmaster award.',
      'I have over 7 years of experience in ranking.',
      'As Head of Machine Learning at Streamline, I cut inference latency by 40%.',
      'I served as Head of Machine Learning at Streamline.',
      'I am an AWS Certified Machine Learning Specialist.',
    ],
    passes: [
      'As a Senior ML Engineer at Streamline, I cut inference latency by 40%.',
      'My M.S. in Computer Science from the University of Washington taught me to test what I ship.',
      'I am studying for the AWS Certified Machine Learning exam.',
      'Your PhD researchers and Head of Research inspired me to apply.',
    ],
  },
  repair: 'drop-sentence',
  check(letter, context) {
    const profile = context.profile;
    if (profile === null) return [];
    const held = profileCredentials(profile);
    const findings: Finding[] = [];
    for (const claim of findCredentials(letter)) {
      const message = ungroundedCredential(claim, held);
      if (message === null) continue;
      findings.push({
        ruleId: 'grounded-credentials',
        severity: 'error',
        message,
        evidence: quote(letter.text, claim.start, claim.end),
      });
    }
    return findings;
  },
};
