/** ISBN-10 and ISBN-13: checksums and the 13-digit form every item is matched by. */

// Exports mostly write bare digits: those need no rewriting.
const digitsOf = (text: string): string => (/^\d+$/.test(text) ? text : text.replace(/[\s-]/g, '').toUpperCase());

export function isValidIsbn10(text: string): boolean {
  return validIsbn10(digitsOf(text));
}

function validIsbn10(s: string): boolean {
  if (!/^\d{9}[\dX]$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (10 - i) * (s[i] === 'X' ? 10 : Number(s[i]));
  return sum % 11 === 0;
}

export function isValidIsbn13(text: string): boolean {
  return validIsbn13(digitsOf(text));
}

function validIsbn13(s: string): boolean {
  if (!/^97[89]\d{10}$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += (i % 2 === 0 ? 1 : 3) * Number(s[i]);
  return sum % 10 === 0;
}

/** The ISBN-13 of a valid ISBN-10 (978 prefix, new check digit). */
export function isbn10To13(isbn10: string): string {
  const core = `978${digitsOf(isbn10).slice(0, 9)}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (i % 2 === 0 ? 1 : 3) * Number(core[i]);
  return core + String((10 - (sum % 10)) % 10);
}

export type IsbnReading = { isbn10: string | null; isbn13: string } | { error: string };

/**
 * Reads an ISBN of either length (hyphens and spaces allowed) into both forms; an ISBN-13 with a
 * 979 prefix has no ISBN-10. The error says what is wrong, for a "field: problem" message.
 */
export function readIsbn(text: string): IsbnReading {
  const s = digitsOf(text);
  if (s.length === 10) {
    if (!validIsbn10(s)) return { error: `${JSON.stringify(text)} is not a valid ISBN-10 (the check digit does not match)` };
    return { isbn10: s, isbn13: isbn10To13(s) };
  }
  if (s.length === 13) {
    if (!validIsbn13(s)) return { error: `${JSON.stringify(text)} is not a valid ISBN-13 (the check digit does not match)` };
    if (!s.startsWith('978')) return { isbn10: null, isbn13: s };
    const core = s.slice(3, 12);
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += (10 - i) * Number(core[i]);
    const check = (11 - (sum % 11)) % 11;
    return { isbn10: core + (check === 10 ? 'X' : String(check)), isbn13: s };
  }
  return { error: `${JSON.stringify(text)} is not an ISBN (expected 10 or 13 digits)` };
}
