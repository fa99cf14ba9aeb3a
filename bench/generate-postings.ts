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

const benefitLines = [
  'Medical, dental and vision plans with a choice of carriers, and coverage for your partner and children',
  'A retirement plan with a company match that vests from your first day',
  'Paid parental leave for every new parent, and a phased return to work',
  'A yearly allowance for courses, books and conferences',
  'Paid time off that grows with tenure, plus company-wide rest days',
  'A home office stipend and a monthly allowance for internet and phone',
  'Life and disability insurance at no cost to you',
  'An employee assistance programme with confidential counselling',
];

const legalParagraphs = [
  'We are an equal opportunity employer. Employment decisions are made without regard to race, colour, religion, sex, sexual orientation, gender identity, national origin, age, disability, veteran status or any other characteristic protected by law.',
  'Reasonable accommodation is available to qualified applicants with disabilities at every stage of the hiring process; tell your recruiter what you need.',
  'Offers of employment are contingent on a background check and on verification of your right to work, as the law of your location requires.',
  'We consider qualified applicants with criminal histories in a manner consistent with the applicable fair chance laws.',
  'Our privacy notice explains how we collect, use and keep the personal data you share with us during recruitment, and how to ask for it to be deleted.',
  'The salary range for this role depends on location and experience; compensation also includes an annual bonus and an equity package.',
];

/**
 * A posting of about 7,800 words, like a large employer's careers page: the ordinary posting's role, duties and
 * requirements, then pages of benefits, legal and equal-opportunity text. What a model needs is the first part.
 */
export function longBenchPosting(): string {
  const lines = [benchPosting(1).trimEnd(), ''];
  let words = lines.join(' ').split(/\s+/).length;
  for (let round = 1; words < 7800; round++) {
    const section = [
      `Benefits (${round})`,
      ...benefitLines.map((line, index) => `- ${line} (plan ${round}.${index + 1}).`),
      '',
      `Equal opportunity and legal notices (${round})`,
      ...legalParagraphs.map((paragraph) => `${paragraph} Reference ${round}.`),
      '',
    ];
    lines.push(...section);
    words += section.join(' ').split(/\s+/).length;
  }
  return lines.join('\n');
}
