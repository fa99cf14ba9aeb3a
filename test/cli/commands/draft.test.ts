import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PipelineResultSchema } from '../../../src/pipeline/run-pipeline.js';
import { bundledTemplatesFolder } from '../../../src/playbooks/load-playbooks.js';
import { createFakeEngine } from '../../support/fake-engine.js';
import {
  experiencedProfile,
  orbitlyAnalysis,
  orbitlyPosting,
  placeholderLetter,
  strongOrbitlyLetter,
} from '../examples.js';
import { runLede, temporaryFolder } from '../run-lede.js';

const techIndustry = { industry: 'tech', confidence: 0.9, signals: ['ml platform', 'kubernetes'] };

function fakeEngine(letters: string[] = [strongOrbitlyLetter]) {
  return createFakeEngine({
    industry: techIndustry,
    analysis: orbitlyAnalysis,
    letters,
    usedFactIds: ['realtime-serving', 'churn-model'],
  });
}

describe('lede draft', () => {
  it('prints the letter alone on stdout, under its letterhead, and its report on stderr', async () => {
    const cwd = await temporaryFolder();
    const run = await runLede(['draft', orbitlyPosting, '--profile', experiencedProfile], {
      cwd,
      engine: fakeEngine(),
      now: () => new Date(2026, 0, 15, 12).getTime(),
    });
    expect({ exitCode: run.exitCode, stdout: run.stdout }).toEqual({
      exitCode: 0,
      stdout: [
        'Priya Raman  \nSeattle, WA · priya.raman@example.com · github.com/priya-raman-example',
        'January 15, 2026',
        'Orbitly  \nRe: Senior Machine Learning Engineer, ML Platform',
        `${strongOrbitlyLetter}\n`,
      ].join('\n\n'),
    });
    expect(run.stderr.split('\n').slice(0, 10)).toEqual([
      '',
      `# Report: ${orbitlyPosting}`,
      '',
      '- Status: passed (attempt 1 of 1)',
      '- Engine: offline (fake)',
      '- Industry: tech (confidence 0.90); signals: ml platform, kubernetes',
      '- Company: Orbitly',
      '- Role: Senior Machine Learning Engineer, ML Platform',
      `- Hook: ${orbitlyAnalysis.hook?.text}, from the posting: "${orbitlyAnalysis.hook?.evidence}"`,
      '- Tools the posting asks for: Kubernetes, Airflow, MLflow',
    ]);
  });

  it('leaves the letterhead out with --no-letterhead, and the letter is exactly as drafted', async () => {
    const cwd = await temporaryFolder();
    const run = await runLede(['draft', orbitlyPosting, '--profile', experiencedProfile, '--no-letterhead'], {
      cwd,
      engine: fakeEngine(),
      env: { LEDE_LETTERHEAD: 'true' },
    });
    expect(run.stdout).toBe(`${strongOrbitlyLetter}\n`);
  });

  it('prints the whole pipeline result with --json', async () => {
    const cwd = await temporaryFolder();
    const engine = fakeEngine();
    const run = await runLede(['draft', orbitlyPosting, '--profile', experiencedProfile, '--json'], {
      cwd,
      engine,
    });
    const result = PipelineResultSchema.parse(JSON.parse(run.stdout));
    expect({
      exitCode: run.exitCode,
      source: result.source,
      engine: result.engine,
      industry: result.industry,
      analysis: result.analysis,
      letter: result.letter,
      usedFactIds: result.usedFactIds,
      status: result.status,
      attempts: result.attempts.length,
      calls: engine.calls.map((call) => call.stage),
    }).toEqual({
      exitCode: 0,
      source: orbitlyPosting,
      engine: 'offline',
      industry: techIndustry,
      analysis: orbitlyAnalysis,
      letter: strongOrbitlyLetter,
      usedFactIds: ['realtime-serving', 'churn-model'],
      status: 'passed',
      attempts: 1,
      calls: ['analyze', 'draft'],
    });
  });

  it('writes the letter and its two reports with --out, creating the folder', async () => {
    const cwd = await temporaryFolder();
    const run = await runLede(
      ['draft', orbitlyPosting, '--profile', experiencedProfile, '--out', 'letters/orbitly.md'],
      {
        cwd,
        engine: fakeEngine(),
      },
    );
    const letterPath = join(cwd, 'letters/orbitly.md');
    const reportPath = join(cwd, 'letters/orbitly.report.md');
    expect(run).toEqual({
      exitCode: 0,
      stdout: `passed: wrote ${letterPath} (1 attempt) and its report ${reportPath}\n`,
      stderr: '',
    });
    const written = await readFile(letterPath, 'utf8');
    expect(written.startsWith('Priya Raman  \n')).toBe(true);
    expect(written.endsWith(`\n\n${strongOrbitlyLetter}\n`)).toBe(true);
    expect(await readFile(reportPath, 'utf8')).toContain('- Status: passed (attempt 1 of 1)\n');
    const json = PipelineResultSchema.parse(
      JSON.parse(await readFile(join(cwd, 'letters/orbitly.report.json'), 'utf8')),
    );
    expect(json.letter).toBe(strongOrbitlyLetter);
  });

  it('prints the written paths as JSON with --out and --json', async () => {
    const cwd = await temporaryFolder();
    const run = await runLede(
      ['draft', orbitlyPosting, '--profile', experiencedProfile, '--out', 'a.txt', '--json'],
      {
        cwd,
        engine: fakeEngine(),
      },
    );
    expect(JSON.parse(run.stdout)).toEqual({
      letter: join(cwd, 'a.txt'),
      format: 'txt',
      report: join(cwd, 'a.report.md'),
      reportJson: join(cwd, 'a.report.json'),
      status: 'passed',
    });
  });

  it('uses --industry over the reading, which still takes one analysis call', async () => {
    const cwd = await temporaryFolder();
    const engine = fakeEngine();
    const run = await runLede(
      ['draft', orbitlyPosting, '--profile', experiencedProfile, '--industry', 'Retail', '--json'],
      {
        cwd,
        engine,
      },
    );
    expect(JSON.parse(run.stdout).industry).toEqual({
      industry: 'retail',
      confidence: 1,
      signals: ['--industry'],
    });
    expect(engine.calls.filter((call) => call.stage === 'analyze')).toHaveLength(1);
  });

  it('exits 1 when every attempt still fails an error-level rule, after revising up to --max-attempts', async () => {
    const cwd = await temporaryFolder();
    const engine = fakeEngine([placeholderLetter]);
    const run = await runLede(
      ['draft', orbitlyPosting, '--profile', experiencedProfile, '--max-attempts', '2', '--json'],
      { cwd, engine },
    );
    const result = PipelineResultSchema.parse(JSON.parse(run.stdout));
    expect({
      exitCode: run.exitCode,
      status: result.status,
      stages: engine.calls.map((call) => call.stage),
    }).toEqual({
      exitCode: 1,
      status: 'failed',
      stages: ['analyze', 'draft', 'revise'],
    });
    expect(result.attempts[0]?.critique.findings.map((finding) => finding.ruleId)).toContain(
      'no-placeholder',
    );
  });

  describe('bad input exits 2 with a message naming the file and field', () => {
    it('a posting that does not exist', async () => {
      const cwd = await temporaryFolder();
      const run = await runLede(['draft', 'missing.txt', '--profile', experiencedProfile], {
        cwd,
        engine: fakeEngine(),
      });
      expect(run).toEqual({
        exitCode: 2,
        stdout: '',
        stderr: `error: the posting ${join(cwd, 'missing.txt')} does not exist\n  hint: check the path and its spelling\n`,
      });
    });

    it('a profile that does not exist is named as the profile', async () => {
      const cwd = await temporaryFolder();
      const run = await runLede(['draft', orbitlyPosting, '--profile', 'nope.yaml'], {
        cwd,
        engine: fakeEngine(),
      });
      expect(run.stderr).toBe(
        `error: the profile ${join(cwd, 'nope.yaml')} does not exist\n  hint: check the path and its spelling\n`,
      );
    });

    it('a web address lede does not fetch (only http and https): says so', async () => {
      const cwd = await temporaryFolder();
      const run = await runLede(['draft', 'ftp://jobs.example.com/123', '--profile', experiencedProfile], {
        cwd,
        engine: fakeEngine(),
      });
      expect(run).toEqual({
        exitCode: 2,
        stdout: '',
        stderr:
          'error: ftp://jobs.example.com/123: lede fetches only http:// and https:// addresses\n' +
          "  hint: save the posting's text (or the page, as .html) to a file and pass that file\n",
      });
    });

    it('a web address as the profile', async () => {
      const cwd = await temporaryFolder();
      const run = await runLede(['draft', orbitlyPosting, '--profile', 'http://example.com/me.yaml'], {
        cwd,
        engine: fakeEngine(),
      });
      expect(run.stderr).toBe(
        'error: http://example.com/me.yaml is a web address; lede reads the profile from a file\n' +
          '  hint: download the profile to a file and pass that file\n',
      );
    });

    it('a profile with a wrong field', async () => {
      const cwd = await temporaryFolder();
      await writeFile(
        join(cwd, 'me.yaml'),
        'name: Sam Example\nachievements:\n  - id: one\n    did: shipped a model\n    metrics: 40%\n',
      );
      const run = await runLede(['draft', orbitlyPosting, '--profile', 'me.yaml'], {
        cwd,
        engine: fakeEngine(),
      });
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toContain(`${join(cwd, 'me.yaml')}`);
      expect(run.stderr).toContain('achievements[0].metrics');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    });

    it('a missing --profile, with none in the config either', async () => {
      const cwd = await temporaryFolder();
      const run = await runLede(['draft', orbitlyPosting], { cwd, engine: fakeEngine() });
      expect({ exitCode: run.exitCode, stdout: run.stdout, first: run.stderr.split('\n')[0] }).toEqual({
        exitCode: 2,
        stdout: '',
        first: 'error: no profile: lede writes letters from your profile',
      });
    });

    it('a bad flag value', async () => {
      const cwd = await temporaryFolder();
      const run = await runLede(
        ['draft', orbitlyPosting, '--profile', experiencedProfile, '--max-words', 'lots'],
        {
          cwd,
          engine: fakeEngine(),
        },
      );
      expect(run).toEqual({
        exitCode: 2,
        stdout: '',
        stderr:
          'error: --max-words must be a whole number from 20 to 2000 (got "lots")\n' +
          '  hint: pass --max-words with a whole number from 20 to 2000, or leave it out for the default\n',
      });
    });

    it('an unknown --industry', async () => {
      const cwd = await temporaryFolder();
      const run = await runLede(
        ['draft', orbitlyPosting, '--profile', experiencedProfile, '--industry', 'mining'],
        {
          cwd,
          engine: fakeEngine(),
        },
      );
      expect(run).toEqual({
        exitCode: 2,
        stdout: '',
        stderr:
          'error: --industry mining: no playbook for that industry\n' +
          `  hint: use one of finance, general, retail, tech, or add mining.yaml to ${join(bundledTemplatesFolder(), 'industries')}\n`,
      });
    });

    it('the openai engine without a key or base URL', async () => {
      const cwd = await temporaryFolder();
      const run = await runLede(
        ['draft', orbitlyPosting, '--profile', experiencedProfile, '--engine', 'openai'],
        { cwd },
      );
      expect(run).toEqual({
        exitCode: 2,
        stdout: '',
        stderr:
          'error: the openai engine needs OPENAI_API_KEY (or OPENAI_BASE_URL)\n' +
          '  hint: set OPENAI_API_KEY in the environment or a .env file, set OPENAI_BASE_URL for a local server, or use --engine offline\n',
      });
    });
  });

  it('exits 4 when the output cannot be written', async () => {
    const cwd = await temporaryFolder();
    await writeFile(join(cwd, 'taken'), 'a file, not a folder');
    const run = await runLede(
      ['draft', orbitlyPosting, '--profile', experiencedProfile, '--out', 'taken/letter.md'],
      {
        cwd,
        engine: fakeEngine(),
      },
    );
    expect(run).toEqual({
      exitCode: 4,
      stdout: '',
      stderr: `error: ${join(cwd, 'taken')} cannot be created (EEXIST)\n  hint: choose an --out path in a folder you can write to\n`,
    });
  });

  it('reports an interruption with exit code 130', async () => {
    const cwd = await temporaryFolder();
    const controller = new AbortController();
    controller.abort();
    const engine = fakeEngine();
    const run = await runLede(['draft', orbitlyPosting, '--profile', experiencedProfile], {
      cwd,
      engine,
      signal: controller.signal,
    });
    expect({ exitCode: run.exitCode, stdout: run.stdout }).toEqual({ exitCode: 130, stdout: '' });
    expect(run.stderr).toBe('lede: interrupted (stopped by a signal); work already written is kept\n');
  });
});
