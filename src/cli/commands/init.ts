import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Command } from 'commander';
import { InputError, OutputError } from '../../errors.js';
import { packageRoot } from '../../package-root.js';
import type { CliContext } from '../cli-context.js';
import { ExitCode } from '../exit-code.js';
import { exitCodesHelpFor } from '../exit-codes-help.js';
import { inputPath } from '../input-path.js';

interface InitFlags {
  readonly out: string;
  readonly force?: boolean;
  readonly json?: boolean;
}

/** The commented starter profile `lede init` writes. */
export function starterProfilePath(): string {
  return join(packageRoot(), 'templates', 'starter-profile.yaml');
}

/** `lede init [--out profile.yaml] [--force]`: writes a commented starter profile, never over an existing file unasked. */
export function initCommand(context: CliContext): Command {
  const command = new Command('init')
    .description('write a commented starter profile to fill in')
    .option('--out <file>', 'where to write it', 'profile.yaml')
    .option('--force', 'overwrite the file if it exists')
    .option('--json', 'print { "written": <path> } as JSON');
  command.addHelpText('after', exitCodesHelpFor([ExitCode.ok, ExitCode.badInput, ExitCode.outputFailed]));
  command.action(async (flags: InitFlags) => {
    const target = inputPath(context, flags.out);
    try {
      await mkdir(dirname(target), { recursive: true });
      // COPYFILE_EXCL: refuse atomically when the file exists, rather than check-then-write.
      await copyFile(starterProfilePath(), target, flags.force === true ? 0 : 1);
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
    else {
      context.io.stdout(
        `wrote ${flags.out}: replace the example values with your own, then run\n` +
          `  lede draft <posting> --profile ${flags.out}\n`,
      );
    }
  });
  return command;
}
