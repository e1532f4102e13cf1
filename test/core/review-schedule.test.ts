import { describe, expect, it } from 'vitest';
import { cardStateName, gradeSchedule, newCardSchedule } from '../../src/core/review-schedule.js';

const NOW = new Date('2026-11-23T12:00:00.000Z');
const minutesAfter = (iso: string, from = NOW) => (new Date(iso).getTime() - from.getTime()) / 60_000;

describe('review scheduling (FSRS behind two functions)', () => {
  it('a new card is due at once and has never been reviewed', () => {
    const card = newCardSchedule(NOW);
    expect(card).toMatchObject({ due: NOW.toISOString(), reps: 0, lapses: 0, lastReview: null });
    expect(cardStateName(card.state)).toBe('new');
  });

  it('grades a new card as FSRS does: Again 1 min, Hard 6 min, Good 10 min, Easy 8 days', () => {
    const card = newCardSchedule(NOW);
    expect(minutesAfter(gradeSchedule(card, NOW, 'again').schedule.due)).toBe(1);
    expect(minutesAfter(gradeSchedule(card, NOW, 'hard').schedule.due)).toBe(6);
    expect(minutesAfter(gradeSchedule(card, NOW, 'good').schedule.due)).toBe(10);
    const easy = gradeSchedule(card, NOW, 'easy');
    expect(minutesAfter(easy.schedule.due) / (24 * 60)).toBe(8);
    expect(cardStateName(easy.schedule.state)).toBe('review');
    expect(easy.schedule.lastReview).toBe(NOW.toISOString());
  });

  it('logs the state the grade was given in, and reads only the now it is given', () => {
    const card = newCardSchedule(NOW);
    const first = gradeSchedule(card, NOW, 'good');
    expect(first.log).toMatchObject({ rating: 3, state: 0, review: NOW.toISOString() });
    expect(gradeSchedule(card, NOW, 'good')).toEqual(first);
    const later = new Date(first.schedule.due);
    const second = gradeSchedule(first.schedule, later, 'good');
    expect(second.log.state).toBe(first.schedule.state);
    expect(new Date(second.schedule.due).getTime()).toBeGreaterThan(later.getTime());
  });

  it('a card forgotten after it was learned counts a lapse', () => {
    const learned = gradeSchedule(newCardSchedule(NOW), NOW, 'easy').schedule;
    const forgotten = gradeSchedule(learned, new Date(learned.due), 'again').schedule;
    expect(forgotten.lapses).toBe(1);
    expect(cardStateName(forgotten.state)).toBe('relearning');
  });
});
