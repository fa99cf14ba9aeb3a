import type { Command } from 'commander';
import { loadConfigFile } from '../config/load-config-file.js';
import { type Config, type ResolveOptions, redactConfig, resolveConfig } from '../config/resolve-config.js';
import type { CliContext } from './cli-context.js';

/**
 * Resolves a command's config from its flags (and the program's: `--config`, `--verbose`), the environment and the
 * config file. With `--verbose`, prints it to stderr with the API key redacted.
 */
export async function loadCommandConfig(
  command: Command,
  context: CliContext,
  defaults?: ResolveOptions['defaults'],
): Promise<Config> {
  const flags = command.optsWithGlobals<Record<string, unknown>>();
  const explicit = typeof flags.config === 'string' ? flags.config : undefined;
  const file = await loadConfigFile(context.cwd, explicit);
  const config = resolveConfig(flags, context.env, file, {
    cwd: context.cwd,
    ...(defaults === undefined ? {} : { defaults }),
  });
  if (config.verbose) context.io.stderr(`lede: config ${JSON.stringify(redactConfig(config))}\n`);
  return config;
}
