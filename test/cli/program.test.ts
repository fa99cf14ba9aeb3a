import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFakeEngine } from '../support/fake-engine.js';
import { experiencedProfile, orbitlyAnalysis, orbitlyPosting, strongOrbitlyLetter } from './examples.js';
import { runLede, temporaryFolder } from './run-lede.js';

const commands = ['draft', 'batch', 'classify', 'check', 'init', 'schema'];

function configLine(stderr: string): Record<string, unknown> {
  const line = stderr.split('\n').find((text) => text.startsWith('lede: config '));
  if (line === undefined) throw new Error(`no config line in: ${stderr}`);
  return JSON.parse(line.slice('lede: config '.length));
}

describe('lede (the program)', () => {
  it('lists every command and the exit codes in --help, exit 0', async () => {
    const run = await runLede(['--help'], { cwd: await temporaryFolder() });
    expect(run.exitCode).toBe(0);
    for (const command of commands) expect(run.stdout).toMatch(new RegExp(`\\n  ${command}\\b`));
    expect(run.stdout).toContain('Exit codes:\n  0    success\n  1    a letter fails an error-level rule\n');
    expect(run.stdout).toContain('  130  interrupted (Ctrl-C or SIGTERM)');
  });

  it.each(commands)('documents the exit codes in `lede %s --help`', async (command) => {
    const run = await runLede([command, '--help'], { cwd: await temporaryFolder() });
    expect({
      exitCode: run.exitCode,
      exitCodes: run.stdout.includes('\nExit codes:\n'),
      json: run.stdout.includes('--json'),
    }).toEqual({
      exitCode: 0,
      exitCodes: true,
      json: true,
    });
  });

  it.each([
    ['draft', '0 1 2 3 4 130'],
    ['batch', '0 1 2 3 4 130'],
    ['check', '0 1 2 3 130'],
    ['classify', '0 2 3 130'],
    ['init', '0 2 4'],
    ['schema', '0 2'],
  ])('`lede %s --help` lists only the exit codes it can end with: %s', async (command, codes) => {
    const run = await runLede([command, '--help'], { cwd: await temporaryFolder() });
    const table = run.stdout.split('\nExit codes:\n')[1]?.split('\n\n')[0] ?? '';
    const listed = table
      .split('\n')
      .map((line) => /^ {2}(\d+) /.exec(line)?.[1])
      .filter((code) => code !== undefined);
    expect(listed.join(' ')).toBe(codes);
  });

  it.each(['draft', 'batch', 'check'])(
    '`lede %s --help` names the industries --industry takes',
    async (command) => {
      const run = await runLede([command, '--help'], { cwd: await temporaryFolder() });
      const help = run.stdout.replace(/\s+/g, ' ');
      expect(help).toContain('finance, general, retail, tech, or one you add with --templates');
    },
  );

  it('prints its version', async () => {
    const run = await runLede(['--version'], { cwd: await temporaryFolder() });
    expect({ exitCode: run.exitCode, stdout: run.stdout }).toEqual({ exitCode: 0, stdout: '0.1.0\n' });
  });

  it("exits 2 on an unknown command, with commander's message", async () => {
    const run = await runLede(['drfat'], { cwd: await temporaryFolder() });
    expect(run).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: "error: unknown command 'drfat'\n(Did you mean draft?)\n(add --help for usage)\n",
    });
  });

  it('exits 2 and shows help when no command is given', async () => {
    const run = await runLede([], { cwd: await temporaryFolder() });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('Usage: lede [options] [command]');
  });

  describe('config precedence through the CLI: flag > env > config file > default', () => {
    async function resolvedWith(options: { flags?: string[]; env?: Record<string, string>; file?: object }) {
      const cwd = await temporaryFolder();
      await writeFile(join(cwd, 'letter.md'), strongOrbitlyLetter);
      if (options.file !== undefined)
        await writeFile(join(cwd, 'lede.config.json'), JSON.stringify(options.file));
      const run = await runLede(['check', 'letter.md', '--verbose', ...(options.flags ?? [])], {
        cwd,
        env: options.env ?? {},
      });
      const config = configLine(run.stderr);
      return { maxWords: config.maxWords, source: (config.sources as Record<string, string>).maxWords };
    }

    it.each([
      { name: 'default', options: {}, expected: { maxWords: 250, source: 'default' } },
      { name: 'file', options: { file: { maxWords: 200 } }, expected: { maxWords: 200, source: 'file' } },
      {
        name: 'env over file',
        options: { file: { maxWords: 200 }, env: { LEDE_MAX_WORDS: '180' } },
        expected: { maxWords: 180, source: 'env' },
      },
      {
        name: 'flag over env and file',
        options: { file: { maxWords: 200 }, env: { LEDE_MAX_WORDS: '180' }, flags: ['--max-words', '150'] },
        expected: { maxWords: 150, source: 'flag' },
      },
    ])('$name', async ({ options, expected }) => {
      expect(await resolvedWith(options)).toEqual(expected);
    });

    it('reads the file --config names', async () => {
      const cwd = await temporaryFolder();
      await writeFile(join(cwd, 'letter.md'), strongOrbitlyLetter);
      await writeFile(join(cwd, 'team.yaml'), 'maxWords: 220\n');
      const run = await runLede(['--config', 'team.yaml', 'check', 'letter.md', '--verbose'], { cwd });
      expect(configLine(run.stderr)).toMatchObject({ maxWords: 220, configFile: join(cwd, 'team.yaml') });
    });

    it('exits 2 naming the config file and key when the file holds a bad value', async () => {
      const cwd = await temporaryFolder();
      await writeFile(join(cwd, 'letter.md'), strongOrbitlyLetter);
      await writeFile(join(cwd, 'lede.config.yaml'), 'cache: always\n');
      const run = await runLede(['check', 'letter.md'], { cwd });
      expect(run).toEqual({
        exitCode: 2,
        stdout: '',
        stderr:
          `error: ${join(cwd, 'lede.config.yaml')}: cache must be one of off, auto, record, strict (got "always")\n` +
          '  hint: fix the value in the config file, or remove the key for the default\n',
      });
    });

    it('exits 2 naming the environment variable when it holds a bad value', async () => {
      const cwd = await temporaryFolder();
      await writeFile(join(cwd, 'letter.md'), strongOrbitlyLetter);
      const run = await runLede(['check', 'letter.md'], { cwd, env: { LEDE_ENGINE: 'gpt4' } });
      expect(run).toEqual({
        exitCode: 2,
        stdout: '',
        stderr:
          'error: LEDE_ENGINE must be one of auto, offline, openai (got "gpt4")\n' +
          '  hint: set LEDE_ENGINE to one of auto, offline, openai, or unset it\n',
      });
    });
  });

  it('--verbose prints the config with the key redacted', async () => {
    const cwd = await temporaryFolder();
    await writeFile(join(cwd, 'letter.md'), strongOrbitlyLetter);
    const run = await runLede(['check', 'letter.md', '--verbose'], {
      cwd,
      env: { OPENAI_API_KEY: 'test-key-not-real' },
    });
    expect(configLine(run.stderr).apiKey).toBe('(set, redacted)');
    expect(`${run.stdout}${run.stderr}`).not.toContain('test-key-not-real');
  });

  it('scrubs the API key from anything a command prints', async () => {
    const apiKey = 'test-key-not-real-0123456789';
    const cwd = await temporaryFolder();
    const engine = createFakeEngine({
      analysis: orbitlyAnalysis,
      letters: [`${strongOrbitlyLetter}\n${apiKey}`],
    });
    const run = await runLede(['draft', orbitlyPosting, '--profile', experiencedProfile, '--json'], {
      cwd,
      engine,
      env: { OPENAI_API_KEY: apiKey },
    });
    expect(run.stdout).not.toContain(apiKey);
    expect(JSON.parse(run.stdout).letter).toBe(`${strongOrbitlyLetter}\n[redacted]`);
  });

  it('shows no stack trace without --verbose, and one with it', async () => {
    const cwd = await temporaryFolder();
    await writeFile(join(cwd, 'me.yaml'), 'name: [unclosed\n');
    const quiet = await runLede(['draft', 'posting.txt', '--profile', 'me.yaml'], { cwd });
    expect(quiet.exitCode).toBe(2);
    expect(quiet.stderr).not.toMatch(/\n\s+at /);
    const verbose = await runLede(['draft', 'posting.txt', '--profile', 'me.yaml', '--verbose'], { cwd });
    expect(verbose.stderr).toMatch(/\n\s+at /);
  });
});
