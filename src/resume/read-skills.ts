import type { ResumeLine } from './resume-lines.js';

/** The items of a skills list as written: "Languages: Python, SQL" gives "Python" and "SQL". */
export function splitSkillItems(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let item = '';
  const flush = (): void => {
    const trimmed = item
      .trim()
      .replace(/^(?:and|&)\s+/i, '')
      .replace(/[.;]$/, '')
      .trim();
    if (trimmed !== '' && trimmed.length <= 60) items.push(trimmed);
    item = '';
  };
  for (const character of text) {
    if (character === '(' || character === '[') depth++;
    if (character === ')' || character === ']') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[,;•·|]/.test(character)) flush();
    else item += character;
  }
  flush();
  return items;
}

/** The skills of a skills section, each line's label ("Languages:") set aside. */
export function readSkills(lines: readonly ResumeLine[]): { skills: string[]; used: number[] } {
  const skills: string[] = [];
  const used: number[] = [];
  for (const line of lines) {
    const values = line.cells.flatMap((cell) => {
      const labelled = cell.match(/^[^:]{1,40}:\s*(.*)$/);
      return splitSkillItems(labelled === null ? cell : (labelled[1] ?? ''));
    });
    const kept = values.filter((value) => value.split(/\s+/).length <= 5);
    if (kept.length === 0) continue;
    used.push(line.index);
    for (const value of kept) {
      if (!skills.some((skill) => skill.toLowerCase() === value.toLowerCase())) skills.push(value);
    }
  }
  return { skills, used };
}
