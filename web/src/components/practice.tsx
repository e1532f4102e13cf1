import { SelectField } from './Field.js';

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

/**
 * The two selects of how a practice felt, energy and ease, as every practice form asks them;
 * `idOf` names each field's element (the form's errors point at it).
 */
export function FeelingFields({
  idOf,
  energy,
  ease,
  errors,
  onEnergy,
  onEase,
}: {
  idOf: (field: 'energy' | 'ease') => string;
  energy: string;
  ease: string;
  errors: { energy?: string; ease?: string };
  onEnergy: (value: string) => void;
  onEase: (value: string) => void;
}) {
  const choices = (options: [string, string][]) => [
    <option key="" value="">
      not said
    </option>,
    ...options.map(([v, l]) => (
      <option key={v} value={v}>
        {l}
      </option>
    )),
  ];
  return (
    <>
      <SelectField
        id={idOf('energy')}
        label="Energy (optional)"
        hint="Did it drain or energize you?"
        value={energy}
        error={errors.energy}
        onChange={(e) => onEnergy(e.target.value)}
      >
        {choices(ENERGY)}
      </SelectField>
      <SelectField
        id={idOf('ease')}
        label="Ease (optional)"
        hint="How naturally did it come?"
        value={ease}
        error={errors.ease}
        onChange={(e) => onEase(e.target.value)}
      >
        {choices(EASE)}
      </SelectField>
    </>
  );
}
