// Times in review: a snapshot may be days old, so every instant carries its
// date, and a position reads as "how far into the window".
import { formatSpan } from '../../ui/clock-format';

const dateAndClock = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const clockOnly = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "Jan 15, 2025, 11:00:03". */
export const formatReviewTime = (at: number): string => dateAndClock.format(new Date(at));

/** "Jan 15, 2025, 11:00:00 to 11:15:00", with the second date only when it differs. */
export function formatReviewRange(from: number, to: number): string {
  const sameDay = new Date(from).toDateString() === new Date(to).toDateString();
  const end = sameDay ? clockOnly.format(new Date(to)) : formatReviewTime(to);
  return `${formatReviewTime(from)} to ${end}`;
}

/** "3 min 20 s into the window". */
export const formatIntoWindow = (from: number, at: number): string =>
  `${formatSpan(at - from)} into the window`;
