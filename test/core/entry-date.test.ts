import { describe, expect, it } from 'vitest';
import { instantOf, jekyllDate, offsetOfLocalTime, readEntryDate } from '../../src/core/entry-date.js';

const LA = 'America/Los_Angeles';

describe('the entry date policy', () => {
  it('keeps a date alone as that calendar day, in every zone (the gray-matter bug)', () => {
    for (const zone of [LA, 'America/Sao_Paulo', 'UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      expect(readEntryDate('2020-08-21', zone)).toEqual({ date: '2020-08-21', time: null, utcOffset: null, offsetWritten: false });
    }
    expect(instantOf({ date: '2020-08-21', time: null, utcOffset: null })).toBeNull();
  });

  it('keeps a date-time with an offset as written: its local date, time and offset', () => {
    // 23:30 at -08:00 is 07:30 UTC the next day; the entry stays on the 5th wherever the reader is.
    for (const zone of [LA, 'UTC', 'Asia/Tokyo']) {
      expect(readEntryDate('2024-03-05 23:30:00 -0800', zone)).toEqual({ date: '2024-03-05', time: '23:30:00', utcOffset: '-08:00', offsetWritten: true });
    }
    expect(instantOf({ date: '2024-03-05', time: '23:30:00', utcOffset: '-08:00' })).toBe('2024-03-06T07:30:00.000Z');
    expect(readEntryDate('2024-03-05T07:05+05:30', 'UTC')).toMatchObject({ time: '07:05', utcOffset: '+05:30' });
    expect(readEntryDate('2024-03-05 7:05:09 Z', LA)).toMatchObject({ time: '07:05:09', utcOffset: '+00:00' });
    expect(readEntryDate('2024-03-05 10:00:00 UTC', LA)).toMatchObject({ utcOffset: '+00:00' });
    expect(readEntryDate('2024-03-05 10:00:00.250 +0100', LA)).toMatchObject({ time: '10:00:00', utcOffset: '+01:00' });
  });

  it("resolves a floating date-time in the person's zone, daylight saving included", () => {
    expect(readEntryDate('2023-01-10 09:15', LA)).toEqual({ date: '2023-01-10', time: '09:15', utcOffset: '-08:00', offsetWritten: false });
    expect(readEntryDate('2023-07-10 09:15:00', LA)).toMatchObject({ utcOffset: '-07:00' });
    expect(readEntryDate('2023-07-10 09:15:00', 'Asia/Kolkata')).toMatchObject({ utcOffset: '+05:30' });
    expect(readEntryDate('2023-07-10 09:15:00', 'UTC')).toMatchObject({ utcOffset: '+00:00' });
    // 2024-03-10 02:30 does not exist in Los Angeles; 2024-11-03 01:30 happens twice: the offset before the change.
    expect(offsetOfLocalTime('2024-03-10', '02:30', LA)).toBe('-08:00');
    expect(offsetOfLocalTime('2024-03-10', '12:00', LA)).toBe('-07:00');
    expect(offsetOfLocalTime('2024-11-03', '01:30', LA)).toBe('-07:00');
    expect(offsetOfLocalTime('2024-11-03', '03:00', LA)).toBe('-08:00');
  });

  it('refuses what is not a date, naming the field', () => {
    const refused = (text: string, message: string) => expect(() => readEntryDate(text, 'UTC', 'date')).toThrow(message);
    refused('yesterday', 'date: expected YYYY-MM-DD, optionally with a time and offset as in 2024-03-05 23:30:00 -0800, got "yesterday"');
    refused('2024-02-30', 'date: "2024-02-30" is not a real date');
    refused('2024-13-01', 'date: "2024-13-01" is not a real date');
    refused('2024-03-05 24:00', 'date: "2024-03-05 24:00" is not a real time of day');
    refused('2024-03-05 10:61', 'date: "2024-03-05 10:61" is not a real time of day');
    refused('2024-03-05 10:00 +1500', 'date: "2024-03-05 10:00 +1500" has an offset beyond ±14:00');
    refused('2024/03/05', 'got "2024/03/05"');
    refused('2024-03-05 -0800', 'got "2024-03-05 -0800"');
  });

  it("writes Jekyll's date form", () => {
    expect(jekyllDate({ date: '2024-03-05', time: '23:30', utcOffset: '-08:00' })).toBe('2024-03-05 23:30:00 -0800');
    expect(jekyllDate({ date: '2024-03-05', time: '23:30:15', utcOffset: '+05:30' })).toBe('2024-03-05 23:30:15 +0530');
    expect(jekyllDate({ date: '2024-03-05', time: null, utcOffset: null })).toBe('2024-03-05');
  });
});
