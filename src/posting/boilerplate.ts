/**
 * Sentences every careers page carries and that say nothing about the job: equal-opportunity statements, cookie and
 * privacy notices, navigation and "apply now" buttons, accommodation and background-check notes.
 */
const boilerplatePatterns: readonly RegExp[] = [
  /\bequal (employment )?opportunit/i,
  /\baffirmative action\b/i,
  /\bwithout regard to\b/i,
  /\b(race|religion|gender identity|sexual orientation|national origin|veteran status|disability)\b.*\b(race|religion|gender identity|sexual orientation|national origin|veteran status|disability)\b/i,
  /\b(reasonable )?accommodations?\b/i,
  /\bcookies?\b/i,
  /\bprivacy (policy|notice|statement)\b/i,
  /\bterms (of (use|service)|and conditions)\b/i,
  /\ball rights reserved\b/i,
  /©|\(c\) \d{4}/i,
  /\b(e-?verify|background check|drug[- ]free)\b/i,
  /\b(apply now|apply today|share this (job|posting|role)|save (this )?job|sign in|log in|create (an )?account|back to (search|jobs|results)|job alerts?|subscribe)\b/i,
  /\b(recruiters?|agencies) (should not|must not|may not)\b/i,
  /\bunsolicited (resumes?|cvs?)\b/i,
  /\b(pay transparency|salary range|compensation range)\b/i,
  /\b(follow us|connect with us|on linkedin|on twitter)\b/i,
];

/** True when a sentence is careers-page boilerplate rather than something about the job or the company's work. */
export function isBoilerplate(sentence: string): boolean {
  return boilerplatePatterns.some((pattern) => pattern.test(sentence));
}

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

/** Words in the sentences of `text` that are not boilerplate: what there is to tailor a letter to. */
export function substantiveWordCount(text: string): number {
  let words = 0;
  for (const sentence of sentencesOf(text)) {
    if (!isBoilerplate(sentence)) words += sentence.split(/\s+/).length;
  }
  return words;
}
