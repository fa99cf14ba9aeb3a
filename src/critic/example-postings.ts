import type { Posting } from '../posting/posting.js';
import type { PostingAnalysis } from '../posting/posting-analysis.js';

/** A posting and what was extracted from it: the context the rules' documented examples are checked against. */
export interface ExamplePosting {
  readonly posting: Posting;
  readonly analysis: PostingAnalysis;
}

/**
 * One small posting per core industry. Rule examples (shown in docs/rules.md and run by the registry test) are letters
 * written by the sample profile (examples/profiles/experienced-mle.yaml) to these postings.
 */
export const examplePostings: Readonly<Record<'tech' | 'finance' | 'retail' | 'general', ExamplePosting>> = {
  tech: {
    posting: {
      source: 'example-tech',
      text: [
        'Fernway is the app 30 million home cooks use to plan their meals.',
        'This year we are rebuilding the real-time ranking platform behind the Fernway home feed.',
        'As a Machine Learning Engineer you will train and ship ranking models with Python, Kubernetes and Kubeflow, and own their monitoring in production.',
        'Questions go to Dana Ortiz, our hiring manager. We offer competitive benefits and are an equal opportunity employer.',
      ].join('\n'),
    },
    analysis: {
      company: 'Fernway',
      role: 'Machine Learning Engineer',
      hiringManager: 'Dana Ortiz',
      hook: {
        text: 'the real-time ranking platform behind the Fernway home feed',
        evidence: 'we are rebuilding the real-time ranking platform behind the Fernway home feed',
      },
      requiredTools: ['Python', 'Kubernetes', 'Kubeflow'],
    },
  },
  finance: {
    posting: {
      source: 'example-finance',
      text: [
        'Larkspur Bank lends to 40,000 small businesses across the Midwest.',
        'Our credit risk team is replacing its legacy scorecards with an explainable small-business underwriting model that must satisfy SR 11-7 model risk review.',
        'You will build gradient-boosted models in Python with XGBoost and SHAP, and document them for validation.',
        'Benefits include a 401(k) match.',
      ].join('\n'),
    },
    analysis: {
      company: 'Larkspur Bank',
      role: 'Machine Learning Engineer',
      hiringManager: null,
      hook: {
        text: 'the explainable small-business underwriting model',
        evidence:
          'an explainable small-business underwriting model that must satisfy SR 11-7 model risk review',
      },
      requiredTools: ['Python', 'XGBoost', 'SHAP'],
    },
  },
  retail: {
    posting: {
      source: 'example-retail',
      text: [
        'Brightcart runs 300 grocery stores and a same-day delivery app.',
        'We are building a markdown optimization engine to cut fresh-food waste across every store.',
        'You will work with merchandising and store operations teams, using Python, Spark and dbt.',
        'We are an equal opportunity employer.',
      ].join('\n'),
    },
    analysis: {
      company: 'Brightcart',
      role: 'Machine Learning Engineer',
      hiringManager: null,
      hook: {
        text: 'a markdown optimization engine to cut fresh-food waste',
        evidence: 'We are building a markdown optimization engine to cut fresh-food waste across every store',
      },
      requiredTools: ['Python', 'Spark', 'dbt'],
    },
  },
  general: {
    posting: {
      source: 'example-general',
      text: [
        'Meridian Health operates 12 hospitals in Ohio.',
        'Our data science team is building a readmission-risk model that flags patients for follow-up calls after discharge.',
        'You will build data pipelines in Python and SQL and monitor models in production.',
      ].join('\n'),
    },
    analysis: {
      company: 'Meridian Health',
      role: 'Machine Learning Engineer',
      hiringManager: null,
      hook: {
        text: 'a readmission-risk model that flags patients for follow-up calls',
        evidence: 'building a readmission-risk model that flags patients for follow-up calls after discharge',
      },
      requiredTools: ['Python', 'SQL'],
    },
  },
};
