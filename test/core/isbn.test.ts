import { describe, expect, it } from 'vitest';
import { isValidIsbn10, isValidIsbn13, isbn10To13, readIsbn } from '../../src/core/isbn.js';

describe('ISBN', () => {
  it('checks ISBN-10 checksums, with X as ten', () => {
    expect(isValidIsbn10('1455586692')).toBe(true);
    expect(isValidIsbn10('043942089X')).toBe(true);
    expect(isValidIsbn10('043942089x')).toBe(true);
    expect(isValidIsbn10('0-439-42089-X')).toBe(true);
    expect(isValidIsbn10('1455586693')).toBe(false);
    expect(isValidIsbn10('X455586692')).toBe(false);
  });

  it('checks ISBN-13 checksums and prefixes', () => {
    expect(isValidIsbn13('9781455586691')).toBe(true);
    expect(isValidIsbn13('978-1-4555-8669-1')).toBe(true);
    expect(isValidIsbn13('9781455586692')).toBe(false);
    // A valid EAN-13 checksum that is not a book (no 978/979 prefix).
    expect(isValidIsbn13('4006381333931')).toBe(false);
  });

  it('converts an ISBN-10 to its ISBN-13', () => {
    expect(isbn10To13('1455586692')).toBe('9781455586691');
    expect(isbn10To13('043942089X')).toBe('9780439420891');
  });

  it('reads either form into both, keeping leading zeros and X', () => {
    expect(readIsbn('0201616226')).toEqual({ error: '"0201616226" is not a valid ISBN-10 (the check digit does not match)' });
    expect(readIsbn('020161622X')).toEqual({ isbn10: '020161622X', isbn13: '9780201616224' });
    expect(readIsbn('9780201616224')).toEqual({ isbn10: '020161622X', isbn13: '9780201616224' });
    expect(readIsbn('9780374533557')).toEqual({ isbn10: '0374533555', isbn13: '9780374533557' });
    // 979 ISBNs have no ISBN-10.
    expect(readIsbn('9791032305690')).toEqual({ isbn10: null, isbn13: '9791032305690' });
  });

  it('says what is wrong', () => {
    expect(readIsbn('12345')).toEqual({ error: '"12345" is not an ISBN (expected 10 or 13 digits)' });
    expect(readIsbn('9781455586692')).toEqual({ error: '"9781455586692" is not a valid ISBN-13 (the check digit does not match)' });
    expect(readIsbn('ISBN 1455586692')).toEqual({ error: '"ISBN 1455586692" is not an ISBN (expected 10 or 13 digits)' });
  });
});
