import { evidenceIn, type PostingSpec } from './batch-output.js';

/**
 * Payloads that would run if the page ever put text from a posting, a letter or a report into markup: each one sets
 * `window.__pwned` or opens a dialog.
 */
export const payloads = {
  script: '<script>window.__pwned = "script"</script>',
  closeScript: '</script><script>window.__pwned = "close-script"</script>',
  image: '<img src=x onerror="window.__pwned = \'img\'">',
  javascriptUrl: 'javascript:window.__pwned = "javascript-url"',
  link: '<a href="javascript:alert(1)" id="evil-link">click</a>',
  svg: '<svg onload=alert(2)></svg>',
  attribute: '" autofocus onfocus="window.__pwned = \'attribute\'" x="',
  separators: '\u2028</script>\u2029<script>alert(3)</script>',
} as const;

const letter = [
  'Dear Hiring Manager,',
  '',
  `At Globex ${payloads.script} I did ${payloads.image} things.`,
  '',
  `${payloads.closeScript} ${payloads.javascriptUrl} ${payloads.link}`,
  '',
  'Best,',
  'Priya Raman',
].join('\n');

/** One posting with a payload in every field the page shows: its name, company, role, industry, letter, hook, findings, claims. */
export const hostileBatch: readonly PostingSpec[] = [
  {
    posting: `${payloads.svg}.txt`,
    status: 'failed',
    industry: `tech${payloads.attribute}`,
    company: payloads.image,
    role: payloads.script,
    letter,
    findings: [
      {
        ruleId: payloads.svg,
        severity: 'error',
        message: `Remove ${payloads.link} ${payloads.separators}`,
        evidence: evidenceIn(letter, payloads.script),
      },
    ],
    claims: [
      {
        kind: 'employer',
        ...evidenceIn(letter, 'Globex'),
        source: { from: 'posting', says: payloads.closeScript },
      },
      {
        kind: 'tool',
        ...evidenceIn(letter, payloads.image),
        source: {
          from: 'profile',
          factId: payloads.attribute,
          field: payloads.svg,
          says: payloads.separators,
        },
      },
    ],
    hook: { text: payloads.javascriptUrl, evidence: `We build ${payloads.closeScript} ${payloads.image}` },
  },
  {
    posting: `${payloads.javascriptUrl}.txt`,
    status: 'error',
    error: { code: payloads.script, message: payloads.image },
  },
];
