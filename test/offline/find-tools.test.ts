import { describe, expect, it } from 'vitest';
import { toolNamesIn } from '../../src/offline/find-tools.js';
import { playbooks } from './offline-test-kit.js';

const names = (text: string): string[] => toolNamesIn(text, playbooks.common.tools);

describe('findToolMentions', () => {
  it('names tools by their canonical names, longest first', () => {
    expect(
      names('We serve models with TF Serving and TensorFlow Serving, track runs in wandb, and use sklearn.'),
    ).toEqual(['TensorFlow Serving', 'Weights & Biases', 'scikit-learn']);
  });

  it('keeps the capitals of acronyms and ordinary words: LIME is a tool, lime is a fruit', () => {
    expect(names('Explain models with LIME; we sell lime, spark joy and feast on data.')).toEqual(['LIME']);
  });

  it('counts short names only in a list of tools', () => {
    expect(names('Python, Go or Rust for services; R&D is a plus; you will go far.')).toEqual([
      'Python',
      'Go',
      'Rust',
    ]);
    expect(names('Experience with R or Python, written in Go.')).toEqual(['R', 'Python', 'Go']);
  });
});
