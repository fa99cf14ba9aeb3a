import { type Command, Option } from 'commander';

/**
 * Options of every command that runs a stage. Defaults are shown, not set: commander must leave an option undefined
 * when it is not passed, so environment variables and the config file can supply it (flag > env > file > default).
 * The option's attribute name equals its key in `configOptions`.
 */
export function addEngineOptions(command: Command): Command {
  return command
    .option(
      '--engine <engine>',
      'auto | offline | openai (default: auto: openai when OPENAI_API_KEY or OPENAI_BASE_URL is set; env LEDE_ENGINE)',
    )
    .option('--model <id>', 'model id for the openai engine (default: gpt-4o-mini; env LEDE_MODEL)')
    .option(
      '--base-url <url>',
      'OpenAI-compatible endpoint: Azure, Ollama, vLLM, llama.cpp, LM Studio (env OPENAI_BASE_URL)',
    )
    .option(
      '--analysis <mode>',
      'who reads the posting for a model: auto | model | offline (default: auto: the offline reading when confident; env LEDE_ANALYSIS)',
    )
    .option('--temperature <number>', 'sampling temperature, 0 to 2 (default: 0.4; env LEDE_TEMPERATURE)')
    .option(
      '--json-mode <mode>',
      'json_schema | json_object, for servers without JSON Schema (default: json_schema; env LEDE_JSON_MODE)',
    )
    .option('--cache <mode>', 'response cache: off | auto | record | strict (default: off; env LEDE_CACHE)')
    .option('--cache-dir <folder>', 'response cache folder (default: .lede-cache; env LEDE_CACHE_DIR)')
    .option('--timeout-ms <ms>', 'per-request timeout (default: 120000; env LEDE_TIMEOUT_MS)')
    .option(
      '--max-retries <n>',
      'transport retries for 429, 5xx and timeouts (default: 2; env LEDE_MAX_RETRIES)',
    )
    .option(
      '--templates <folder>',
      'playbooks folder: common.yaml + industries/*.yaml (default: bundled; env LEDE_TEMPLATES)',
    );
}

/** Options of every command that drafts or checks a letter. */
export function addLetterOptions(command: Command): Command {
  return command
    .option(
      '--max-attempts <n>',
      'attempts per letter, the first draft included (default: 3; env LEDE_MAX_ATTEMPTS)',
    )
    .option('--max-words <n>', 'word limit for the letter body (default: 250; env LEDE_MAX_WORDS)')
    .option(
      '--language <language>',
      "posting | en: a model writes the letter in the posting's language, or in English (default: posting; env LEDE_LANGUAGE)",
    );
}

/**
 * `--no-letterhead` for the commands that write letters. A lone `--no-x` makes commander default `x` to true, which
 * would hide the environment variable and the config file; the hidden `--letterhead` keeps it undefined until given.
 */
export function addLetterheadOption(command: Command): Command {
  return command
    .addOption(new Option('--letterhead', 'start a Markdown or text letter with the letterhead').hideHelp())
    .option(
      '--no-letterhead',
      'leave out the letterhead (your name and contact, the date, the company and role) above a Markdown or text letter (default: on; env LEDE_LETTERHEAD)',
    );
}
