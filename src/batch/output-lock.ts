import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { OutputError } from '../errors.js';

/** The lock file in a batch's output folder: present while a batch writes there, holding its owner's pid. */
export const lockFileName = '.lede-batch.lock';

/** Who holds a lock and whether a process still runs: the real process unless a test says otherwise. */
export interface LockOwner {
  readonly pid: number;
  isRunning(pid: number): boolean;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const thisProcess: LockOwner = { pid: process.pid, isRunning };

export interface OutputLock {
  release(): Promise<void>;
}

async function ownerOf(path: string): Promise<number | undefined> {
  try {
    const pid = (JSON.parse(await readFile(path, 'utf8')) as { pid?: unknown }).pid;
    return typeof pid === 'number' && Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function create(path: string, owner: LockOwner): Promise<boolean> {
  try {
    const handle = await open(path, 'wx');
    try {
      await handle.writeFile(`${JSON.stringify({ pid: owner.pid, since: new Date().toISOString() })}\n`);
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new OutputError('output.write-failed', `${path} cannot be created (the batch's lock)`, {
      file: path,
      hint: 'check the output folder and its permissions',
      cause: error,
    });
  }
}

/**
 * Takes the output folder for one batch: two batches writing one folder would each pay for every posting and leave a
 * manifest with only the last writer's entries. A lock left by a process that no longer runs (killed, crashed) is
 * taken over, with `onNotice` told so.
 */
export async function lockOutputFolder(
  out: string,
  onNotice: (message: string) => void,
  owner: LockOwner = thisProcess,
): Promise<OutputLock> {
  const path = join(out, lockFileName);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await create(path, owner)) {
      return { release: () => rm(path, { force: true }).catch(() => undefined) };
    }
    const pid = await ownerOf(path);
    if (pid !== undefined && owner.isRunning(pid)) {
      throw new OutputError(
        'output.folder-locked',
        `${out} is being written by another lede batch (process ${pid}); two batches in one folder would pay ` +
          "for every posting twice and lose each other's records",
        {
          file: out,
          hint: `wait for it to finish, or use another --out; if no batch runs, delete ${path}`,
        },
      );
    }
    onNotice(
      `taking over the lock in ${out}: it was left by ${pid === undefined ? 'an unknown process' : `process ${pid}`}, which no longer runs`,
    );
    await rm(path, { force: true });
  }
  throw new OutputError(
    'output.folder-locked',
    `${out} was locked again by another lede batch as this one started`,
    {
      file: out,
      hint: 'wait for the other batch to finish, or use another --out',
    },
  );
}
