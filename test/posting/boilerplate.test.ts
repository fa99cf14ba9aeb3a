import { describe, expect, it } from 'vitest';
import { isBoilerplate, substantiveWordCount } from '../../src/posting/boilerplate.js';

describe('isBoilerplate', () => {
  it('recognises the notices every careers page carries', () => {
    const sentences = [
      'Lanternfish is an equal opportunity employer.',
      'We use cookies to improve your experience.',
      'Read our Privacy Policy.',
      '© 2025 Lanternfish Software.',
      'Apply now',
      'Recruiting agencies should not send unsolicited resumes.',
      'If you need a reasonable accommodation, contact us.',
    ];
    expect(sentences.filter((sentence) => !isBoilerplate(sentence))).toEqual([]);
  });

  it('leaves sentences about the job alone', () => {
    const sentences = [
      'You will build the ranking models behind Tidewater.',
      'We are moving fraud scoring to real time with Kafka and Flink.',
      'Experience with gradient boosting and SHAP is a plus.',
    ];
    expect(sentences.filter((sentence) => isBoilerplate(sentence))).toEqual([]);
  });
});

describe('substantiveWordCount', () => {
  it('counts only the words outside boilerplate sentences', () => {
    expect(
      substantiveWordCount('You will build ranking models. We use cookies on this site. Apply now.'),
    ).toBe(5);
  });
});
