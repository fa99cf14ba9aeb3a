import { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { addEngineOptions, addLetterOptions } from '../engine-options.js';
import { exitCodesHelp } from '../exit-codes-help.js';
import { industryHelp } from '../industry-option.js';
import type { BatchFlags } from './run-batch.js';

const batchExitCodesHelp = `${exitCodesHelp}

In a batch the most serious outcome decides: an error that stopped the batch (3 endpoint: quota, auth, unknown model;
4 disk), then 130 (stopped by a signal or by --max-cost), then 3 (a posting's model calls failed), then 2 (a posting
could not be read), then 1 (a letter fails an error-level rule or the batch-level check), else 0.`;

/**
 * `lede batch <folder> --profile <file> --out <folder>`: one checked letter and report per posting, several at once,
 * within rate and cost budgets, resumable (a manifest in the output folder), with a summary table and summary.json.
 */
export function batchCommand(context: CliContext): Command {
  const command = new Command('batch')
    .description('write one checked letter and report for every posting (.txt, .md, .html) in a folder')
    .argument('<folder>', 'folder of postings')
    .option(
      '--profile <file>',
      'your profile, YAML or JSON; `lede init` writes a starter (default: profile in the config file; env LEDE_PROFILE)',
    )
    .option('--out <folder>', 'where letters, reports, manifest.json and summary.json are written', 'letters')
    .option(
      '--format <format>',
      'md (default) | txt | html | docx | pdf: also write each letter as <name>.letter.<ext>, with a letterhead for ' +
        'html, docx and pdf (the Markdown letter is always written: reruns and `lede check` read it)',
    )
    .option('--recursive', 'include postings in subfolders')
    .option('--force', 'redo every posting, even those unchanged since a successful run')
    .option('--concurrency <n>', 'postings in flight at once (default: 4; env LEDE_CONCURRENCY)')
    .option('--rpm <n>', 'requests per minute the endpoint allows (default: no limit; env LEDE_RPM)')
    .option(
      '--tpm <n>',
      'tokens per minute the endpoint allows, prompt + completion (default: no limit; env LEDE_TPM)',
    )
    .option(
      '--max-pause <seconds>',
      'longest wait the endpoint may ask for; a longer one stops the batch (default: 600; env LEDE_MAX_PAUSE)',
    )
    .option(
      '--max-cost <usd>',
      'stop before the estimated spend passes this many US dollars (env LEDE_MAX_COST)',
    )
    .option(
      '--prices <file>',
      'your price table, YAML or JSON: model: { input, output } in USD per million tokens (env LEDE_PRICES)',
    )
    .option('--dry-run', 'count postings and estimate calls, tokens and cost per model, then exit')
    .option(
      '--industry <name>',
      industryHelp('skip classification and use this industry playbook for every posting'),
    )
    .option('--quiet', 'no progress on stderr')
    .option('--json', 'print summary.json (or the dry-run plan) on stdout instead of the table')
    .option(
      '--via <mode>',
      'direct (default) | batch-api: send the model calls as OpenAI Batch API jobs (half price, answers within 24 h; resumable)',
    )
    .option(
      '--poll-interval <seconds>',
      'with --via batch-api: first wait between polls of a job, growing to 60 (default: 5)',
    );
  addLetterOptions(addEngineOptions(command));
  command.addHelpText('after', batchExitCodesHelp);
  command.action(async (folderArgument: string, flags: BatchFlags, self: Command) => {
    // Loaded on demand: `lede --help` must not pay for the pipeline, the critic and zod.
    const { runBatchCommand } = await import('./run-batch.js');
    await runBatchCommand(folderArgument, flags, self, context);
  });
  return command;
}
