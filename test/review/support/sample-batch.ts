import { evidenceIn, type PostingSpec } from './batch-output.js';

const failingLetter = [
  'Dear Hiring Manager,',
  '',
  'At Streamline, I cut inference latency by 40% with Redis, and at Globex I doubled revenue.',
  '',
  "I am excited about Orbitly's real-time ranking service for every customer.",
  '',
  'Best,',
  'Priya Raman',
].join('\n');

const passingLetter = [
  'Dear Dana Whitfield,',
  '',
  'At Northwind Lending, I lifted AUC from 0.71 to 0.78 with XGBoost and SHAP reason codes.',
  '',
  'Best,',
  'Priya Raman',
].join('\n');

const realtime =
  'Streamline: moved the recommendation engine to real-time feature serving; cut inference latency by 40%';

/** Four postings: a letter failing two rules (tech), two that pass (finance, retail), one whose model call failed. */
export const sampleBatch: readonly PostingSpec[] = [
  {
    posting: 'orbitly.txt',
    status: 'failed',
    industry: 'tech',
    company: 'Orbitly',
    role: 'ML Platform Engineer',
    letter: failingLetter,
    findings: [
      {
        ruleId: 'grounded-claims',
        severity: 'error',
        message: "Remove the employer 'Globex' or add that work to your profile.",
        evidence: evidenceIn(failingLetter, 'Globex'),
      },
      {
        ruleId: 'no-stock-opener',
        severity: 'warning',
        message: 'Open with what the company is building, not with your excitement.',
        evidence: evidenceIn(failingLetter, 'I am excited about'),
      },
      {
        ruleId: 'names-tools',
        severity: 'warning',
        message: 'Name a tool the posting asks for.',
        evidence: null,
      },
    ],
    claims: [
      {
        kind: 'employer',
        ...evidenceIn(failingLetter, 'Streamline'),
        source: {
          from: 'profile',
          factId: 'realtime-serving',
          field: 'achievements[0].employer',
          says: realtime,
        },
      },
      {
        kind: 'number',
        ...evidenceIn(failingLetter, '40%'),
        source: {
          from: 'profile',
          factId: 'realtime-serving',
          field: 'achievements[0].metrics[0]',
          says: realtime,
        },
      },
      {
        kind: 'tool',
        ...evidenceIn(failingLetter, 'Redis'),
        source: { from: 'profile', factId: null, field: 'skills[2]', says: 'Redis' },
      },
      { kind: 'employer', ...evidenceIn(failingLetter, 'Globex'), source: null },
    ],
    hook: {
      text: 'real-time ranking service',
      evidence: 'This year we are rebuilding our real-time ranking service for every customer.',
    },
  },
  {
    posting: 'harborline.txt',
    status: 'passed',
    industry: 'finance',
    company: 'Harborline Bank',
    role: 'Machine Learning Engineer',
    letter: passingLetter,
    claims: [
      {
        kind: 'number',
        ...evidenceIn(passingLetter, '0.71'),
        source: {
          from: 'profile',
          factId: 'credit-explainability',
          field: 'achievements[2].metrics[0]',
          says: 'Northwind Lending: lifted AUC from 0.71 to 0.78',
        },
      },
    ],
    hook: null,
  },
  {
    posting: 'fernway.txt',
    status: 'passed-after-revision',
    industry: 'retail',
    company: 'Fernway Grocers',
    role: 'Machine Learning Engineer, Demand Forecasting',
    letter: passingLetter,
  },
  {
    posting: 'kestrel.txt',
    status: 'error',
    error: { code: 'llm.server', message: 'the model endpoint answered 500 three times' },
  },
];
