// A table of alerts (the open ones, or the resolved ones) with a caption.
import type { Alert } from '../../../../shared/api/alerts';
import { AlertRow } from './alert-row';

interface AlertTableProps {
  alerts: Alert[];
  caption: string;
  empty: string;
  readOnly: boolean;
  testId: string;
}

export function AlertTable({ alerts, caption, empty, readOnly, testId }: AlertTableProps) {
  if (alerts.length === 0) {
    return (
      <p className="alerts__empty" data-testid={`${testId}-empty`}>
        {empty}
      </p>
    );
  }
  return (
    <table className="alert-table" data-testid={testId}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Severity</th>
          <th scope="col">Alert</th>
          <th scope="col">State</th>
          <th scope="col">Since</th>
          <th scope="col">Value</th>
          <th scope="col">Acknowledged</th>
        </tr>
      </thead>
      <tbody>
        {alerts.map((alert) => (
          <AlertRow key={alert.id} alert={alert} readOnly={readOnly} />
        ))}
      </tbody>
    </table>
  );
}
