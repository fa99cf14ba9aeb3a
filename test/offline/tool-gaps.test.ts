import { describe, expect, it } from 'vitest';
import { candidateTools } from '../../src/offline/candidate-tools.js';
import { readPostingStructure } from '../../src/offline/posting-sections.js';
import { findToolGaps, gapSentence } from '../../src/offline/tool-gaps.js';
import { exampleProfile, playbooks } from './offline-test-kit.js';

const experienced = await exampleProfile('experienced-mle');
const earlyCareer = await exampleProfile('early-career');

function gaps(text: string, required: string[], profile = experienced) {
  const structure = readPostingStructure(text, playbooks.common);
  return findToolGaps(
    required,
    structure.sentences,
    profile,
    playbooks.common,
    candidateTools(profile, playbooks.common),
  );
}

describe('findToolGaps', () => {
  it('names the comparable tool from the profile first, then the built-in map in either direction', () => {
    const text =
      'Requirements\n- Feast for features, Prometheus for monitoring and Vertex AI for training\n- Azure';
    expect(gaps(text, ['Feast', 'Prometheus', 'Vertex AI', 'Azure'])).toEqual([
      { tool: 'Feast', comparable: 'Redis' },
      // common.yaml maps Datadog to Prometheus; the candidate has Datadog.
      { tool: 'Prometheus', comparable: 'Datadog' },
      { tool: 'Vertex AI', comparable: 'Kubernetes' },
      { tool: 'Azure', comparable: null },
    ]);
  });

  it('is no gap when the posting offers alternatives and the candidate has one', () => {
    expect(
      gaps('Requirements\n- XGBoost or LightGBM\n- LightGBM, Prophet, statsmodels or similar', [
        'XGBoost',
        'LightGBM',
        'Prophet',
        'statsmodels',
      ]),
    ).toEqual([]);
  });

  it('lists what an early-career candidate lacks', () => {
    expect(gaps('Requirements\n- MLflow and Kubernetes', ['MLflow', 'Kubernetes'], earlyCareer)).toEqual([
      { tool: 'MLflow', comparable: 'Weights & Biases' },
      { tool: 'Kubernetes', comparable: 'Docker' },
    ]);
  });
});

describe('gapSentence', () => {
  it('says what the candidate does with the comparable tool, in one sentence per kind of gap', () => {
    expect(gapSentence([{ tool: 'MLflow', comparable: 'Weights & Biases' }])).toBe(
      "I haven't used MLflow yet, but I track experiments with Weights & Biases and know the problems it solves.",
    );
    expect(
      gapSentence([
        { tool: 'Feast', comparable: 'Redis' },
        { tool: 'Prometheus', comparable: 'Datadog' },
        { tool: 'Grafana', comparable: 'Datadog' },
        { tool: 'Azure', comparable: null },
      ]),
    ).toBe(
      "I haven't used Feast or Prometheus yet, but I have done the same work with Redis and Datadog. I am new to Azure, and ready to pick it up quickly.",
    );
    expect(gapSentence([])).toBeNull();
  });
});
