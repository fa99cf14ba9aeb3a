import { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { ExitCode } from '../exit-code.js';
import { exitCodesHelpFor } from '../exit-codes-help.js';
import { inputPath } from '../input-path.js';

interface ReviewFlags {
  readonly json?: boolean;
}

/**
 * `lede review <out-folder>`: rebuilds `review.html` in a batch's output folder from the reports there and prints its
 * path. `lede batch` writes the same page at the end of every run.
 */
export function reviewCommand(context: CliContext): Command {
  const command = new Command('review')
    .description(
      "rebuild review.html in a batch's output folder: every letter with its findings, claims and hook",
    )
    .argument('<out-folder>', 'the folder `lede batch --out` wrote (it holds summary.json or manifest.json)')
    .option('--json', 'print { "written": <path> } as JSON');
  command.addHelpText('after', exitCodesHelpFor([ExitCode.ok, ExitCode.badInput, ExitCode.outputFailed]));
  command.action(async (folder: string, flags: ReviewFlags) => {
    // Loaded on demand: `lede --help` must not pay for zod and the schemas the page reads.
    const [{ writeReviewPage }, { createHeapGuard }] = await Promise.all([
      import('../../review/write-review-page.js'),
      import('../../batch/heap-guard.js'),
    ]);
    const heapGuard = createHeapGuard();
    const written = await writeReviewPage(inputPath(context, folder), {
      afterPosting: () => heapGuard.afterPosting(),
    });
    context.io.stdout(flags.json === true ? `${JSON.stringify({ written })}\n` : `${written}\n`);
  });
  return command;
}
