import { describe, expect, it } from 'vitest';
import { loadPlaybooks } from '../../src/playbooks/load-playbooks.js';
import type { Posting } from '../../src/posting/posting.js';
import { toolChoices } from '../../src/posting/tool-alternatives.js';

const { common } = await loadPlaybooks();

// The word-count floor of a real posting does not matter here: these are the posting's clauses alone.
const posting = (text: string): Posting => ({ source: 'inline.txt', text });
const choices = (text: string) => toolChoices(posting(text), common).map((choice) => choice.tools);

describe('toolChoices', () => {
  it('groups tools joined by "or" or a slash, and nothing joined by "and"', () => {
    expect(choices('Experience with XGBoost or LightGBM and scikit-learn; Airflow/Dagster a plus.')).toEqual([
      ['XGBoost', 'LightGBM'],
      ['Airflow', 'Dagster'],
    ]);
    expect(choices('Python, SQL, XGBoost or LightGBM')).toEqual([['XGBoost', 'LightGBM']]);
    expect(choices('Python and SQL')).toEqual([]);
  });

  it('takes a whole list when it is a list of examples or ends open', () => {
    expect(
      toolChoices(posting('- a toolkit you know well (LightGBM, Prophet, statsmodels or similar)'), common),
    ).toEqual([{ tools: ['LightGBM', 'Prophet', 'statsmodels'], open: true }]);
    expect(choices('An orchestrator such as Airflow, Dagster or Prefect.')).toEqual([
      ['Airflow', 'Dagster', 'Prefect'],
    ]);
    expect(choices('Feature stores, e.g. Feast, Tecton.')).toEqual([['Feast', 'Tecton']]);
    expect(toolChoices(posting('Airflow or equivalent'), common)).toEqual([
      { tools: ['Airflow'], open: true },
    ]);
  });

  it('never joins tools across a clause or a bullet', () => {
    expect(choices('- Kafka\n- or Flink later (Spark) or Dask')).toEqual([]);
  });
});
