import { beforeAll, describe, expect, it } from 'vitest';
import { examplePostings } from '../../../src/critic/example-postings.js';
import { honestGapsRule } from '../../../src/critic/rules/honest-gaps.js';
import {
  type CriticFixture,
  checkRule,
  contextFor,
  letterOf,
  loadCriticFixture,
  quoteOf,
} from '../critic-fixture.js';

let fixture: CriticFixture;
beforeAll(async () => {
  fixture = await loadCriticFixture();
});

const opening = 'I cut inference latency by 40% at Streamline with Redis and TensorFlow Serving.';

describe('honest-gaps', () => {
  // The tech posting asks for Python, Kubernetes and Kubeflow; the profile lacks Kubeflow and maps it to Airflow.
  const check = (letter: string) => checkRule(honestGapsRule, letter, contextFor(fixture, 'tech'));

  it('passes a letter that admits the gap and names the comparable tool, in the same or the next sentence', () => {
    expect(
      check(
        letterOf('Dear Dana Ortiz,', [
          opening,
          "I haven't used Kubeflow, but I run our training pipelines on Airflow.",
        ]),
      ),
    ).toEqual([]);
    expect(
      check(
        letterOf('Dear Dana Ortiz,', [
          opening,
          'Kubeflow is new to me. Our training pipelines run on Airflow.',
        ]),
      ),
    ).toEqual([]);
  });

  it('warns when the letter claims the missing tool', () => {
    const letter = letterOf('Dear Dana Ortiz,', [opening, 'I run our training pipelines on Kubeflow.']);
    expect(check(letter)).toEqual([
      {
        ruleId: 'honest-gaps',
        severity: 'warning',
        message:
          "Do not claim Kubeflow: your profile does not list it. Acknowledge the gap instead, e.g. 'I haven't used Kubeflow, but I have done the same work with Airflow'.",
        evidence: quoteOf(letter, 'Kubeflow'),
      },
    ]);
  });

  it('warns when the letter is silent about it, or admits it without the comparable tool', () => {
    const silent = {
      ruleId: 'honest-gaps',
      severity: 'warning',
      message:
        "The posting asks for Kubeflow, which your profile does not list. Acknowledge it and name the comparable tool you know, Airflow, e.g. 'I haven't used Kubeflow, but I have done the same work with Airflow'.",
      evidence: null,
    };
    expect(check(letterOf('Dear Dana Ortiz,', [opening]))).toEqual([silent]);
    expect(check(letterOf('Dear Dana Ortiz,', [opening, "I haven't used Kubeflow yet."]))).toEqual([silent]);
  });

  it('falls back to common.yaml’s comparable tools that the profile holds', () => {
    // The retail posting asks for dbt; the profile has no mapping for it, common.yaml maps dbt to SQL and Airflow.
    const letter = letterOf('Dear Hiring Manager,', [opening]);
    expect(checkRule(honestGapsRule, letter, contextFor(fixture, 'retail'))).toEqual([
      {
        ruleId: 'honest-gaps',
        severity: 'warning',
        message:
          "The posting asks for dbt, which your profile does not list. Acknowledge it and name the comparable tool you know, SQL, e.g. 'I haven't used dbt, but I have done the same work with SQL'.",
        evidence: null,
      },
    ]);
  });

  it('with no comparable tool anywhere, an honest admission is enough', () => {
    const analysis = { ...examplePostings.tech.analysis, requiredTools: ['Haskell'] };
    const context = contextFor(fixture, 'tech', { analysis });
    expect(
      checkRule(honestGapsRule, letterOf('Dear Dana Ortiz,', [opening, 'I have not used Haskell.']), context),
    ).toEqual([]);
    expect(checkRule(honestGapsRule, letterOf('Dear Dana Ortiz,', [opening]), context)).toEqual([
      {
        ruleId: 'honest-gaps',
        severity: 'warning',
        message:
          "The posting asks for Haskell, which your profile does not list. Acknowledge it, e.g. 'I haven't used Haskell yet, and I would close that gap in my first weeks'.",
        evidence: null,
      },
    ]);
  });

  it('has nothing to say when the profile has every required tool', () => {
    const analysis = { ...examplePostings.tech.analysis, requiredTools: ['python', 'K8s'] };
    expect(
      checkRule(
        honestGapsRule,
        letterOf('Dear Dana Ortiz,', [opening]),
        contextFor(fixture, 'tech', { analysis }),
      ),
    ).toEqual([]);
  });

  it('does not take the company’s own stack for a claim', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      opening,
      "I haven't used Kubeflow, but I run our training pipelines on Airflow.",
      'Your Kubeflow platform is the reason I applied.',
    ]);
    expect(check(letter)).toEqual([]);
  });
});
