import type { PostingStructure } from './posting-sections.js';
import {
  cleanTitle,
  holdsJobTitle,
  isJobTitle,
  markdownLink,
  readsAsTitleLine,
  titleAt,
} from './role-title.js';

/** "Title: Data Scientist", "**Job Title:** Data Scientist", "Position: ...", "The role: ...". */
const fieldLine =
  /^[ \t]*(?:[*_#>-][ \t]*)*(?:job title|position title|title|position|role|job|the role|vacancy|post)[*_]*[ \t]*[:：–—][*_]*[ \t]*(.+)$/gim;
/** The same fields run into a scraped paragraph ("... Job Title: Artificial Intelligence Business Analyst ..."). */
const inlineField = /\b(?:Job Title|Position Title|The role|Position)\s*:\s*/g;

/** Phrases that introduce the title in running text, strongest first. */
const introductions: readonly RegExp[] = [
  /\b[Aa]s (?:an?|the|our)\s+/g,
  /\b(?:seeking|looking for|looking to hire|hiring|searching for|recruiting(?: for)?|in search of|opportunity for|need|seeks|is hiring)\s+(?:an?|our|the)?\s*(?:(?:next|first|new)\s+)?/g,
  /\bjoin (?:us|our team|the team)\s+as\s+(?:an?|the|our)\s+/g,
  /\bapply for the\s+/g,
  /\b(?:for|as) an?\s+(?=\p{Lu})/gu,
  /\b(?:mission|purpose|role) of the\s+/g,
];

/** "The Sales Data Analyst is responsible for ...": a title as the subject of what the hire does. */
const subject = /\b(?:The|This|Our)\s+/g;
const subjectVerb =
  /^[^.!?\n]{0,60}?\s(?:will|is responsible|plays|identifies|works|partners|leads|serves|supports|designs|develops|provides|shall|analyzes|analyses|is a|is an|role|position|reports)\b/;

function firstLines(text: string, count: number): string[] {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    lines.push(trimmed);
    if (lines.length >= count) break;
  }
  return lines;
}

/** A title line: short, not a sentence, and a job title once cleaned ("# [ML Engineer [IC3]](url)"). */
function titleLine(line: string): string | null {
  const plain = line.replace(markdownLink, '$1');
  if (plain.split(/\s+/).length > 16 || /[.!?]$/.test(plain.trim()) || /:\s*$/.test(plain)) return null;
  // "Acme — Machine Learning Engineer", "ML Engineer at Acme": the part that is the job.
  const title = cleanTitle(plain.replace(/\s+at\s+\p{Lu}.*$/u, ''));
  if (title === null || !readsAsTitleLine(title)) return null;
  // A linked or Markdown title says it is the title; a plain line must read as one ("Manager, Data Science").
  const marked = /^#{1,6}\s|\]\(/.test(line);
  return (marked ? holdsJobTitle(title) : isJobTitle(title.split(/\s[-–—]\s/)[0] ?? title)) ? title : null;
}

/**
 * The job title: a "Title:"/"Job title:"/"Position:" line, the title line at the top (a Markdown heading, a linked
 * title, a short line), or the way the text introduces it ("As a Senior Data Scientist, you ...", "We are seeking a
 * Machine Learning Engineer to ...", "The Data Analyst will ..."), cleaned of link syntax, articles, "As a", "to join
 * our team", requisition numbers, places and work arrangements.
 */
export function findRole(text: string, _structure?: PostingStructure): string | null {
  for (const match of text.matchAll(fieldLine)) {
    // "Name: Emma Powell / Job title: Head of Information": the contact's title, not the job's.
    if (
      /(?:^|\n)[ \t]*(?:name|contact(?: name| person)?)[ \t]*:/i.test(
        text.slice(Math.max(0, match.index - 160), match.index),
      )
    )
      continue;
    const title = match[1] === undefined ? null : cleanTitle(match[1]);
    if (title !== null && holdsJobTitle(title)) return title;
  }
  for (const line of firstLines(text, 4)) {
    const title = titleLine(line);
    if (title !== null) return title;
  }
  const found = new Map<string, { title: string; count: number; first: number }>();
  const note = (title: string | null, index: number, weight: number): void => {
    if (title === null) return;
    const key = title.toLowerCase();
    const entry = found.get(key) ?? { title, count: 0, first: index };
    entry.count += weight;
    found.set(key, entry);
  };
  for (const match of text.matchAll(inlineField))
    note(titleAt(text, match.index + match[0].length), match.index, 3);
  for (const pattern of introductions) {
    for (const match of text.matchAll(pattern))
      note(titleAt(text, match.index + match[0].length), match.index, 2);
  }
  for (const match of text.matchAll(subject)) {
    const start = match.index + match[0].length;
    const title = titleAt(text, start);
    if (
      title !== null &&
      /^\p{Lu}/u.test(text[start] ?? '') &&
      subjectVerb.test(text.slice(start, start + 120))
    )
      note(title, match.index, 2);
  }
  // A short line of its own further down ("Compliance Data Analyst" above the description).
  for (const line of firstLines(text, 15).slice(4)) note(titleLine(line), text.indexOf(line), 1);
  let best: { title: string; count: number; first: number } | null = null;
  for (const entry of found.values()) {
    if (best === null || entry.count > best.count || (entry.count === best.count && entry.first < best.first))
      best = entry;
  }
  return best?.title ?? null;
}

/** The title a sentence can use: without the team or location after a comma or dash ("Machine Learning Engineer"). */
export function shortRole(role: string): string {
  const head = role.split(/\s*[,–—|(]\s*|\s+-\s+/)[0]?.trim() ?? role;
  return head === '' || !isJobTitle(head) ? role : head;
}
