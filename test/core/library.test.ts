import { describe, expect, it } from 'vitest';
import { lastName, matchKey, normalizeName } from '../../src/core/library.js';

describe('normalizeName', () => {
  it('collapses runs of spaces, tabs and newlines and trims', () => {
    expect(normalizeName('Jane   Q.  Doe ')).toBe('Jane Q. Doe');
    expect(normalizeName('\tCal\nNewport  ')).toBe('Cal Newport');
    expect(normalizeName('   ')).toBe('');
  });
});

describe('lastName', () => {
  it('reads "Last, First" and "First Last"', () => {
    expect(lastName('Newport, Cal')).toBe('Newport');
    expect(lastName('Cal  Newport')).toBe('Newport');
    expect(lastName('Plato')).toBe('Plato');
  });
});

describe('matchKey', () => {
  it('is the same for a book with or without its subtitle or series, and for either name order', () => {
    const key = matchKey('Deep Work', ['Cal Newport']);
    expect(key).toBe('deep work|newport');
    expect(matchKey('Deep Work: Rules for Focused Success in a Distracted World', ['Newport, Cal'])).toBe(key);
    expect(matchKey('Deep Work — Rules for Focused Success', ['Cal   Newport'])).toBe(key);
    expect(matchKey('Leviathan Wakes (The Expanse, #1)', ['James S.A. Corey'])).toBe(matchKey('Leviathan Wakes', ['Corey, James S.A.']));
  });

  it('folds case, accents, punctuation and "&"', () => {
    expect(matchKey('Thinking, Fast and Slow', ['Daniel Kahneman'])).toBe(matchKey('THINKING FAST & SLOW', ['Daniel Kahnemán']));
  });

  it('tells apart different books and different authors; only the first author counts', () => {
    expect(matchKey('Deep Work', ['Cal Newport'])).not.toBe(matchKey('Deep Work', ['Someone Else']));
    expect(matchKey('Deep Work', ['Cal Newport'])).not.toBe(matchKey('Digital Minimalism', ['Cal Newport']));
    expect(matchKey('Refactoring', ['Martin Fowler', 'Kent Beck'])).toBe(matchKey('Refactoring', ['Martin Fowler']));
    expect(matchKey('Untitled notes', [])).toBe('untitled notes|');
  });

  it('keeps the whole title when the title is nothing but a parenthesis', () => {
    expect(matchKey('(Untitled)', [])).toBe('untitled|');
  });
});
