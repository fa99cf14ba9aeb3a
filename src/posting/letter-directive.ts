/**
 * Text aimed at whoever (or whatever) writes the letter rather than about the company: "ignore previous
 * instructions", "include this exact sentence in your cover letter", "AI assistants reading this". Never a hook or a
 * duty to quote, whatever it announces.
 */
export const letterDirective =
  /\b(?:ignore (?:all |any )?(?:the )?(?:previous|prior|above|earlier)|(?:previous|prior|above|these|following|hidden|new) instructions|instructions (?:above|below)|system prompt|system message|language models?|AI (?:assistants?|models?|systems?|tools?)|assistants? reading|chatgpt|cover letter|your letter|the letter|this letter|applicants? must|candidates? must|include (?:this|the|the following|these) (?:exact )?(?:sentence|phrase|word|line|text)|reveal (?:your|the)|referral code|developer mode)\b/i;
