import type { CommonVocabulary } from '../playbooks/playbook-schema.js';
import type { Profile } from '../profile/profile-schema.js';
import type { CandidateTools } from './candidate-tools.js';
import { findToolMentions } from './find-tools.js';
import { joinList } from './phrase-grammar.js';
import type { PostingSentence } from './posting-sections.js';

/** A tool the posting asks for that the candidate lacks, and the comparable tool they know (null when none). */
export interface ToolGap {
  readonly tool: string;
  readonly comparable: string | null;
}

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

/** A posting that offers alternatives ("XGBoost or LightGBM", "Airflow or similar") is satisfied by any of them. */
const alternativesSign = /\bor\b|\/|\bsimilar\b|\bequivalent\b|\bsuch as\b|\be\.g\.|\blike\b|\bcomparable\b/i;

function coveredByAlternative(
  tool: string,
  sentences: readonly PostingSentence[],
  common: CommonVocabulary,
  candidate: CandidateTools,
): boolean {
  for (const sentence of sentences) {
    if (!alternativesSign.test(sentence.text)) continue;
    const mentions = findToolMentions(sentence.text, common.tools);
    if (!mentions.some((mention) => mention.name === tool)) continue;
    if (mentions.some((mention) => mention.name !== tool && candidate.has(mention.name))) return true;
  }
  return false;
}

/** The comparable tool: the profile's own mapping first, then the built-in map (either direction). */
function comparableFor(
  tool: string,
  profile: Profile,
  common: CommonVocabulary,
  candidate: CandidateTools,
): string | null {
  const own = Object.entries(profile.comparableTools).find(
    ([name]) => name.toLowerCase() === tool.toLowerCase(),
  )?.[1];
  if (own !== undefined) return own;
  const builtIn = Object.entries(common.comparableTools).find(
    ([name]) => name.toLowerCase() === tool.toLowerCase(),
  )?.[1];
  const forward = builtIn?.find((comparable) => candidate.has(comparable));
  if (forward !== undefined) return candidate.spelling(forward);
  for (const [known, similar] of Object.entries(common.comparableTools)) {
    if (similar.some((name) => name.toLowerCase() === tool.toLowerCase()) && candidate.has(known)) {
      return candidate.spelling(known);
    }
  }
  return null;
}

/**
 * Tools the posting requires that the candidate lacks, in the posting's order, each with a comparable tool when the
 * candidate has one. A tool offered as one of several alternatives is not a gap when the candidate has another.
 */
export function findToolGaps(
  requiredTools: readonly string[],
  sentences: readonly PostingSentence[],
  profile: Profile,
  common: CommonVocabulary,
  candidate: CandidateTools,
): ToolGap[] {
  const gaps: ToolGap[] = [];
  for (const tool of requiredTools) {
    if (candidate.has(tool) || coveredByAlternative(tool, sentences, common, candidate)) continue;
    gaps.push({ tool, comparable: comparableFor(tool, profile, common, candidate) });
  }
  return gaps;
}

/** At most this many tools in one acknowledgement: more reads as a list of weaknesses (and as a framework list). */
const perClause = 2;

/**
 * The honest acknowledgement: "I haven't used MLflow yet, but I track experiments with Weights & Biases and know the
 * problems it solves." Gaps without a comparable tool are named as new: "I am new to Azure, and ready to pick it up
 * quickly." Null when there is no gap.
 */
export function gapSentence(gaps: readonly ToolGap[]): string | null {
  const comparable = gaps.filter((gap) => gap.comparable !== null).slice(0, perClause);
  const fresh = gaps.filter((gap) => gap.comparable === null).slice(0, perClause);
  const parts: string[] = [];
  const first = comparable[0];
  if (first !== undefined && first.comparable !== null) {
    if (comparable.length === 1) {
      const job = jobOf(first.tool) ?? jobOf(first.comparable);
      parts.push(
        job === null
          ? `I haven't used ${first.tool} yet, but I have done the same work with ${first.comparable}.`
          : `I haven't used ${first.tool} yet, but I ${job} with ${first.comparable} and know the problems it solves.`,
      );
    } else {
      const names = [...new Set(comparable.map((gap) => gap.comparable as string))];
      parts.push(
        `I haven't used ${joinList(
          comparable.map((gap) => gap.tool),
          'or',
        )} yet, but I have done the same work with ${joinList(names)}.`,
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
