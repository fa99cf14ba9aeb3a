import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DefaultTreeAdapterTypes, parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { letterParagraphs } from '../../../src/output/letter-document.js';
import { createFakeEngine } from '../../support/fake-engine.js';
import { docxParagraphs, pdfContent } from '../../support/written-document.js';
import { experiencedProfile, orbitlyAnalysis, orbitlyPosting, strongOrbitlyLetter } from '../examples.js';
import { runLede, temporaryFolder } from '../run-lede.js';

function fakeEngine() {
  return createFakeEngine({
    industry: { industry: 'tech', confidence: 0.9, signals: ['ml platform'] },
    analysis: orbitlyAnalysis,
    letters: [strongOrbitlyLetter],
    usedFactIds: ['realtime-serving', 'churn-model'],
  });
}

/** Noon on December 7, 2026, on the machine's clock. */
const now = () => new Date(2026, 11, 7, 12).getTime();

/** The letterhead the experienced profile and the Orbitly reading give, then the letter's paragraphs. */
const expectedParagraphs = [
  'Priya Raman',
  'Seattle, WA · priya.raman@example.com · github.com/priya-raman-example',
  'December 7, 2026',
  'Orbitly\nRe: Senior Machine Learning Engineer, ML Platform',
  ...letterParagraphs(strongOrbitlyLetter).map((lines) => lines.join('\n')),
];

function draft(cwd: string, ...flags: string[]) {
  return runLede(['draft', orbitlyPosting, '--profile', experiencedProfile, ...flags], {
    cwd,
    engine: fakeEngine(),
    now,
  });
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

describe('lede draft --out <file> in another format', () => {
  it('writes a Word document for --out letter.docx: the letterhead, then the paragraphs in order', async () => {
    const cwd = await temporaryFolder();
    const run = await draft(cwd, '--out', 'letters/orbitly.docx');
    const letterPath = join(cwd, 'letters', 'orbitly.docx');
    expect({ exitCode: run.exitCode, stdout: run.stdout, stderr: run.stderr }).toEqual({
      exitCode: 0,
      stdout: `passed: wrote ${letterPath} (1 attempt) and its report ${join(cwd, 'letters', 'orbitly.report.md')}\n`,
      stderr: '',
    });
    expect(docxParagraphs(await readFile(letterPath))).toEqual(expectedParagraphs);
    expect(await exists(join(cwd, 'letters', 'orbitly.report.json'))).toBe(true);
  });

  it('writes a one-page PDF for --out letter.pdf, with the same text in the same order', async () => {
    const cwd = await temporaryFolder();
    const run = await draft(cwd, '--out', 'orbitly.pdf', '--json');
    expect(JSON.parse(run.stdout)).toMatchObject({ letter: join(cwd, 'orbitly.pdf'), format: 'pdf' });
    const { pages, text } = await pdfContent(await readFile(join(cwd, 'orbitly.pdf')));
    expect(pages).toBe(1);
    expect(text).toBe(expectedParagraphs.join(' ').replace(/\s+/g, ' '));
  });

  it('prints a self-contained HTML page with --format html', async () => {
    const cwd = await temporaryFolder();
    const run = await draft(cwd, '--format', 'html');
    expect(run.exitCode).toBe(0);
    const elements: DefaultTreeAdapterTypes.Element[] = [];
    const visit = (node: DefaultTreeAdapterTypes.ParentNode): void => {
      for (const child of node.childNodes) {
        if ('tagName' in child) elements.push(child);
        if ('childNodes' in child) visit(child);
      }
    };
    visit(parse(run.stdout));
    expect(elements.map((element) => element.tagName)).not.toContain('script');
    expect(elements.filter((element) => element.tagName === 'p')).toHaveLength(expectedParagraphs.length);
    expect(run.stdout).toContain('<p>I cut inference latency by 40% at Streamline');
    expect(run.stderr).toContain('# Report: ');
  });

  it.each(['doc', 'odt', 'rtf'])(
    'refuses --out letter.%s before any work, naming the flag and the formats',
    async (extension) => {
      const cwd = await temporaryFolder();
      const engine = fakeEngine();
      const run = await runLede(
        ['draft', orbitlyPosting, '--profile', experiencedProfile, '--out', `letter.${extension}`],
        { cwd, engine },
      );
      expect(run.exitCode).toBe(2);
      expect(run.stderr.split('\n')[0]).toBe(
        `error: --out letter.${extension}: lede cannot write .${extension} files (it writes .md, .markdown, .txt, .html, .htm, .docx, .pdf)`,
      );
      expect(engine.calls).toEqual([]);
      expect(await exists(join(cwd, `letter.${extension}`))).toBe(false);
    },
  );

  it('warns on stderr, naming them, about characters the PDF font cannot show', async () => {
    const cwd = await temporaryFolder();
    const profile = (await readFile(experiencedProfile, 'utf8')).replace(
      'name: Priya Raman',
      'name: Priya Raman 田中',
    );
    await writeFile(join(cwd, 'profile.yaml'), profile);
    const run = await runLede(['draft', orbitlyPosting, '--profile', 'profile.yaml', '--out', 'letter.pdf'], {
      cwd,
      engine: fakeEngine(),
      now,
    });
    expect(run.stderr).toContain(
      'lede: warning: the PDF\'s font has no glyph for "田", "中", so the PDF shows an empty box there',
    );
    expect((await pdfContent(await readFile(join(cwd, 'letter.pdf')))).text).toContain('December 7, 2026');
  });

  it('refuses a --format the --out extension contradicts', async () => {
    const run = await draft(await temporaryFolder(), '--format', 'pdf', '--out', 'letter.docx');
    expect({ exitCode: run.exitCode, stderr: run.stderr }).toEqual({
      exitCode: 2,
      stderr:
        'error: --format pdf and --out letter.docx disagree (.docx is docx)\n' +
        '  hint: drop --format, or name the file letter.pdf\n',
    });
  });
});

describe('lede draft --format docx|pdf without --out', () => {
  it('refuses to print a binary letter on a terminal, and says how to save it', async () => {
    const cwd = await temporaryFolder();
    const run = await runLede(
      ['draft', orbitlyPosting, '--profile', experiencedProfile, '--format', 'docx'],
      {
        cwd,
        engine: fakeEngine(),
        stdoutIsTty: true,
      },
    );
    expect({ exitCode: run.exitCode, stderr: run.stderr, bytes: run.stdoutBytes }).toEqual({
      exitCode: 2,
      stderr:
        'error: --format docx writes a binary file, and stdout is a terminal\n' +
        '  hint: write it to a file: --out letter.docx (or redirect stdout: > letter.docx)\n',
      bytes: undefined,
    });
  });

  it('writes the PDF to stdout when it is redirected', async () => {
    const run = await draft(await temporaryFolder(), '--format', 'pdf');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('');
    const bytes = run.stdoutBytes ?? Buffer.alloc(0);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await pdfContent(bytes)).text).toContain('Best, Priya Raman');
  });
});
