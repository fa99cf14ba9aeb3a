import { z } from 'zod';

/** A job posting as lede reads it: plain text (HTML already reduced to text) and where it came from. */
export const PostingSchema = z.object({
  /** The file path, or a label such as "stdin" or a dataset case id. */
  source: z.string(),
  text: z.string(),
  /** The language the posting is written in when it is clearly not English ("German"); absent for English. */
  language: z.string().optional(),
});
export type Posting = z.infer<typeof PostingSchema>;
