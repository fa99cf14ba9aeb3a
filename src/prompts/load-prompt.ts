import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import { packageRoot } from '../package-root.js';
import type { PromptTemplate } from './render-prompt.js';

/** The instruction files shipped with lede (package.json "files" includes src/prompts). */
export type PromptName =
  | 'analyze-posting'
  | 'draft-letter'
  | 'draft-request'
  | 'revise-letter'
  | 'write-in-language'
  | 'repair-output'
  | 'json-object-instruction'
  | 'level-experienced'
  | 'level-early-career'
  | 'level-career-changer';

export function promptsFolder(): string {
  return join(packageRoot(), 'src', 'prompts');
}

const loaded = new Map<PromptName, Promise<PromptTemplate>>();

async function read(name: PromptName): Promise<PromptTemplate> {
  const path = join(promptsFolder(), `${name}.md`);
  try {
    return { name: path, text: (await readFile(path, 'utf8')).replace(/\r\n?/g, '\n').trim() };
  } catch (error) {
    throw new ConfigError('config.prompt-missing', `${path} cannot be read`, {
      file: path,
      hint: 'reinstall lede (npm ci); the prompt files ship in src/prompts',
      cause: error,
    });
  }
}

/** Reads a prompt file once per process. */
export function loadPrompt(name: PromptName): Promise<PromptTemplate> {
  let template = loaded.get(name);
  if (template === undefined) {
    template = read(name);
    // A failed read is not cached, so a fixed file is picked up on the next call.
    template.catch(() => loaded.delete(name));
    loaded.set(name, template);
  }
  return template;
}
