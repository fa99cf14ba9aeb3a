/**
 * The text with its e-mail and web addresses blanked out: "careers.walmart.com" and "jobs@keyfort.eu" are not prose,
 * so they make no name a common lower-case word. Lower-case bare domains only; "Booking.com" stays a name.
 */
export function withoutAddresses(text: string): string {
  return text.replace(
    /\S+@\S+|https?:\/\/\S+|\bwww\.\S+|\b[a-z0-9-]+\.(?:com|org|net|io|co|ai|eu|uk|de|ca)\b\S*/g,
    ' ',
  );
}
