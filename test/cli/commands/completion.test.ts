import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runLede } from '../run-lede.js';

/** Asks the bash script what it would complete after `words`, as bash does when Tab is pressed. */
function bashCompletes(script: string, words: readonly string[]): string[] {
  const program = [
    script,
    `COMP_WORDS=(${words.map((word) => `'${word}'`).join(' ')})`,
    `COMP_CWORD=${words.length - 1}`,
    '_lede',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a bash expansion, not a template
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  return execFileSync('bash', ['-c', program], { encoding: 'utf8', cwd: tmpdir() })
    .split('\n')
    .filter(Boolean);
}

describe('lede completion', () => {
  it('completes commands and each command’s own options in bash, from the program itself', async () => {
    const { exitCode, stdout } = await runLede(['completion', 'bash'], { cwd: tmpdir() });
    expect(exitCode).toBe(0);
    expect(bashCompletes(stdout, ['lede', 'dr'])).toEqual(['draft']);
    expect(bashCompletes(stdout, ['lede', 'batch', '--dry'])).toEqual(['--dry-run']);
    const init = bashCompletes(stdout, ['lede', 'init', '--']);
    expect(init).toEqual(expect.arrayContaining(['--out', '--force', '--json', '--help', '--config']));
    expect(init).not.toContain('--dry-run');
    // The developers' eval command is hidden from help, and from completion.
    expect(bashCompletes(stdout, ['lede', 'e'])).toEqual([]);
  });

  it('offers a command’s fixed argument values, and files where the argument is a file', async () => {
    const { stdout } = await runLede(['completion', 'bash'], { cwd: tmpdir() });
    expect(bashCompletes(stdout, ['lede', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
    expect(bashCompletes(stdout, ['lede', 'schema', 'p'])).toEqual(['profile']);
    expect(bashCompletes(stdout, ['lede', 'draft', '/et'])).toEqual(['/etc']);
  });

  it('writes zsh through bash completion, and fish completions per command and option', async () => {
    const zsh = (await runLede(['completion', 'zsh'], { cwd: tmpdir() })).stdout;
    expect(zsh).toContain('bashcompinit');
    expect(zsh).toContain('complete -o filenames -F _lede lede');
    const fish = (await runLede(['completion', 'fish'], { cwd: tmpdir() })).stdout;
    expect(fish).toContain('complete -c lede -f -n __fish_use_subcommand -a draft');
    expect(fish).toContain("complete -c lede -n '__fish_seen_subcommand_from batch' -l dry-run");
  });

  it('refuses a shell it does not know, naming the ones it does', async () => {
    const run = await runLede(['completion', 'powershell'], { cwd: tmpdir() });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('bash, zsh, fish');
  });
});
