import { Command, Option } from 'commander';
import { cacheModes } from '../../config/cache-modes.js';
import type { EvalFlags } from '../../evals/run-eval.js';
import type { CliContext } from '../cli-context.js';
import { ExitCode } from '../exit-code.js';

/**
 * `lede eval` (`npm run eval`): the whole pipeline on the labelled dataset, scored and compared with the committed
 * baseline. A developer's command: it reads `datasets/` from the working folder and no config file.
 */
export function evalCommand(context: CliContext): Command {
  const command = new Command('eval')
    .description(
      'Score the whole pipeline on the labelled dataset, compare with the committed baseline, and fail on regression.\n' +
        'Exit codes: 0 no regression; 1 a scorer regressed, a case flipped from pass to fail, or a case errored;\n' +
        '2 bad flags or dataset; 3 the model endpoint failed (including a strict cache miss when every case needs it).',
    )
    .addOption(
      new Option('--engine <engine>', 'offline | openai').choices(['offline', 'openai']).default('offline'),
    )
    .option('--model <id>', 'model id for the openai engine (default: gpt-4o-mini; env LEDE_MODEL)')
    .option('--base-url <url>', 'OpenAI-compatible endpoint (env OPENAI_BASE_URL)')
    .option('--temperature <number>', 'sampling temperature for the openai engine (default: 0.4)')
    .option('--analysis <mode>', 'who reads the posting for a model: auto | model | offline (default: auto)')
    .option('--json-mode <mode>', 'json_schema | json_object (default: json_schema)')
    .option('--timeout-ms <ms>', 'per-request timeout (default: 120000)')
    .option('--max-retries <n>', 'transport retries (default: 2)')
    .addOption(
      new Option('--cache <mode>', 'response cache for the openai engine')
        .choices([...cacheModes])
        .default('off'),
    )
    .option('--cassettes <folder>', 'response cache folder (default: <dataset>/cassettes)')
    .option('--repeat <n>', 'runs per case; reports pass^N (every run passes)', '1')
    .option('--concurrency <n>', 'runs in flight (default: 1 offline, 4 openai)')
    .option(
      '--filter <terms...>',
      'industry=finance, profile=new-grad, case=tech-01/new-grad, posting=..., trait=agency, or text in the case id',
      [],
    )
    .option('--json', 'print the results as JSON instead of the table')
    .option('--bless', 'write this run into the baseline (refused with --filter or when a case errored)')
    .option(
      '--reading',
      'score how lede reads real postings (company, industry, hook, role, hiring manager) instead',
    )
    .option(
      '--letters',
      'score the critic on real letters people wrote (agreement, precision, recall per rule) instead',
    )
    .option(
      '--drafting',
      'score the offline letters for real postings with the example profiles (lead achievement, repeated ' +
        'openings and frames, length, unsupported claims) instead',
    )
    .option(
      '--dataset <folder>',
      'the dataset folder (with --reading or --drafting: datasets/real-postings; with --letters: datasets/real-letters)',
      'datasets',
    )
    .option('--baseline <file>', 'the baseline file (default: <dataset>/baseline.json)')
    .option(
      '--against <key>',
      "compare with another baseline entry, e.g. offline or openai:gpt-4o-mini (default: this run's)",
    )
    .option('--out <folder>', 'where results.json and report.md go', 'eval-out')
    .option('--templates <folder>', 'playbooks folder (default: bundled)')
    .option('--max-attempts <n>', 'attempts per letter (default: 3)')
    .option('--max-words <n>', 'word limit for the letter body (default: 250)');
  command.action(async (flags: EvalFlags) => {
    const { runEval } = await import('../../evals/run-eval.js');
    const { engineOverride } = context;
    const passed = await runEval(flags, {
      io: context.io,
      env: context.env,
      cwd: context.cwd,
      signal: context.signal,
      engineFor: engineOverride === undefined ? undefined : () => engineOverride,
      now: context.now,
      rules: context.rules,
    });
    if (!passed) context.setExitCode?.(ExitCode.rulesFailed);
  });
  return command;
}
