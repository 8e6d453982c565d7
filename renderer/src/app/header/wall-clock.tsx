// Local and UTC time side by side: incidents are logged in UTC, people live locally.
import { useNow } from '../../ui/now-ticker';

const local = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export function WallClock() {
  const now = useNow();
  const date = new Date(now);
  return (
    <div className="wall-clock" data-testid="wall-clock">
      <span className="wall-clock__local">{local.format(date)}</span>
      <span className="wall-clock__utc">{date.toISOString().slice(11, 19)} UTC</span>
    </div>
  );
}
