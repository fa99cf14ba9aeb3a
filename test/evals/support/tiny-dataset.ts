import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Finding } from '../../../src/critic/finding.js';
import type { Rule } from '../../../src/critic/rule.js';
import { newTemporaryFolder } from '../../support/temporary-folder.js';

export const tinyPostings: Record<string, string> = {
  'acme-cloud.txt':
    'Acme Cloud — Machine Learning Engineer\nAcme Cloud is a software company that sells a SaaS tool for cloud costs. ' +
    'We are building a real-time anomaly detector for cloud bills. You will use Python and Kafka to ship models.',
  'birch-bank.md':
    'Birch Bank — Machine Learning Engineer, Credit\n\nBirch Bank is a regional bank serving farms and families. ' +
    'We are building an explainable small-business credit model. You will use Python and SQL with our risk team.',
  'cedar-grocers.html':
    '<html><body><nav>Home | Careers</nav><p>Cedar Grocers — ML Engineer, Forecasting</p><p>Cedar Grocers is a regional grocer ' +
    'with forty stores. We are building daily demand forecasts for fresh produce. You will use Python, Spark and dbt.</p></body></html>',
  'confidential-hospital.txt':
    'Confidential client — Data Scientist\nOur client, a large hospital network, is hiring a data scientist to join a ' +
    'growing analytics team. You will use Python and SQL. Please send your resume to our recruiters today.',
};

export const tinyLabels = `
acme-cloud:
  industry: tech
  company: Acme Cloud
  hookKeywords: [anomaly detector]
  requiredTools: [Python, Kafka]
  traits: [small]
birch-bank:
  industry: finance
  company: Birch Bank
  hookKeywords: [credit model]
  requiredTools: [Python, SQL]
cedar-grocers:
  industry: retail
  company: Cedar Grocers
  hookKeywords: [demand forecasts]
  requiredTools: [Python, Spark, dbt, Airflow]
  traits: [html]
confidential-hospital:
  industry: general
  company: null
  hookKeywords: []
  requiredTools: [Python, SQL]
  traits: [agency]
`;

export const tinyProfiles: Record<string, string> = {
  'engineer.yaml': `
name: Robin Vale
level: experienced
achievements:
  - id: fraud-model
    employer: Larkspur Pay
    did: built a fraud model with SHAP reason codes
    result: cut false positives by 30%
    metrics: ["30%"]
    tools: [Python, XGBoost]
`,
  'graduate.yaml': `
name: Sky Ono
level: early-career
projects:
  - id: capstone
    name: Capstone
    did: forecast weekly sales for a campus store
    result: cut forecast error from 30% to 18%
    metrics: ["30%", "18%"]
    tools: [Python, LightGBM]
`,
};

export const tinyCases = `
cases:
  - { id: tech/engineer, posting: acme-cloud, profile: engineer }
  - { id: tech/graduate, posting: acme-cloud, profile: graduate }
  - { id: finance/engineer, posting: birch-bank, profile: engineer }
  - { id: finance/graduate, posting: birch-bank, profile: graduate }
  - { id: retail/engineer, posting: cedar-grocers, profile: engineer }
  - { id: retail/graduate, posting: cedar-grocers, profile: graduate }
  - { id: general/engineer, posting: confidential-hospital, profile: engineer }
  - { id: general/graduate, posting: confidential-hospital, profile: graduate }
`;

/** Writes the tiny dataset (4 postings, one per industry; 2 profiles; 8 cases) into a new temporary folder. */
export async function writeTinyDataset(
  changes: { labels?: string; cases?: string; extraPostings?: Record<string, string> } = {},
) {
  const root = await newTemporaryFolder('eval');
  const folder = join(root, 'datasets');
  await mkdir(join(folder, 'postings'), { recursive: true });
  await mkdir(join(folder, 'profiles'), { recursive: true });
  for (const [name, text] of Object.entries({ ...tinyPostings, ...changes.extraPostings })) {
    await writeFile(join(folder, 'postings', name), text);
  }
  for (const [name, text] of Object.entries(tinyProfiles))
    await writeFile(join(folder, 'profiles', name), text);
  await writeFile(join(folder, 'labels.yaml'), changes.labels ?? tinyLabels);
  await writeFile(join(folder, 'cases.yaml'), changes.cases ?? tinyCases);
  return { root, folder };
}

/** One rule the tests control: a letter with a square bracket fails. The real rulebook changes under other work. */
export const noBracketRule: Rule = {
  id: 'no-bracket',
  industries: 'all',
  severity: 'error',
  requires: [],
  description: 'No square brackets.',
  why: 'Brackets are template slots.',
  examples: { pass: { letter: 'Dear Ana,' }, fail: { letter: 'Dear [Name],' } },
  repair: 'drop-sentence',
  check(letter) {
    const at = letter.text.indexOf('[');
    if (at === -1) return [];
    const end = letter.text.indexOf(']', at) + 1 || at + 1;
    const finding: Finding = {
      ruleId: 'no-bracket',
      severity: 'error',
      message: 'Replace the bracketed slot with real words.',
      evidence: { text: letter.text.slice(at, end), start: at, end },
    };
    return [finding];
  },
};
