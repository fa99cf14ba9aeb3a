import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { Command } from 'commander';
import { ConfigError, ExitCode } from '../../errors.js';
import { runPipeline } from '../../pipeline/run-pipeline.js';
import { loadPlaybooks } from '../../playbooks/load-playbooks.js';
import { loadPosting, postingExtensions } from '../../posting/load-posting.js';
import { loadProfile } from '../../profile/load-profile.js';
import type { CliContext } from '../cli-context.js';

interface BatchFlags {
  readonly profile: string;
  readonly out: string;
}

/** `lede batch <folder> --profile <file> --out <folder>`: one letter and one report per posting in the folder. */
export function batchCommand(context: CliContext): Command {
  return new Command('batch')
    .description('write one checked letter and report for every posting (.txt, .md, .html) in a folder')
    .argument('<folder>', 'folder of postings')
    .requiredOption('--profile <file>', 'your profile (YAML or JSON)')
    .requiredOption('--out <folder>', 'where letters and reports are written')
    .action(async (folder: string, flags: BatchFlags) => {
      const engine = context.engineOverride;
      if (engine === undefined) {
        throw new ConfigError('config.engine-unavailable', 'lede batch needs an engine', {
          hint: 'pass --engine',
        });
      }
      const profile = await loadProfile(resolve(context.cwd, flags.profile));
      const playbooks = await loadPlaybooks();
      const input = resolve(context.cwd, folder);
      const out = resolve(context.cwd, flags.out);
      await mkdir(out, { recursive: true });
      let exitCode: ExitCode = ExitCode.ok;
      for (const name of (await readdir(input)).sort()) {
        if (name.startsWith('.') || !(postingExtensions as readonly string[]).includes(extname(name)))
          continue;
        const result = await runPipeline(await loadPosting(join(input, name)), profile, {
          engine,
          playbooks,
        });
        await writeFile(join(out, `${basename(name, extname(name))}.letter.md`), `${result.letter}\n`);
        if (result.status === 'failed') exitCode = ExitCode.rulesFailed;
        context.io.stdout(`${name}\t${result.industry.industry}\t${result.status}\n`);
      }
      process.exitCode = exitCode;
    });
}
