import type { ToolGap } from '../../profile/candidate-tools.js';
import { joinList } from '../../text/phrase-grammar.js';

/** What a kind of tool is for, so the acknowledgement says what the candidate does with the comparable one. */
const toolJobs: readonly [readonly string[], string][] = [
  [['mlflow', 'weights & biases', 'neptune', 'comet'], 'track experiments'],
  [['airflow', 'dagster', 'prefect', 'argo', 'luigi', 'kubeflow', 'cron'], 'orchestrate pipelines'],
  [['feast', 'tecton'], 'serve features'],
  [
    ['tensorflow serving', 'torchserve', 'triton', 'kserve', 'seldon', 'bentoml', 'ray serve'],
    'serve models',
  ],
  [['kubernetes', 'docker', 'ecs', 'nomad'], 'deploy and run services'],
  [['kafka', 'flink', 'kinesis', 'pub/sub', 'rabbitmq'], 'process event streams'],
  [['spark', 'dask', 'ray', 'polars', 'databricks', 'hadoop', 'hive'], 'process large datasets'],
  [['snowflake', 'bigquery', 'redshift', 'postgresql', 'mysql'], 'query and model data'],
  [['sagemaker', 'vertex ai', 'azure ml'], 'train and deploy models'],
  [['xgboost', 'lightgbm', 'catboost'], 'train gradient-boosted models'],
  [['tensorflow', 'pytorch', 'jax', 'keras'], 'train neural networks'],
  [['datadog', 'prometheus', 'grafana'], 'monitor services'],
  [['tableau', 'looker', 'power bi'], 'build dashboards'],
  [['jenkins', 'github actions', 'gitlab ci'], 'run CI pipelines'],
];

function jobOf(tool: string): string | null {
  const lower = tool.toLowerCase();
  return toolJobs.find(([tools]) => tools.includes(lower))?.[1] ?? null;
}

/**
 * The honest acknowledgement: "I haven't used MLflow yet, but I track experiments with Weights & Biases and know the
 * problems it solves." Gaps without a comparable tool are named as new: "I am new to Azure, and ready to pick it up
 * quickly." Null when there is no gap.
 */
export function gapSentence(gaps: readonly ToolGap[]): string | null {
  const comparable = gaps.filter((gap) => gap.comparable !== null);
  const fresh = gaps.filter((gap) => gap.comparable === null);
  const parts: string[] = [];
  const first = comparable[0];
  if (first !== undefined && first.comparable !== null) {
    if (comparable.length === 1) {
      // Say what the candidate does with the stand-in only when both tools do that same job: Spark is no stream
      // processor, so Flink's job is not claimed for it.
      const job = jobOf(first.tool);
      parts.push(
        job !== null && job === jobOf(first.comparable)
          ? `I haven't used ${first.tool} yet, but I ${job} with ${first.comparable} and know the problems it solves.`
          : `I haven't used ${first.tool} yet; the closest tool I have worked with is ${first.comparable}.`,
      );
    } else {
      const names = [...new Set(comparable.map((gap) => gap.comparable as string))];
      parts.push(
        `I haven't used ${joinList(
          comparable.map((gap) => gap.tool),
          'or',
        )} yet; the closest tools I have worked with are ${joinList(names)}.`,
      );
    }
  }
  if (fresh.length > 0) {
    // "I am new to X", not "X is new to me": a sentence must not start with a lowercase tool name (scikit-learn).
    const names = joinList(fresh.map((gap) => gap.tool));
    parts.push(`I am new to ${names}, and ready to pick ${fresh.length === 1 ? 'it' : 'them'} up quickly.`);
  }
  return parts.length === 0 ? null : parts.join(' ');
}
