import { memoRecent } from '../text/memo.js';
import { cleanCompanyName, nameAfter } from './company-name.js';

/**
 * Recruiters' postings. A staffing agency, a recruiter or a job board that posts for a client it does not name is not
 * the employer: naming it in a letter ("I want to join Kforce") would be wrong, so the company is unknown.
 */

/** Signs that a recruiter wrote the posting for a client (named or not). */
const agencySigns: readonly RegExp[] = [
  /\bon behalf of (?:our|a|an|my) (?:\w+ ){0,3}(?:client|customer)\b(?!s)/i,
  /\b(?:on behalf of|for) one of our (?:\w+ ){0,3}clients\b/i,
  /\b(?:our|my) (?:\w+[ -]){0,2}client(?:,|\s+is\b|\s+are\b|\s+has\b|\s+have\b|\s+was\b|['’]s\b|\s+offers\b|\s+seeks\b|\s+needs\b|\s+requires\b|\s+wants\b|\s+provides\b|\s+specializes\b|\s+is looking\b|\s*:)/i,
  /\bmy clients? (?:is|are|has|have|was|were)\b/i,
  /^\s*(?:the )?client\s*:/im,
  /\b(?:has|have) (?:a|an) (?:\w+ ){0,2}client (?:that|who|in|seeking|looking|based)\b/i,
  /\b(?:one of our|a) clients?,? (?:a|an) [^.]{0,60}\b(?:is|are) (?:looking|seeking|hiring)\b/i,
  /\bclient(?:['’]s)? name (?:will be|can be|is) (?:shared|disclosed|revealed|confidential)/i,
  /\bconfidential (?:client|company|employer)\b/i,
  /\bwe are (?:an? )?(?:recruiting|staffing|recruitment|talent) (?:agency|firm|company|partner)\b/i,
  /\b(?:employment|recruitment|recruiting|staffing|placement) (?:agency|firm|consultancy)\b/i,
  /\bstaff(?:ing)? augmentation\b/i,
  /\b(?:recruitment|recruiting|talent|search|staffing)\b[^.\n]{0,40}\bis (?:working with|partnering with|representing|recruiting for)\b/i,
  /\bI(?:['’]m| am) (?:a |an |the )?[\w -]{0,30}\b(?:recruiter|headhunter|recruitment consultant|market specialist|talent partner)\b/i,
];

/** Words that say a name is a recruiter's or a job board's: "Benchmark Recruitment", "VetJobs". */
const agencyName =
  /\b(?:recruitment|recruiting|recruiters|staffing|personnel|resourcing|headhunters?|talent (?:solutions|partners|group|acquisition))\b|jobs$|\bcareers$/i;

/**
 * True when the posting reads as a recruiter's posting for a client. The industry, company and hook readers each ask
 * of the same posting, and each sign scans the whole text, so the last few answers are kept.
 */
export const isAgencyPosting: (text: string) => boolean = memoRecent(8, (text) =>
  agencySigns.some((pattern) => pattern.test(text)),
);

/** True when a name is a recruiter's or a job board's ("Apex Staffing", "Benchmark Recruitment", "VetJobs"). */
export function isAgencyName(name: string): boolean {
  return agencyName.test(name);
}

/**
 * The client an agency's posting names ("our client, Harbor Bank, is ..."), or null: most keep the client hidden.
 */
export function namedClient(text: string): string | null {
  const match = /\b(?:our|my) client,\s+/i.exec(text) ?? /\bon behalf of\s+(?=\p{Lu})/u.exec(text);
  if (match === null) return null;
  const name = nameAfter(text, match.index + match[0].length);
  return name === '' ? null : cleanCompanyName(name);
}
