import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/posting/detect-language.js';

const root = join(import.meta.dirname, '..', '..');
const hostile = join(root, 'test', 'fixtures', 'hostile', 'postings');

describe('detectLanguage', () => {
  it('reads every example posting as English', async () => {
    const folder = join(root, 'examples', 'postings');
    const names = await readdir(folder);
    const guesses = await Promise.all(
      names.map(async (name) => detectLanguage(await readFile(join(folder, name), 'utf8'))),
    );
    expect(guesses.every((guess) => guess.english)).toBe(true);
  });

  it('names the language of a posting written in German or Japanese', async () => {
    expect(detectLanguage(await readFile(join(hostile, 'german.txt'), 'utf8'))).toEqual({
      english: false,
      language: 'German',
    });
    expect(detectLanguage(await readFile(join(hostile, 'japanese.txt'), 'utf8'))).toEqual({
      english: false,
      language: 'Japanese',
    });
  });

  it('counts a list of tool names and a mixed posting as English rather than refusing it', () => {
    expect(
      detectLanguage('Python, PyTorch, Kubernetes, MLflow, Airflow, Spark, SQL, Redis, Kafka, dbt').english,
    ).toBe(true);
    const mixed =
      'We are hiring a machine learning engineer for our Berlin team. You will build ranking models with the ' +
      'search team and ship them to production. Standort: Berlin, Deutschland. Wir freuen uns auf deine Bewerbung.';
    expect(detectLanguage(mixed).english).toBe(true);
  });
});
