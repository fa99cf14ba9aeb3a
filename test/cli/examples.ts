import { fileURLToPath } from 'node:url';
import type { PostingAnalysis } from '../../src/posting/posting-analysis.js';

/** A file under the repository's examples/ folder. */
export function example(path: string): string {
  return fileURLToPath(new URL(`../../examples/${path}`, import.meta.url));
}

export const orbitlyPosting = example('postings/orbitly-ml-platform.md');
export const harborlinePosting = example('postings/harborline-bank-credit-risk.txt');
export const experiencedProfile = example('profiles/experienced-mle.yaml');

/** What a correct engine finds in the Orbitly posting. */
export const orbitlyAnalysis: PostingAnalysis = {
  company: 'Orbitly',
  role: 'Senior Machine Learning Engineer, ML Platform',
  hiringManager: null,
  hook: {
    text: 'Project Relay, the real-time feature store replacing nightly batch scoring',
    evidence:
      'a real-time feature store and online inference layer that will replace our nightly batch scoring',
  },
  requiredTools: ['Kubernetes', 'Airflow', 'MLflow'],
};

/** A letter for the Orbitly posting built only from the experienced profile's facts. */
export const strongOrbitlyLetter = `Dear Hiring Manager,

I cut inference latency by 40% at Streamline by moving the recommendation engine from nightly batch scoring to real-time feature serving on Redis and Kubernetes, which opened personalized feeds to 2M+ users.

At Streamline, I also built the churn prediction model end to end, from Spark feature pipelines to A/B test design and Datadog monitoring, and it raised 90-day retention by 6%. Airflow scheduled the pipelines and MLflow tracked every experiment.

Orbitly's Project Relay, a real-time feature store that will replace nightly batch scoring, is the move I made at Streamline, and I would like to help the ML Platform team ship it without slowing its experiments.

I would welcome a conversation about the ML Platform roadmap.

Best,
Priya Raman`;

/** The same letter with the template's brackets left in. */
export const placeholderLetter = `Dear [Hiring Manager Name],

I cut inference latency by 40% at [Previous Company] by moving the recommendation engine to real-time feature serving with Redis.

I'm drawn to [Company Name] because of [specific project]. I would welcome a conversation.

Best,
[Your Name]`;
