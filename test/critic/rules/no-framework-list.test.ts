import { beforeAll, describe, expect, it } from 'vitest';
import { noFrameworkListRule } from '../../../src/critic/rules/no-framework-list.js';
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

const check = (letter: string, profile = true) =>
  checkRule(noFrameworkListRule, letter, contextFor(fixture, 'tech', profile ? {} : { profile: null }));

describe('no-framework-list', () => {
  it('passes tools named one or two at a time, each with what it did', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'I moved scoring to real-time feature serving with Redis and TensorFlow Serving, and scheduled retraining with Airflow.',
      'PyTorch for training, Spark for features and FastAPI for serving kept the stack small.',
    ]);
    expect(check(letter)).toEqual([]);
  });

  it('never reads the pronoun after a list of two as a third name', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'With a solid foundation in building ML pipelines using Docker and Kubernetes, I am ready to own your workflows.',
    ]);
    expect(check(letter, false)).toEqual([]);
  });

  it('lets a run of three stand in a sentence that states a result', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'I rebuilt the pipeline on Spark, Kafka and Airflow, which cut its runtime by 60%.',
    ]);
    expect(check(letter)).toEqual([]);
  });

  it('flags the resume line, suggesting a tool from the profile', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'I am skilled in TensorFlow, PyTorch, scikit-learn, and Keras.',
    ]);
    expect(check(letter)).toEqual([
      {
        ruleId: 'no-framework-list',
        severity: 'error',
        message:
          "Replace the list 'TensorFlow, PyTorch, scikit-learn, and Keras' with one tool and what you did with it, e.g. 'I built ... with PyTorch, which cut ...'.",
        evidence: quoteOf(letter, 'TensorFlow, PyTorch, scikit-learn, and Keras'),
      },
    ]);
  });

  it('flags a run of four or more even next to a number, and slash-separated lists', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'I cut latency by 40% using Python, Redis, Kafka and Kubernetes.',
      'Stack: pandas/NumPy/SciPy.',
    ]);
    expect(check(letter, false).map((finding) => finding.evidence)).toEqual([
      quoteOf(letter, 'Python, Redis, Kafka and Kubernetes'),
      quoteOf(letter, 'pandas/NumPy/SciPy'),
    ]);
  });

  it.each([
    [
      'I build web apps with Next.js, React, Tailwindcss and Firebase Hosting.',
      'Next.js, React, Tailwindcss and Firebase Hosting',
    ],
    ['I am proficient in HTML, CSS and JavaScript.', 'HTML, CSS and JavaScript'],
    ['Furthermore, I know Node.js, Python, and MATLAB well.', 'Node.js, Python, and MATLAB'],
    [
      'I built the front end with Bootstrap 5, Express.js, and JQuery.',
      'Bootstrap 5, Express.js, and JQuery',
    ],
    ['My CAD work spans SolidWorks, LabVIEW and MATLAB.', 'SolidWorks, LabVIEW and MATLAB'],
    [
      'I bring expertise in Openshift, Kubernetes, and Azure technologies to the team.',
      'Openshift, Kubernetes, and Azure technologies',
    ],
  ])('flags a list of tools the vocabulary does not all know: "%s"', (sentence, list) => {
    const letter = letterOf('Dear Dana Ortiz,', [sentence]);
    expect(check(letter, false).map((finding) => finding.evidence?.text)).toEqual([list]);
  });

  it.each([
    'My projects include FIRST Robotics, PolySAT, and Battlebots.',
    'I have consulted for IBM, SAP and KPMG.',
    'I worked at Stripe, Google and Meta before joining Streamline.',
    'My work spans data science, AI strategy, and user research.',
    'Stack: pandas and NumPy, nothing more.',
  ])('passes names that are not a list of tools: "%s"', (sentence) => {
    expect(check(letterOf('Dear Dana Ortiz,', [sentence]), false)).toEqual([]);
  });
});
