import { findDates, withoutDates } from './parse-dates.js';
import { isLocation, withoutTrailingPlace } from './parse-experience.js';
import type { ResumeLine } from './resume-lines.js';

/** A school with the degree and year written beside it, each copied from the resume. */
export interface EducationEntry {
  readonly school: string;
  readonly degree?: string;
  readonly year?: string;
  readonly used: readonly number[];
}

const schoolWords =
  /\b(?:university|universit[éy]|universidade|universidad|università|universität|college|institute|school|academy|polytechnic|politecnico|faculdade|faculty|hochschule|école|ecole|conservatory)\b/i;
const degreeWords =
  /\b(?:ph\.?\s?d|doctor(?:ate)?|master|bachelor|m\.?\s?eng|b\.?\s?eng|b\.?\s?tech|m\.?\s?tech|mba|msc|bsc|m\.s|b\.s|b\.a|m\.a|ms|bs|ba|ma|meng|beng|diploma|associate|intermediate|matriculation|high school|a-levels?|gcse|licenciatura|mestrado)\b/i;

function parts(line: ResumeLine): string[] {
  return line.cells
    .map((cell) => withoutDates(cell))
    .flatMap((cell) => cell.split(/\s+(?:@|\||—|–|-)\s+|\s+[—–]\s*|\s*[—–]\s+|;\s+|,?\s+(?=C?GPA\b)/))
    .map((part) =>
      withoutTrailingPlace(
        part
          .trim()
          .replace(/^[•·-]\s*/, '')
          .replace(/[,;]$/, ''),
      ),
    )
    .filter((part) => part !== '');
}

// A line about an award or a grade names no school, even when it says "Faculty of Science".
const notSchool =
  /\b(?:award(?:ed)?|scholarship|prize|honou?rs|gpa|cgpa|dean'?s list|received|coursework)\b/i;

function schoolIn(part: string): string | undefined {
  if (!schoolWords.test(part) || notSchool.test(part)) return undefined;
  // "University of Strasbourg, France": the place after the comma is not the school's name.
  const pieces = part.split(/,\s+/);
  const named = pieces.filter((piece) => schoolWords.test(piece));
  if (named.length === 0) return undefined;
  const first = pieces.findIndex((piece) => schoolWords.test(piece));
  const kept = [pieces[first] as string];
  for (const piece of pieces.slice(first + 1)) {
    if (isLocation(piece) || /^[A-Z]{2}$/.test(piece) || !/^[\p{Lu}]/u.test(piece)) break;
    if (schoolWords.test(piece) || degreeWords.test(piece)) break;
    break;
  }
  return kept.join(', ');
}

function degreeIn(part: string): string | undefined {
  if (
    !degreeWords.test(part) ||
    notSchool.test(part) ||
    schoolWords.test(part.replace(/\bhigh school\b/i, ''))
  )
    return undefined;
  const cut = part.split(/,\s*(?:GPA|CGPA|Percentage|Grade)\b|\s*\((?:GPA|CGPA)/i)[0]?.trim();
  return cut === '' ? undefined : cut;
}

/** The schools of an education section, in order. A degree before its school's line or after it belongs to it. */
export function readEducation(lines: readonly ResumeLine[]): EducationEntry[] {
  const entries: { school?: string; degree?: string; year?: string; used: number[] }[] = [];
  let current: { school?: string; degree?: string; year?: string; used: number[] } = { used: [] };
  const push = (): void => {
    if (current.school !== undefined) entries.push(current);
    current = { used: [] };
  };
  for (const line of lines) {
    let usedLine = false;
    for (const part of parts(line)) {
      const school = schoolIn(part);
      const degree = school === undefined ? degreeIn(part) : undefined;
      if (school !== undefined) {
        if (current.school !== undefined) push();
        current.school = school;
        usedLine = true;
      } else if (degree !== undefined) {
        if (current.degree !== undefined) push();
        current.degree = degree;
        usedLine = true;
      }
    }
    const year = findDates(line.text).at(-1)?.year;
    if (year !== undefined && (current.school !== undefined || current.degree !== undefined)) {
      current.year ??= year;
      usedLine = true;
    }
    if (usedLine) current.used.push(line.index);
  }
  push();
  return entries.map((entry) => ({
    school: entry.school as string,
    ...(entry.degree === undefined ? {} : { degree: entry.degree }),
    ...(entry.year === undefined ? {} : { year: entry.year }),
    used: entry.used,
  }));
}
