import { describe, expect, it } from 'vitest';
import { type PdfTextRun, pdfLines } from '../../src/input/pdf-lines.js';

function run(str: string, x: number, y: number, extra: Partial<PdfTextRun> = {}): PdfTextRun {
  return { str, x, y, width: str.length * 5, fontSize: 10, hasEOL: false, ...extra };
}

describe('pdfLines', () => {
  it('joins runs on one baseline, with a space only where the page leaves a gap', () => {
    expect(
      pdfLines([run('Senior', 0, 700), run('ML', 32, 700), run('Eng', 45, 700), run('ineer', 60, 700)]),
    ).toEqual(['Senior ML Engineer']);
  });

  it('starts a new line where the run ends one, where the baseline drops, or where the pen goes back left', () => {
    expect(
      pdfLines([
        run('First line', 0, 700, { hasEOL: true }),
        run('second', 0, 700),
        run('third', 0, 686),
        run('tail of third', 200, 686),
        run('fourth, left again', 50, 686),
      ]),
    ).toEqual(['First line', 'second', 'third tail of third', 'fourth, left again']);
  });

  it('keeps the drawing order, so a column drawn whole comes out whole before the next', () => {
    const left = [run('Experience', 0, 700), run('Acme, 2021-2024', 0, 688)];
    const right = [run('Skills', 300, 700), run('Python, SQL', 300, 688)];
    expect(pdfLines([...left, ...right])).toEqual(['Experience', 'Acme, 2021-2024', 'Skills', 'Python, SQL']);
  });

  it('turns a symbol-font bullet into a plain one and drops empty lines', () => {
    expect(
      pdfLines([run('\uf0b7 Shipped it', 0, 700, { hasEOL: true }), run('  ', 0, 690, { hasEOL: true })]),
    ).toEqual(['• Shipped it']);
  });
});
