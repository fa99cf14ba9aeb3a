import { memoRecent } from './memo.js';

const addresses =
  /\S+@\S+|https?:\/\/\S+|\bwww\.\S+|\b[a-z0-9-]+\.(?:com|org|net|io|co|ai|eu|uk|de|ca)\b\S*/g;

/**
 * The text with its e-mail and web addresses blanked out: "careers.walmart.com" and "jobs@keyfort.eu" are not prose,
 * so they make no name a common lower-case word. Lower-case bare domains only; "Booking.com" stays a name. Several
 * readers ask for the same posting's prose, and the pattern backtracks over every word, so the last few are kept.
 */
export const withoutAddresses: (text: string) => string = memoRecent(8, (text) =>
  text.replace(addresses, ' '),
);
