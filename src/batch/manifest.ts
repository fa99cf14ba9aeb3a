import { type FileHandle, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { OutputError } from '../errors.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { UsageSchema } from '../pipeline/usage.js';
import { jsonChunksWithItemLines } from './format-json.js';

export const manifestFileName = 'manifest.json';
/** Entries finished since the last snapshot, one JSON line each: appending is cheap and survives a crash. */
export const journalFileName = 'manifest.journal.jsonl';

export const PostingStatusSchema = z.enum([
  'passed',
  'passed-after-revision',
  'failed',
  'bad-input',
  'error',
]);
/** passed / passed-after-revision / failed: the critic's verdict; bad-input: unreadable posting; error: engine or disk. */
export type PostingStatus = z.infer<typeof PostingStatusSchema>;

export const OutputFilesSchema = z.object({
  letter: z.string(),
  report: z.string(),
  reportJson: z.string(),
  /** The letter in another format than Markdown (`--format docx`); absent in manifests from before formats. */
  document: z.string().optional(),
});

/** What the manifest remembers about one posting. */
export const ManifestEntrySchema = z.object({
  /** The posting's path relative to the batch folder. */
  posting: z.string(),
  /** Hash of everything the result depends on: posting, profile, playbooks, config, engine and model. */
  inputHash: z.string(),
  status: PostingStatusSchema,
  /** File names inside the output folder; null when nothing was written. */
  outputs: OutputFilesSchema.nullable(),
  industry: z.string().nullable(),
  company: z.string().nullable(),
  attempts: z.number().int().min(0),
  words: z.number().int().min(0),
  usage: UsageSchema,
  /** Error-level rules the best attempt still fails. */
  failedRules: z.array(z.string()),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  finishedAt: z.string(),
});
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

export const ManifestSchema = z.object({
  version: z.literal(1),
  updatedAt: z.string(),
  entries: z.record(z.string(), ManifestEntrySchema),
  /** State of a `--via batch-api` run, so polling resumes after a restart. */
  batchApi: z.unknown().optional(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export function emptyManifest(): Manifest {
  return { version: 1, updatedAt: new Date(0).toISOString(), entries: {} };
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new OutputError(
      'output.manifest-unreadable',
      `${path} cannot be read (${code ?? 'unknown error'})`,
      {
        file: path,
        hint:
          code === 'ENOTDIR'
            ? 'a part of the --out path is a file, not a folder: choose another output folder'
            : 'check that the output folder is readable',
        cause: error,
      },
    );
  }
}

/**
 * Reads the manifest of an output folder: the last snapshot plus every entry journaled since. A missing manifest is an
 * empty one; an unreadable one is an error that says how to start over, never silently discarded work.
 */
export async function loadManifest(outFolder: string): Promise<Manifest> {
  const path = join(outFolder, manifestFileName);
  const text = await readIfPresent(path);
  let manifest = emptyManifest();
  if (text !== undefined) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new OutputError('output.manifest-corrupt', `${path} is not valid JSON`, {
        file: path,
        hint: 'delete it (every posting will be redone) or restore it from a backup',
        cause: error,
      });
    }
    const parsed = ManifestSchema.safeParse(data);
    if (!parsed.success) {
      throw new OutputError('output.manifest-invalid', `${path} is not a lede batch manifest (version 1)`, {
        file: path,
        hint: 'use an empty output folder, or delete the manifest to redo every posting',
        cause: parsed.error,
      });
    }
    manifest = parsed.data;
  }
  const journal = await readIfPresent(join(outFolder, journalFileName));
  for (const line of journal?.split('\n') ?? []) {
    if (line.trim() === '') continue;
    // A crash mid-append leaves at most one torn last line; that posting is simply redone.
    const entry = ManifestEntrySchema.safeParse(safeJson(line));
    if (entry.success) manifest.entries[entry.data.posting] = entry.data;
  }
  return manifest;
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/**
 * The manifest of a running batch: each finished posting is appended to the journal at once (so a crash loses
 * nothing finished), and `snapshot` folds the journal into `manifest.json` atomically.
 */
export class ManifestWriter {
  readonly manifest: Manifest;
  private readonly folder: string;
  private journal: FileHandle | undefined;
  private pending: Promise<void> = Promise.resolve();

  constructor(folder: string, manifest: Manifest) {
    this.folder = folder;
    this.manifest = manifest;
  }

  /** Records one posting; resolves once the line is in the journal. Writes are serialized. */
  record(entry: ManifestEntry): Promise<void> {
    this.manifest.entries[entry.posting] = entry;
    return this.enqueue(async () => {
      this.journal ??= await open(join(this.folder, journalFileName), 'a');
      await this.journal.appendFile(`${JSON.stringify(entry)}\n`, 'utf8');
    });
  }

  /** Keeps the Batch API run's state in the manifest: every snapshot from now on writes it as it then is. */
  holdBatchApiState(state: unknown): void {
    this.manifest.batchApi = state;
  }

  /** Writes `manifest.json` with everything recorded so far and empties the journal. */
  snapshot(): Promise<void> {
    return this.enqueue(async () => {
      this.manifest.updatedAt = new Date().toISOString();
      const entries = Object.fromEntries(
        Object.entries(this.manifest.entries).sort(([a], [b]) => (a < b ? -1 : 1)),
      );
      await writeFileAtomic(
        join(this.folder, manifestFileName),
        jsonChunksWithItemLines({ ...this.manifest, entries }, 'entries'),
      );
      await this.journal?.close();
      this.journal = undefined;
      await rm(join(this.folder, journalFileName), { force: true });
    });
  }

  async close(): Promise<void> {
    await this.pending;
    await this.journal?.close();
    this.journal = undefined;
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.pending.then(task);
    // A failed write must not block later ones; the caller of this write still sees the error.
    this.pending = next.catch(() => undefined);
    return next.catch((error: unknown) => {
      if (error instanceof OutputError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new OutputError(
        'output.manifest-write-failed',
        `${this.folder}: the batch manifest cannot be written`,
        {
          file: join(this.folder, journalFileName),
          hint:
            code === 'ENOSPC'
              ? 'free some disk space and run again'
              : 'check that the output folder is writable',
          cause: error,
        },
      );
    });
  }
}
