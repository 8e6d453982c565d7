// A link's last few problems, newest first, each with its time.
import type { LinkProblem } from '../../../../shared/api/links';

const clock = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const dayAndClock = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Today's problems by their time alone; older ones with their day. */
function when(at: number, today: string): string {
  const date = new Date(at);
  return (date.toDateString() === today ? clock : dayAndClock).format(date);
}

export function ConnectionErrors({ errors }: { errors: LinkProblem[] }) {
  if (errors.length === 0) {
    return <p className="connection-errors connection-errors--none">No recent errors</p>;
  }
  const today = new Date().toDateString();
  const newestFirst = [...errors].reverse();
  return (
    <div className="connection-errors">
      <h4 className="connection-errors__heading">Recent errors</h4>
      <ol className="connection-errors__list">
        {newestFirst.map((error, index) => (
          <li key={`${error.at}-${index}`} data-testid="connection-error">
            <time dateTime={new Date(error.at).toISOString()}>{when(error.at, today)}</time>{' '}
            <span className="connection-errors__message">{error.message}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
