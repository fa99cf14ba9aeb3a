import type { Command } from 'commander';
import { ConfigError } from '../errors.js';
import type { AnalyzeOverrides } from '../pipeline/analyze-posting.js';
import { nameProblem } from '../posting/reading-checks.js';

/** `--company`, `--hook`, `--role`, `--hiring-manager`: what the user knows better than the reader. */
export interface ReadingFlags {
  readonly company?: string;
  readonly hook?: string;
  readonly role?: string;
  readonly hiringManager?: string;
}

/** Declares the four options on draft, check and classify. */
export function addReadingOptions(command: Command): Command {
  return command
    .option('--company <name>', 'the employer, when lede reads it wrong or the posting hides it')
    .option(
      '--hook <text>',
      'the product, project or initiative to connect to (a noun phrase: "the Relay feature store")',
    )
    .option('--role <title>', 'the job title, when lede reads it wrong')
    .option('--hiring-manager <name>', 'the person to address, when the posting names one lede missed');
}

/** The flags as overrides, each checked: one line, at most 80 characters, not an instruction. */
export function readingOverrides(flags: ReadingFlags): Omit<AnalyzeOverrides, 'industry'> {
  const checked = (flag: string, value: string | undefined): string | undefined => {
    if (value === undefined) return undefined;
    const trimmed = value.trim();
    const problem = trimmed === '' ? 'it is empty' : nameProblem(trimmed);
    if (problem !== null)
      throw new ConfigError('config.invalid', `--${flag} "${value}": ${problem}`, {
        field: flag,
        hint: `pass --${flag} with a short name on one line, e.g. --${flag} "${flag === 'hook' ? 'the Relay feature store' : 'Orbitly'}"`,
      });
    return trimmed;
  };
  return {
    company: checked('company', flags.company),
    hook: checked('hook', flags.hook),
    role: checked('role', flags.role),
    hiringManager: checked('hiring-manager', flags.hiringManager),
  };
}
