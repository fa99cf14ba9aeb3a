import type { Command } from 'commander';
import { ConfigError, InputError } from '../../errors.js';
import { printableName } from '../../input/printable-name.js';
import { analyzePosting } from '../../pipeline/analyze-posting.js';
import { loadPlaybooks } from '../../playbooks/load-playbooks.js';
import type { CliContext } from '../cli-context.js';
import { createEngine } from '../create-engine.js';
import { exitCodeFor } from '../exit-code-for.js';
import { formatError } from '../format-error.js';
import { inputPath } from '../input-path.js';
import { loadCommandConfig } from '../load-command-config.js';
import {
  postingArgumentKind,
  readPostingArgument,
  refuseStdinTwice,
  stdinSource,
} from '../read-posting-argument.js';
import { type ReadingFlags, readingOverrides } from '../reading-options.js';
import { quoteEvidence } from '../render-critique.js';

export interface ClassifyFlags extends ReadingFlags {
  readonly json?: boolean;
}

/** The classify command's handler, loaded only when the command runs (so `lede --help` stays fast). */
export async function runClassify(
  postingArguments: string[],
  flags: ClassifyFlags,
  command: Command,
  context: CliContext,
): Promise<void> {
  const config = await loadCommandConfig(command, context);
  const playbooks = await loadPlaybooks(config.templates);
  const engine = await createEngine(config, context);
  const deps = { engine, playbooks, signal: context.signal, analysis: config.analysis };
  const overrides = readingOverrides(flags);
  refuseStdinTwice(postingArguments);
  for (const argument of postingArguments) {
    const kind = postingArgumentKind(argument);
    const source = kind === 'file' ? inputPath(context, argument) : kind === 'stdin' ? stdinSource : argument;
    let line: string;
    try {
      const posting = await readPostingArgument(argument, context, config);
      const { industry, analysis, usage } = await analyzePosting(posting, deps, overrides);
      if (flags.json === true) {
        line = `${JSON.stringify({ source, ...industry, ...analysis, usage })}\n`;
      } else {
        const signals = industry.signals.length === 0 ? '' : `; ${industry.signals.join(', ')}`;
        line = [
          printableName(source),
          `  industry: ${industry.industry} (confidence ${industry.confidence.toFixed(2)}${signals})`,
          `  company:  ${analysis.company ?? '(not named)'}`,
          `  hook:     ${analysis.hook?.text ?? '(none found)'}`,
          // The posting's own words on a line of their own, so the hook and its evidence do not run together.
          ...(analysis.hook === null ? [] : [`  evidence: ${quoteEvidence(analysis.hook.evidence)}`]),
          ...(analysis.requiredTools.length === 0
            ? []
            : [`  tools:    ${analysis.requiredTools.join(', ')}`]),
          '',
        ].join('\n');
        line += '\n';
      }
    } catch (error) {
      // One bad posting (or bad setting) must not hide the others; anything else stops the run.
      if (!(error instanceof InputError || error instanceof ConfigError)) throw error;
      context.setExitCode?.(exitCodeFor(error));
      if (flags.json === true) {
        line = `${JSON.stringify({ source, error: { code: error.code, message: error.message, hint: error.hint ?? null } })}\n`;
      } else {
        context.io.stderr(formatError(error, { verbose: config.verbose, apiKey: config.apiKey }).text);
        continue;
      }
    }
    context.io.stdout(line);
  }
}
