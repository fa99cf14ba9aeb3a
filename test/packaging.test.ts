import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');

/** The paths `npm pack` would put in the tarball (scripts off: this only lists, it builds nothing). */
async function packedFiles(): Promise<string[]> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const { stdout } = await run(npm, ['pack', '--dry-run', '--json', '--ignore-scripts', '--silent'], {
    cwd: root,
  });
  const [pack] = JSON.parse(stdout) as { files: { path: string }[] }[];
  return (pack?.files ?? []).map((file) => file.path);
}

describe('the npm package', () => {
  it('ships what a user runs: the CLI, the playbooks, the prompts and the examples, and nothing for developers', async () => {
    const files = await packedFiles();
    const unwanted = files.filter((path) =>
      /\.map$|^dist\/bench\/|^dist\/src\/evals\/|^dist\/test\/|^test\/|^datasets\/|^bench\/|^src\/.*\.ts$/.test(
        path,
      ),
    );
    expect(unwanted).toEqual([]);
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'templates/starter-profile.yaml',
        'templates/industries/tech.yaml',
        'src/prompts/draft-letter.md',
        'examples/profiles/experienced-mle.yaml',
      ]),
    );
  });
});
