import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { bundledTemplatesFolder } from '../../src/playbooks/load-playbooks.js';
import { newTemporaryFolder } from '../support/temporary-folder.js';

async function evalIn(root: string, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['eval', ...argv], {
    io: { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), isTty: false },
    env: {},
    cwd: root,
  });
  return { code, stdout, stderr };
}

describe('npm run eval with the offline engine and the real rulebook', () => {
  it('fails when a playbook vocabulary word is removed, naming the scorer and the cases', async () => {
    const root = await newTemporaryFolder('regression');
    await cp('datasets', join(root, 'datasets'), {
      recursive: true,
      filter: (source) => !source.endsWith('baseline.json'),
    });
    // Finance letters from the career changer cite SHAP from the side project; the finance rules look it up.
    await writeFile(
      join(root, 'datasets', 'cases.yaml'),
      [
        'cases:',
        '  - { id: finance-02/career-changer, posting: finance-02-caldera-tech-hub, profile: career-changer }',
        '  - { id: finance-12/career-changer, posting: finance-12-hearthside-insurtech, profile: career-changer }',
        '',
      ].join('\n'),
    );
    const blessed = await evalIn(root, ['--bless']);
    expect(blessed.code).toBe(0);

    await cp(bundledTemplatesFolder(), join(root, 'templates'), { recursive: true });
    const finance = join(root, 'templates', 'industries', 'finance.yaml');
    const original = await readFile(finance, 'utf8');
    const edited = original.replace('[SHAP, LIME,', '[LIME,');
    expect(edited).not.toBe(original);
    await writeFile(finance, edited);

    const broken = await evalIn(root, ['--templates', 'templates']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(
      /critic-pass-final regressed: \d\.\d{3} -> \d\.\d{3} \(tolerance 0\.020\); worse in \d case\(s\): finance-\d\d\/career-changer/,
    );
  });
});
