import { join } from 'node:path';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { type BatchOutput, gatherBatchOutput, readPostingResult } from './gather-batch-output.js';
import { renderReviewPage } from './render-review-page.js';
import { buildReviewPage, type ReviewPosting, reviewPosting } from './review-model.js';

export const reviewPageFileName = 'review.html';

export interface ReviewPageOptions {
  /** Called after each posting is rendered: the CLI passes the batch's heap guard, so ten thousand stay flat. */
  readonly afterPosting?: (() => Promise<void> | undefined) | undefined;
}

/** Each posting of the output, its report read when its turn comes. */
async function* postingsOf(output: BatchOutput, options: ReviewPageOptions): AsyncGenerator<ReviewPosting> {
  let number = 0;
  for (const row of output.rows) {
    yield reviewPosting(await readPostingResult(output.out, row), ++number);
    await options.afterPosting?.();
  }
}

/**
 * Builds `review.html` in a batch's output folder from what is there (summary, manifest, report JSONs) and returns
 * its path. Written atomically, so a reader never sees half a page, and a posting at a time, so memory stays flat.
 */
export async function writeReviewPage(out: string, options: ReviewPageOptions = {}): Promise<string> {
  const output = await gatherBatchOutput(out);
  const path = join(out, reviewPageFileName);
  await writeFileAtomic(path, renderReviewPage(buildReviewPage(output), postingsOf(output, options)));
  return path;
}
