import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { chooseLetterFormat, extensionFor, parseLetterFormat } from '../../src/output/letter-format.js';

function refusal(choice: Parameters<typeof chooseLetterFormat>[0]): ConfigError {
  try {
    chooseLetterFormat(choice);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(choice)} to be refused`);
}

describe('chooseLetterFormat', () => {
  it.each([
    ['letter.md', 'md'],
    ['letter.markdown', 'md'],
    ['letter.txt', 'txt'],
    ['letter.html', 'html'],
    ['letter.HTM', 'html'],
    ['letters/acme.docx', 'docx'],
    ['acme.Pdf', 'pdf'],
    ['letters/acme', 'md'],
  ])('reads --out %s as %s', (out, format) => {
    expect(chooseLetterFormat({ out })).toBe(format);
  });

  it('takes --format when it agrees with --out, or when --out has no extension or is absent', () => {
    expect(chooseLetterFormat({ format: 'docx', out: 'acme.docx' })).toBe('docx');
    expect(chooseLetterFormat({ format: 'PDF', out: 'letters/acme' })).toBe('pdf');
    expect(chooseLetterFormat({ format: 'html' })).toBe('html');
    expect(chooseLetterFormat({})).toBe('md');
  });

  it.each(['.doc', '.odt', '.rtf'])(
    'refuses an --out ending in %s, naming the flag and what lede writes',
    (extension) => {
      const error = refusal({ out: `letters/acme${extension}` });
      expect(error.code).toBe('config.unsupported-format');
      expect(error.field).toBe('out');
      expect(error.message).toBe(
        `--out letters/acme${extension}: lede cannot write ${extension} files (it writes .md, .markdown, .txt, .html, .htm, .docx, .pdf)`,
      );
    },
  );

  it('points a .doc to .docx', () => {
    expect(refusal({ out: 'acme.doc' }).hint).toBe(
      'write .docx instead: Word, LibreOffice and Google Docs open it',
    );
  });

  it('refuses a --format that --out contradicts, and says how to agree', () => {
    const error = refusal({ format: 'pdf', out: 'letters/acme.docx' });
    expect(error.code).toBe('config.format-conflict');
    expect(error.message).toBe('--format pdf and --out letters/acme.docx disagree (.docx is docx)');
    expect(error.hint).toBe('drop --format, or name the file letters/acme.pdf');
  });

  it('refuses a --format lede does not write', () => {
    const error = refusal({ format: 'odt' });
    expect(error.code).toBe('config.unsupported-format');
    expect(error.message).toBe(
      '--format odt is not a format lede writes (it writes md, txt, html, docx, pdf)',
    );
  });
});

describe('extensionFor', () => {
  it('names the files lede names itself with the usual extension', () => {
    expect(
      ['md', 'txt', 'html', 'docx', 'pdf'].map((format) => extensionFor(parseLetterFormat(format))),
    ).toEqual(['.md', '.txt', '.html', '.docx', '.pdf']);
  });
});
