import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { findHook } from '../../src/posting/find-hook.js';
import {
  examplePosting,
  examplePostingsFolder,
  fixturePosting,
  fixturePostingsFolder,
  inlinePosting,
  playbooks,
} from '../engines/offline/offline-test-kit.js';

describe('findHook', () => {
  it('finds the company, role, tools and the named initiative of a Markdown posting', async () => {
    expect(findHook(await examplePosting('orbitly-ml-platform.md'), playbooks)).toEqual({
      company: 'Orbitly',
      role: 'Senior Machine Learning Engineer, ML Platform',
      hiringManager: null,
      hook: {
        text: 'Project Relay, a real-time feature store and online inference layer',
        evidence:
          'This year we are building **Project\nRelay**, a real-time feature store and online inference layer that will replace our nightly batch scoring, so that\nsuggestions react to what a team did a minute ago instead of yesterday.',
      },
      // Kafka sits under "Nice to have": not required.
      requiredTools: [
        'Redis',
        'Feast',
        'Kubernetes',
        'Prometheus',
        'Grafana',
        'Python',
        'PyTorch',
        'TensorFlow',
        'Airflow',
        'MLflow',
      ],
    });
  });

  it('reads a copied web page: the company from "About Kestrel", the role from its heading', async () => {
    expect(findHook(await examplePosting('kestrel-streaming-recommendations.html'), playbooks)).toEqual({
      company: 'Kestrel',
      role: 'Machine Learning Engineer, Recommendations',
      hiringManager: null,
      hook: {
        text: 'rebuilding autoplay around a two-tower retrieval model with real-time session features',
        evidence:
          'This year we are\nrebuilding autoplay around a two-tower retrieval model with real-time session features, so that the next track\nreflects what a listener skipped thirty seconds ago.',
      },
      requiredTools: ['PyTorch', 'Kafka', 'Flink', 'Kubernetes', 'Python', 'Spark'],
    });
  });

  it('turns "our" into "its" and leaves purpose clauses and deadlines out of the hook text', async () => {
    const harborline = findHook(await examplePosting('harborline-bank-credit-risk.txt'), playbooks);
    expect(harborline.hook?.text).toBe('modernizing its small-business lending decision engine');
    const fernway = findHook(await examplePosting('fernway-grocers-demand-forecasting.txt'), playbooks);
    expect(fernway.hook?.text).toBe(
      'rolling out store-level daily forecasts for fresh categories to every store',
    );
  });

  it('takes the list after a colon when the sentence names what the team builds', async () => {
    const analysis = findHook(await examplePosting('st-brendan-health-ml-engineer.txt'), playbooks);
    expect(analysis.company).toBe('St. Brendan Health System');
    expect(analysis.hook?.text).toBe(
      'sepsis alerts, readmission risk, and staffing forecasts for its emergency departments',
    );
  });

  it('names no company and no hook for a recruiter’s posting about an unnamed client', async () => {
    expect(findHook(await examplePosting('talentbridge-fintech-client.txt'), playbooks)).toEqual({
      company: null,
      role: 'Machine Learning Engineer',
      hiringManager: null,
      hook: null,
      requiredTools: ['Python', 'SQL', 'XGBoost', 'LightGBM', 'AWS', 'SHAP'],
    });
    // The agency is named three times, and "is hiring" too; it is still not the employer.
    expect(findHook(await fixturePosting('apex-talent-agency.txt'), playbooks)).toMatchObject({
      company: null,
      hook: null,
    });
  });

  it('finds no hook in a posting that names no initiative, rather than praising its mission', async () => {
    expect(findHook(await fixturePosting('brightpath-vague.txt'), playbooks)).toEqual({
      company: 'Brightpath Solutions',
      role: 'Machine Learning Engineer',
      hiringManager: null,
      hook: null,
      requiredTools: ['Python', 'scikit-learn', 'SQL'],
    });
  });

  it('reads "Company:" and "Role:" labels and the hiring manager, and skips launches in the EEO and benefits text', async () => {
    expect(findHook(await fixturePosting('quantiq-launch.txt'), playbooks)).toEqual({
      company: 'Quantiq',
      role: 'Machine Learning Engineer, Developer Productivity',
      hiringManager: 'Dana Whitfield',
      hook: {
        text: 'Quantiq Insights, a code-review assistant',
        evidence:
          'This spring we are launching Quantiq Insights, a code-review assistant that predicts which changes will cause\nincidents before they merge.',
      },
      // "Nice to have: Ray" is not a requirement.
      requiredTools: ['PyTorch', 'Kubernetes', 'MLflow'],
    });
  });

  it('prefers the initiative over the company description and cuts participle clauses', async () => {
    expect(findHook(await fixturePosting('craftly-marketplace.txt'), playbooks).hook?.text).toBe(
      'launching personalized category pages for the holiday season',
    );
    expect(findHook(await fixturePosting('gridwise-energy.txt'), playbooks).hook?.text).toBe(
      'the probabilistic load forecasting system for every substation on its network',
    );
  });

  it.each([
    ['Hiring manager: Maya Chen, Head of Applied ML', 'Maya Chen'],
    ['This role reports to Luis Ortega, VP of Data.', 'Luis Ortega'],
    ['You will be reporting to the Head of Data Science.', null],
    ['You will report to our Director, Priya Nair.', 'Priya Nair'],
  ])('reads the hiring manager from "%s"', (line, expected) => {
    const posting = inlinePosting(
      `Machine Learning Engineer\nCompany: Lumen Freight\n\nLumen Freight moves 2 million parcels a day across Europe with its own fleet.\n${line}\n\nRequirements\n- Python and SQL\n- 3+ years building forecasting models`,
    );
    expect(findHook(posting, playbooks).hiringManager).toBe(expected);
  });

  it('keeps "Python, SQL" but not "PyTorch is a plus" or "(SageMaker a plus)" among the required tools', () => {
    const posting = inlinePosting(
      [
        'Machine Learning Engineer at Parcelpoint',
        '',
        'Parcelpoint runs same-day delivery for 400 stores in the Midwest.',
        '',
        'Requirements',
        '- Python, SQL; experience with PyTorch is a plus',
        '- Experience with AWS (SageMaker a plus)',
        '- Go or Rust for services',
        '- Curiosity and a habit of writing things down; you will go far here',
      ].join('\n'),
    );
    expect(findHook(posting, playbooks).requiredTools).toEqual(['Python', 'SQL', 'AWS', 'Go', 'Rust']);
  });

  it('quotes the posting verbatim in every hook it finds, examples and fixtures alike', async () => {
    const folders = [examplePostingsFolder, fixturePostingsFolder];
    let hooks = 0;
    for (const folder of folders) {
      for (const name of await readdir(folder)) {
        const posting =
          folder === examplePostingsFolder ? await examplePosting(name) : await fixturePosting(name);
        const { hook } = findHook(posting, playbooks);
        if (hook === null) continue;
        hooks++;
        expect(posting.text).toContain(hook.evidence);
        // The hook text is made of the evidence's words ("our" becomes "its").
        const evidenceWords = new Set(
          hook.evidence
            .toLowerCase()
            .replace(/\*/g, '')
            .match(/[\p{L}\p{N}'-]+/gu),
        );
        evidenceWords.add('its');
        evidenceWords.add('the');
        for (const word of hook.text.toLowerCase().match(/[\p{L}\p{N}'-]+/gu) ?? [])
          expect(evidenceWords).toContain(word);
      }
    }
    expect(hooks).toBeGreaterThanOrEqual(10);
  });
});
