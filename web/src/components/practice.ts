/** How a practice felt, as the log's selects offer it: the values the activity schema accepts, in words. */
export const ENERGY: [string, string][] = [
  ['-2', '−2 drained'],
  ['-1', '−1 a little drained'],
  ['0', '0 neutral'],
  ['1', '+1 a little energized'],
  ['2', '+2 energized'],
];
export const EASE: [string, string][] = [
  ['1', '1 hard'],
  ['2', '2'],
  ['3', '3'],
  ['4', '4'],
  ['5', '5 natural'],
];

/** What a session marked done says in a status line. */
export const doneMessage = (done: { activity: { minutes: number; date: string } }, name: string) =>
  `Practice logged: ${done.activity.minutes} min of ${name} on ${done.activity.date}.`;
