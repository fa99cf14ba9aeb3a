import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const industries = [
  {
    kind: 'a fintech lender',
    work: 'credit risk models with reason codes that pass model risk review, and fraud signals on card payments',
  },
  {
    kind: 'an online grocery retailer',
    work: 'demand forecasting for every store and ranking for the product catalogue',
  },
  {
    kind: 'a developer tools company',
    work: 'real-time inference services and a feature store for the product teams',
  },
  { kind: 'a regional bank', work: 'anti-money-laundering alert triage and explainable credit decisions' },
];

/** A realistic posting of a few hundred words, different for every index. */
export function benchPosting(index: number): string {
  const industry = industries[index % industries.length] ?? industries[0];
  return [
    `Senior Machine Learning Engineer (${index})`,
    `Company: Company ${index}`,
    '',
    `Company ${index} is ${industry?.kind}. Our machine learning team builds ${industry?.work}.`,
    '',
    'What you will do:',
    '- Build and ship models end to end, from feature pipelines to monitoring in production.',
    '- Own the serving path: latency budgets, canary releases and rollbacks.',
    '- Work with product, analytics and operations teams on what to build next.',
    '- Review code, write tests, and keep the training pipelines reproducible.',
    '',
    'What we look for:',
    '- Several years of Python and SQL, with PyTorch or scikit-learn.',
    '- Experience with Airflow, Spark, Docker and Kubernetes, and an experiment tracker such as MLflow.',
    '- Clear writing: you explain trade-offs to people who do not build models.',
    '',
    `We are a team of ${20 + (index % 50)} engineers and scientists, hybrid, with an office downtown.`,
    '',
  ].join('\n');
}

/** Writes `count` postings into `folder` (created), as `posting-00001.txt` ... */
export async function writeBenchPostings(folder: string, count: number): Promise<void> {
  await mkdir(folder, { recursive: true });
  const width = String(count).length;
  for (let start = 0; start < count; start += 200) {
    const writes: Promise<void>[] = [];
    for (let index = start; index < Math.min(count, start + 200); index++) {
      writes.push(
        writeFile(
          join(folder, `posting-${String(index + 1).padStart(width, '0')}.txt`),
          benchPosting(index + 1),
        ),
      );
    }
    await Promise.all(writes);
  }
}
