import { join } from 'node:path';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { gatherBatchOutput } from './gather-batch-output.js';
import { renderReviewPage } from './render-review-page.js';
import { buildReviewModel } from './review-model.js';

export const reviewPageFileName = 'review.html';

/**
 * Builds `review.html` in a batch's output folder from what is there (summary, manifest, report JSONs) and returns
 * its path. Written atomically, so a reader never sees half a page.
 */
export async function writeReviewPage(out: string): Promise<string> {
  const page = buildReviewModel(await gatherBatchOutput(out));
  const path = join(out, reviewPageFileName);
  await writeFileAtomic(path, renderReviewPage(page));
  return path;
}
