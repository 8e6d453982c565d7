// An alert's value with its series' unit, when the series is still known.
import type { Alert } from '../../../../shared/api/alerts';
import { useConsoleStore } from '../../store/console-store';
import { formatValue } from '../../ui/value-format';

export function useAlertValue(alert: Pick<Alert, 'seriesKey'>, value: number | undefined): string {
  const unit = useConsoleStore((store) => store.series[alert.seriesKey]?.unit ?? '');
  if (value === undefined) return '–';
  const formatted = formatValue(value, unit);
  return `${formatted.text} ${formatted.unit}`.trim();
}
