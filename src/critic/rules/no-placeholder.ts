import type { Finding } from '../finding.js';
import type { CriticContext, Rule } from '../rule.js';
import { quote } from '../spans.js';

// Template slots: [Company Name], [X]%, {{name}}, {company}, <Your Name>, XX, X%, TBD, ____, #Position (a hash
// slot mid-line; "C#" and "#1" are not), *** where a name belongs, COMPANY_NAME, and the stand-ins people leave in
// ("Unknown Company", "XYZ Corp", "Company Name"). A Markdown link "[my portfolio](https://...)" is not a slot, nor is
// ***bold*** emphasis.
const slotPattern =
  /#(?<=(?:^|[^\p{L}\p{N}#])#)\p{Lu}\p{L}*(?![\p{L}\p{N}#])|\*\*\*(?<=[\p{L}\p{N}][ \t]+\*\*\*)\**(?=[ \t]*[,.;:!?)]|[ \t]+[\p{L}\p{N}])|\b[A-Z]{2,}(?:_[A-Z]+)+\b|\b(?:Unknown Company|(?:XYZ|ABC) (?:Corp|Corporation|Company|Inc)\b\.?|Company Name|Hiring Manager Name|Job Title Here)\b|\[[^\]\n]{1,80}\](?!\()|\{\{[^}\n]{0,60}\}\}|\{\s*[A-Za-z_][\w .-]{0,40}\}|<\s*(?:[Yy]our|[Cc]ompany|[Hh]iring|[Ii]nsert|[Nn]ame|[Ff]irst|[Ll]ast|[Jj]ob|[Pp]osition|[Rr]ole|[Dd]ate|[Pp]revious)[^<>\n]{0,40}>|(?<![\p{L}\p{N}])(?:X{2,}|TBD|TBA|TODO|FIXME|INSERT)(?![\p{L}\p{N}])|(?<![\p{L}\p{N}$])[XYZN]\s?%|\$[XYZN](?![\p{L}\p{N}])|_{3,}|[Ll]orem ipsum/gu;

function replacementFor(slot: string, context: CriticContext): string {
  const inner = slot.toLowerCase();
  const company = context.analysis?.company ?? null;
  const profile = context.profile;
  if (/hiring|manager|recipient/.test(inner)) {
    const manager = context.analysis?.hiringManager ?? null;
    return manager === null
      ? `Replace '${slot}' with the hiring manager's name from the posting, or write 'Dear Hiring Manager,'.`
      : `Replace '${slot}' with '${manager}', the hiring manager the posting names.`;
  }
  if (/your name|candidate|first name|full name|signature/.test(inner)) {
    return profile === null
      ? `Replace '${slot}' with your name.`
      : `Replace '${slot}' with your name, '${profile.name}'.`;
  }
  if (/previous|former|current|employer|last company/.test(inner)) {
    const employers = [
      ...new Set(context.profile?.achievements.flatMap((fact) => fact.employer ?? []) ?? []),
    ];
    return employers.length === 0
      ? `Replace '${slot}' with the employer where you did this work, or rewrite the sentence without it.`
      : `Replace '${slot}' with the employer where you did this work (your profile lists ${employers.join(', ')}).`;
  }
  if (
    /\b(?:company|organi[sz]ation|employer|firm)(?:['’]s)? name\b|^\W*(?:company|organi[sz]ation|firm)\W*$/.test(
      inner,
    )
  ) {
    return company === null
      ? `Replace '${slot}' with the hiring company's name, or rewrite the sentence around the work the posting describes.`
      : `Replace '${slot}' with '${company}'.`;
  }
  if (/^[[{<]*\s*[xyzn]\s*[\]}>]*\s?%?$|^\$[xyzn]$|^x{2,}$/.test(inner)) {
    return `Replace '${slot}' with the real figure from your profile, or drop the claim; never guess a number.`;
  }
  return `Replace '${slot}' with concrete words from the posting or your profile, or delete it.`;
}

export const noPlaceholderRule: Rule = {
  id: 'no-placeholder',
  anyLanguage: true,
  industries: 'all',
  severity: 'error',
  requires: [],
  description:
    'No unfilled template slot is left, in any shape: [Company Name], [X]%, {{name}}, {company}, <Your Name>, #Position, COMPANY_NAME, XX, X%, TBD, ____, *** where a name belongs, and stand-ins such as "Unknown Company", "XYZ Corp" or "Company Name".',
  why: 'A bracket left in the letter tells the reader it is a form letter sent unread, and ends the application.',
  examples: {
    pass: {
      letter:
        'Dear Dana Ortiz,\n\nI cut inference latency by 40% at Streamline by moving our recommender to real-time feature serving with Redis.\n\nBest,\nPriya Raman',
    },
    fail: {
      letter:
        'Dear [Hiring Manager Name],\n\nI cut inference latency by [X]% at [Previous Company] with Redis.\n\nBest,\n[Your Name]',
    },
  },
  family: {
    fails: [
      'I would bring my ranking work to [Company Name].',
      'I cut latency by [X]% at {previous_company}.',
      'I am excited to join <Company Name> as its new engineer.',
      'I cut latency at COMPANY_NAME by 40%.',
      'I look forward to joining Unknown Company.',
      'My work at XYZ Corp cut latency by 40%.',
      'I cut latency by XX% with Redis.',
    ],
    passes: [
      'I cut latency by 40% at Streamline; see [my portfolio](https://example.com/priya).',
      'I wrote most of our C# services and ranked #1 in the internal hackathon.',
    ],
  },
  repair: 'fill-placeholders',
  check(letter, context) {
    const findings: Finding[] = [];
    for (const match of letter.text.matchAll(slotPattern)) {
      findings.push({
        ruleId: 'no-placeholder',
        severity: 'error',
        message: replacementFor(match[0], context),
        evidence: quote(letter.text, match.index, match.index + match[0].length),
      });
    }
    return findings;
  },
};
