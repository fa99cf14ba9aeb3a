import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlaybooks } from '../../src/playbooks/load-playbooks.js';
import type { Posting } from '../../src/posting/posting.js';
import { missingTools, toolGaps } from '../../src/profile/candidate-tools.js';
import { loadProfile } from '../../src/profile/load-profile.js';

const { common } = await loadPlaybooks();
const profiles = join(import.meta.dirname, '..', '..', 'examples', 'profiles');
const experienced = await loadProfile(join(profiles, 'experienced-mle.yaml'));
const earlyCareer = await loadProfile(join(profiles, 'early-career.yaml'));

// The word-count floor of a real posting does not matter here: these are the posting's clauses alone.
const posting = (text: string): Posting => ({ source: 'inline.txt', text });

describe('missingTools and toolGaps', () => {
  it('names the comparable tool from the profile first, then the built-in map in either direction', () => {
    const text =
      'Requirements\n- Feast for features, Prometheus for monitoring and Vertex AI for training\n- Azure';
    expect(
      toolGaps(['Feast', 'Prometheus', 'Vertex AI', 'Azure'], posting(text), experienced, common),
    ).toEqual([
      { tool: 'Feast', comparable: 'Redis' },
      // common.yaml maps Datadog to Prometheus; the candidate has Datadog.
      { tool: 'Prometheus', comparable: 'Datadog' },
    ]);
    expect(
      missingTools(['Vertex AI', 'Azure'], posting(text), experienced, common).map(
        ({ tool, comparable }) => ({
          tool,
          comparable,
        }),
      ),
    ).toEqual([
      { tool: 'Vertex AI', comparable: 'Kubernetes' },
      { tool: 'Azure', comparable: null },
    ]);
  });

  it('is no gap when the posting offers a choice and the candidate holds another of it', () => {
    const text =
      'Requirements\n- XGBoost or LightGBM\n- a toolkit (LightGBM, Prophet, statsmodels or similar)';
    const required = ['XGBoost', 'LightGBM', 'Prophet', 'statsmodels'];
    expect(missingTools(required, posting(text), experienced, common)).toEqual([
      { tool: 'LightGBM', comparable: 'XGBoost', alternative: 'XGBoost' },
      { tool: 'statsmodels', comparable: null, alternative: 'Prophet' },
    ]);
    expect(toolGaps(required, posting(text), experienced, common)).toEqual([]);
  });

  it('takes "or similar" as met by the comparable tool the candidate holds', () => {
    expect(missingTools(['Kubeflow'], posting('Kubeflow or similar'), experienced, common)).toEqual([
      { tool: 'Kubeflow', comparable: 'Airflow', alternative: 'Airflow' },
    ]);
    expect(toolGaps(['Kubeflow'], posting('Kubeflow pipelines'), experienced, common)).toEqual([
      { tool: 'Kubeflow', comparable: 'Airflow' },
    ]);
  });

  it('lists what an early-career candidate lacks, and asks to acknowledge the first two only', () => {
    const required = ['MLflow', 'Kubernetes', 'Snowflake', 'Kafka'];
    const text = 'Requirements\n- MLflow and Kubernetes, Snowflake and Kafka';
    expect(missingTools(required, posting(text), earlyCareer, common).map((gap) => gap.tool)).toEqual(
      required,
    );
    expect(toolGaps(required, posting(text), earlyCareer, common)).toEqual([
      { tool: 'MLflow', comparable: 'Weights & Biases' },
      { tool: 'Kubernetes', comparable: 'Docker' },
    ]);
  });
});
