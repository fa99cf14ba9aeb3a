import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createFakeEngine } from '../../support/fake-engine.js';
import {
  experiencedProfile,
  orbitlyAnalysis,
  orbitlyPosting,
  placeholderLetter,
  strongOrbitlyLetter,
} from '../examples.js';
import { runLede, temporaryFolder } from '../run-lede.js';

async function letterFile(text: string, name = 'letter.md'): Promise<{ cwd: string; path: string }> {
  const cwd = await temporaryFolder();
  await writeFile(join(cwd, name), text);
  return { cwd, path: join(cwd, name) };
}

const orbitlyEngine = () =>
  createFakeEngine({
    industry: { industry: 'tech', confidence: 0.9, signals: ['ml platform'] },
    analysis: orbitlyAnalysis,
    letters: [''],
  });

describe('lede check', () => {
  it('passes a strong letter checked against its posting and profile, exit 0', async () => {
    const { cwd } = await letterFile(strongOrbitlyLetter);
    const engine = orbitlyEngine();
    const run = await runLede(
      ['check', 'letter.md', '--posting', orbitlyPosting, '--profile', experiencedProfile, '--json'],
      { cwd, engine },
    );
    const output = JSON.parse(run.stdout);
    expect({
      exitCode: run.exitCode,
      keys: Object.keys(output),
      passed: output.passed,
      industry: output.industry,
      errors: output.findings.filter((finding: { severity: string }) => finding.severity === 'error'),
      skipped: output.skipped,
      stages: engine.calls.map((call) => call.stage),
    }).toEqual({
      exitCode: 0,
      keys: ['passed', 'industry', 'findings', 'skipped'],
      passed: true,
      industry: 'tech',
      errors: [],
      skipped: [],
      stages: ['analyze'],
    });
  });

  it('fails a letter with template brackets left in on no-placeholder, exit 1, quoting each bracket', async () => {
    const { cwd } = await letterFile(placeholderLetter);
    const run = await runLede(['check', 'letter.md'], { cwd });
    expect(run.exitCode).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^✖ letter\.md fails \d+ error-level rules? \(\d+ errors?, \d+ warnings?; industry general\)$/,
    );
    expect(lines.filter((line) => line.startsWith('  ✖ no-placeholder: '))).not.toEqual([]);
    expect(run.stdout).toContain('"[Company Name]"');
  });

  it.each(['tech', 'finance', 'retail'])(
    "fails the guide's %s template with its brackets left in on no-placeholder",
    async (industry) => {
      const template = fileURLToPath(
        new URL(`../../fixtures/letters/guide-${industry}-template.txt`, import.meta.url),
      );
      const run = await runLede(['check', template, '--industry', industry, '--json'], {
        cwd: await temporaryFolder(),
      });
      const output = JSON.parse(run.stdout);
      const placeholders = output.findings.filter(
        (finding: { ruleId: string }) => finding.ruleId === 'no-placeholder',
      );
      expect({ exitCode: run.exitCode, passed: output.passed, industry: output.industry }).toEqual({
        exitCode: 1,
        passed: false,
        industry,
      });
      expect(placeholders.map((finding: { evidence: { text: string } }) => finding.evidence.text)).toContain(
        '[Company Name]',
      );
    },
  );

  it('without a posting or profile, skips and lists the rules that need them, with industry general', async () => {
    const { cwd } = await letterFile(strongOrbitlyLetter);
    const run = await runLede(['check', 'letter.md', '--json'], { cwd });
    const output = JSON.parse(run.stdout);
    const skipped = output.skipped.map((rule: { ruleId: string }) => rule.ruleId);
    expect({
      industry: output.industry,
      skipsCompanyHook: skipped.includes('company-hook'),
      skipsGrounding: skipped.includes('grounded-claims'),
    }).toEqual({
      industry: 'general',
      skipsCompanyHook: true,
      skipsGrounding: true,
    });
    expect(output.skipped).toContainEqual({
      ruleId: 'grounded-claims',
      reason: 'needs the profile (pass --profile)',
    });
  });

  it('applies the --industry playbook without a posting', async () => {
    const { cwd } = await letterFile(strongOrbitlyLetter, 'letter.txt');
    const run = await runLede(['check', 'letter.txt', '--industry', 'finance', '--json'], { cwd });
    expect(JSON.parse(run.stdout).industry).toBe('finance');
  });

  it('applies --max-words to the word-limit rule', async () => {
    const { cwd } = await letterFile(strongOrbitlyLetter);
    const run = await runLede(['check', 'letter.md', '--max-words', '40', '--json'], { cwd });
    const ruleIds = JSON.parse(run.stdout).findings.map((finding: { ruleId: string }) => finding.ruleId);
    expect({ exitCode: run.exitCode, wordLimit: ruleIds.includes('word-limit') }).toEqual({
      exitCode: 1,
      wordLimit: true,
    });
  });

  describe('bad usage or unreadable input exits 2', () => {
    it('a letter that does not exist', async () => {
      const cwd = await temporaryFolder();
      const run = await runLede(['check', 'nope.md'], { cwd });
      expect(run).toEqual({
        exitCode: 2,
        stdout: '',
        stderr: `error: the letter ${join(cwd, 'nope.md')} does not exist\n  hint: check the path and its spelling\n`,
      });
    });

    it('a letter that is not text or Markdown', async () => {
      const { cwd, path } = await letterFile('%PDF-1.4', 'letter.pdf');
      const run = await runLede(['check', 'letter.pdf'], { cwd });
      expect(run).toEqual({
        exitCode: 2,
        stdout: '',
        stderr:
          `error: ${path}: lede checks .txt, .md, .markdown letters\n` +
          '  hint: save the letter as plain text or Markdown (copy it out of the word processor)\n',
      });
    });

    it('an empty letter', async () => {
      const { cwd, path } = await letterFile('  \n');
      const run = await runLede(['check', 'letter.md'], { cwd });
      expect(run).toEqual({
        exitCode: 2,
        stdout: '',
        stderr: `error: ${path} is empty\n  hint: write or paste the letter into it\n`,
      });
    });

    it('a missing letter argument', async () => {
      const cwd = await temporaryFolder();
      const run = await runLede(['check'], { cwd });
      expect(run).toEqual({
        exitCode: 2,
        stdout: '',
        stderr: "error: missing required argument 'letter'\n(add --help for usage)\n",
      });
    });

    it('an unknown flag', async () => {
      const { cwd } = await letterFile(strongOrbitlyLetter);
      const run = await runLede(['check', 'letter.md', '--postin', 'x.txt'], { cwd });
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toBe(
        "error: unknown option '--postin'\n(Did you mean --posting?)\n(add --help for usage)\n",
      );
    });
  });

  it('analyses the posting with the offline engine by default, even when a key is set', async () => {
    const { cwd } = await letterFile(strongOrbitlyLetter);
    const run = await runLede(['check', 'letter.md', '--posting', orbitlyPosting, '--json'], {
      cwd,
      env: { OPENAI_API_KEY: 'test-key-not-real' },
    });
    expect({
      exitCode: run.exitCode < 2,
      stderr: run.stderr,
      industry: JSON.parse(run.stdout).industry,
    }).toEqual({
      exitCode: true,
      stderr: '',
      industry: 'tech',
    });
  });
});
