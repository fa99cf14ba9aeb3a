import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLede, temporaryFolder } from '../run-lede.js';

describe('lede draft with a profile that holds no number at all', () => {
  it('still writes a letter, invents no figure, and asks for a metric in a warning', async () => {
    const cwd = await temporaryFolder();
    const out = join(cwd, 'letter.md');
    const run = await runLede(
      [
        'draft',
        join(process.cwd(), 'examples/postings/orbitly-ml-platform.md'),
        '--profile',
        join(process.cwd(), 'test/fixtures/hostile/profiles/no-metrics.yaml'),
        '--out',
        out,
        '--engine',
        'offline',
        '--json',
        '--no-letterhead',
      ],
      { cwd },
    );
    expect(run.stderr).not.toContain('error:');
    const letter = await readFile(out, 'utf8');
    const body = letter.split('\n').slice(1).join('\n');
    expect(body).not.toMatch(/\d/);
    const report = JSON.parse(await readFile(join(cwd, 'letter.report.json'), 'utf8'));
    const best = report.attempts.find(
      (attempt: { attempt: number }) => attempt.attempt === report.bestAttempt,
    );
    expect(best.critique.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'opens-with-outcome', severity: 'warning' }),
    );
  });
});
