import { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { addEngineOptions, addLetterheadOption, addLetterOptions } from '../engine-options.js';
import { exitCodesHelp } from '../exit-codes-help.js';
import { industryHelp } from '../industry-option.js';
import { addPostingSourceOptions, postingArgumentHelp } from '../posting-source-options.js';
import { addReadingOptions } from '../reading-options.js';
import type { DraftFlags } from './run-draft.js';

/** `lede draft <posting> --profile <file> [--out <file>]`: one letter and its report. */
export function draftCommand(context: CliContext): Command {
  const command = new Command('draft')
    .description('write one tailored, rule-checked letter for a posting, with its report')
    .argument('<posting>', postingArgumentHelp)
    .option(
      '--profile <file>',
      'your profile, YAML or JSON; `lede init` writes a starter (default: profile in the config file; env LEDE_PROFILE)',
    )
    .option(
      '--out <file>',
      'write the letter here, and its report beside it (<name>.report.md and .report.json); the extension sets the ' +
        'format (.md, .txt, .html, .docx, .pdf); without it the letter goes to stdout alone and the report to stderr',
    )
    .option(
      '--format <format>',
      'md (default) | txt | html | docx | pdf: html, docx and pdf add a letterhead from your profile; without --out, ' +
        'docx and pdf go to stdout only when it is redirected (default: the --out extension)',
    )
    .option('--industry <name>', industryHelp('skip classification and use this industry playbook'))
    .option('--json', 'print the full result (or, with --out, the written paths) as JSON')
    .option(
      '--prices <file>',
      "your price table for the report's cost, YAML or JSON: model: { input, output } in USD per million tokens (env LEDE_PRICES)",
    );
  addReadingOptions(command);
  addPostingSourceOptions(command);
  addLetterheadOption(addLetterOptions(addEngineOptions(command)));
  command.addHelpText('after', exitCodesHelp);
  command.action(async (postingArgument: string, flags: DraftFlags, self: Command) => {
    const { runDraft } = await import('./run-draft.js');
    await runDraft(postingArgument, flags, self, context);
  });
  return command;
}
