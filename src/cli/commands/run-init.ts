import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parse } from 'yaml';
import { InputError, OutputError } from '../../errors.js';
import { readDocumentText } from '../../input/read-document.js';
import { loadPlaybooks } from '../../playbooks/load-playbooks.js';
import { parseProfile } from '../../profile/load-profile.js';
import { buildProfileDraft } from '../../resume/build-profile-draft.js';
import { renderDraftYaml } from '../../resume/render-draft-yaml.js';
import type { CliContext } from '../cli-context.js';
import { inputPath } from '../input-path.js';
import { starterProfilePath } from '../starter-profile-path.js';

export interface InitFlags {
  readonly out: string;
  readonly from?: string;
  readonly force?: boolean;
  readonly json?: boolean;
}

/** The profile YAML drafted from a resume, checked with lede's own loader before anything is written. */
async function draftFromResume(
  context: CliContext,
  from: string,
): Promise<{ yaml: string; entries: number; unplaced: number }> {
  const { text } = await readDocumentText(inputPath(context, from), 'resume');
  const common = (await loadPlaybooks()).common;
  const draft = buildProfileDraft(text, { tools: common.tools, methods: common.methods });
  const entries = draft.achievements.length + draft.projects.length;
  if (entries === 0) {
    throw new InputError('resume.no-achievements', `${from}: lede found no achievement lines to import`, {
      file: from,
      hint: 'lede reads the bullets under a heading such as "Experience" or "Projects"; run `lede init` for a starter profile to fill in by hand',
    });
  }
  const yaml = renderDraftYaml(draft, from);
  // The draft must load as it is written: a failure here is lede's bug, not the resume's, and must not reach the disk.
  parseProfile(parse(yaml), `the profile drafted from ${from}`);
  return { yaml, entries, unplaced: draft.unplaced.length };
}

/** Writes the starter profile, or the profile drafted from `--from`, never over an existing file unasked. */
export async function runInit(flags: InitFlags, context: CliContext): Promise<void> {
  const target = inputPath(context, flags.out);
  const drafted = flags.from === undefined ? undefined : await draftFromResume(context, flags.from);
  try {
    await mkdir(dirname(target), { recursive: true });
    // Refuse atomically when the file exists (COPYFILE_EXCL, flag 'wx'), rather than check-then-write.
    if (drafted === undefined) await copyFile(starterProfilePath(), target, flags.force === true ? 0 : 1);
    else await writeFile(target, drafted.yaml, { flag: flags.force === true ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new InputError('input.exists', `${flags.out} already exists; lede init will not overwrite it`, {
        file: flags.out,
        hint: 'pass --force to overwrite it, or --out <file> to write somewhere else',
      });
    }
    throw new OutputError(
      'output.write-failed',
      `${flags.out} cannot be written (${code ?? 'unknown error'})`,
      {
        file: flags.out,
        hint: 'choose an --out path in a folder you can write to',
        cause: error,
      },
    );
  }
  if (flags.json === true) context.io.stdout(`${JSON.stringify({ written: target })}\n`);
  else if (drafted !== undefined) {
    context.io.stdout(
      `wrote ${flags.out}: ${drafted.entries} entries from ${flags.from}, each marked \`review:\`` +
        `${drafted.unplaced === 0 ? '' : ` (${drafted.unplaced} lines it could not place are listed at the end)`}.\n` +
        `Check every entry against your resume and delete its review line, then run\n` +
        `  lede draft <posting> --profile ${flags.out}\n`,
    );
  } else {
    context.io.stdout(
      `wrote ${flags.out}: replace the example values with your own, then run\n` +
        `  lede draft <posting> --profile ${flags.out}\n`,
    );
  }
}
