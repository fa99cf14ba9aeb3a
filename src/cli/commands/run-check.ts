import { extname } from 'node:path';
import type { Command } from 'commander';
import { critiqueLetter } from '../../critic/critique-letter.js';
import { InputError } from '../../errors.js';
import { readStdin } from '../../input/read-stdin.js';
import { decodeText, readTextFile } from '../../input/read-text-file.js';
import { analyzePosting } from '../../pipeline/analyze-posting.js';
import { criticContextFor } from '../../pipeline/critic-context.js';
import { loadPlaybooks, playbookFor } from '../../playbooks/load-playbooks.js';
import type { Posting } from '../../posting/posting.js';
import { loadProfile } from '../../profile/load-profile.js';
import type { Profile } from '../../profile/profile-schema.js';
import type { CliContext } from '../cli-context.js';
import { createEngine } from '../create-engine.js';
import { ExitCode } from '../exit-code.js';
import { industryOption } from '../industry-option.js';
import { inputFile } from '../input-path.js';
import { loadCommandConfig } from '../load-command-config.js';
import { readPostingArgument, refuseStdinTwice, stdinSource } from '../read-posting-argument.js';
import { type ReadingFlags, readingOverrides } from '../reading-options.js';
import { renderCritique } from '../render-critique.js';
import { warnReviewMarkers } from '../warn-review-markers.js';

export interface CheckFlags extends ReadingFlags {
  readonly posting?: string;
  readonly profile?: string;
  readonly industry?: string;
  readonly json?: boolean;
}

/** Letters `lede check` reads: plain text and Markdown (no extension is read as text). */
export const letterExtensions = ['.txt', '.md', '.markdown'] as const;

/** The letter from standard input (`-`): the same checks as a file, bar the extension. */
async function letterFromStdin(context: CliContext): Promise<string> {
  const bytes = await readStdin(context.stdin ?? { isTTY: true, async *[Symbol.asyncIterator]() {} }, {
    kind: 'letter',
  });
  const letter = decodeText(bytes, stdinSource, 'letter');
  if (letter.trim() === '') {
    throw new InputError('letter.empty', 'the letter on standard input is empty', {
      file: stdinSource,
      hint: 'pipe the letter in, e.g. `pbpaste | lede check -`',
    });
  }
  return letter;
}

async function loadLetter(path: string): Promise<string> {
  const extension = extname(path).toLowerCase();
  if (extension !== '' && !(letterExtensions as readonly string[]).includes(extension)) {
    throw new InputError(
      'letter.unsupported-type',
      `${path}: lede checks ${letterExtensions.join(', ')} letters`,
      {
        file: path,
        hint: 'save the letter as plain text or Markdown (copy it out of the word processor)',
      },
    );
  }
  const letter = await readTextFile(path, 'letter');
  if (letter.trim() === '') {
    throw new InputError('letter.empty', `${path} is empty`, {
      file: path,
      hint: 'write or paste the letter into it',
    });
  }
  return letter;
}

/** The check command's handler, loaded only when the command runs (so `lede --help` stays fast). */
export async function runCheck(
  letterArgument: string,
  flags: CheckFlags,
  command: Command,
  context: CliContext,
): Promise<void> {
  const config = await loadCommandConfig(command, context, { engine: 'offline' });
  refuseStdinTwice([letterArgument, flags.posting]);
  const letter =
    letterArgument === '-'
      ? await letterFromStdin(context)
      : await loadLetter(inputFile(context, letterArgument, 'letter'));
  const profile: Profile | null =
    flags.profile === undefined ? null : await loadProfile(inputFile(context, flags.profile, 'profile'));
  if (profile !== null && flags.profile !== undefined) warnReviewMarkers(profile, flags.profile, context.io);
  const posting: Posting | null =
    flags.posting === undefined ? null : await readPostingArgument(flags.posting, context, config);
  const playbooks = await loadPlaybooks(config.templates);
  const industry = industryOption(flags.industry, playbooks);
  const analyzed =
    posting === null
      ? null
      : await analyzePosting(
          posting,
          { engine: await createEngine(config, context), playbooks, signal: context.signal },
          { ...readingOverrides(flags), industry },
        );
  const criticContext = criticContextFor({
    playbook: playbookFor(playbooks, analyzed?.industry.industry ?? industry ?? 'general'),
    playbooks,
    posting,
    analysis: analyzed?.analysis ?? null,
    profile,
    maxWords: config.maxWords,
  });
  const critique = critiqueLetter(letter, criticContext);
  if (!critique.passed) context.setExitCode?.(ExitCode.rulesFailed);
  if (flags.json === true) {
    const { passed, findings, skipped } = critique;
    context.io.stdout(
      `${JSON.stringify({ passed, industry: critique.industry, findings, skipped }, null, 2)}\n`,
    );
  } else {
    context.io.stdout(renderCritique(critique, letterArgument === '-' ? stdinSource : letterArgument));
  }
}
