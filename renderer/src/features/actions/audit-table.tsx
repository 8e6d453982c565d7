// The audit log's lines, newest first: when, who, what, on which service and
// environment, with which arguments, how it stood, why, and what the
// endpoint said; actions another console or tool took are marked elsewhere.
import type { AuditEntry } from '../../../../shared/api/audit';
import { useConsoleStore } from '../../store/console-store';
import { ElsewhereMark, stateWords } from './action-status';
import { auditArgsSummary, auditTarget } from './audit-args';
import { formatClock } from '../../ui/clock-format';

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  // Lines written before the log knew the mark: the live record still knows it was taken elsewhere.
  const actions = useConsoleStore((store) => store.actions);
  return (
    <table className="audit-table" data-testid="audit-table">
      <caption className="visually-hidden">Audit log, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Operator</th>
          <th scope="col">Action</th>
          <th scope="col">Target</th>
          <th scope="col">Arguments</th>
          <th scope="col">State</th>
          <th scope="col">Reason</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const at = Date.parse(entry.at);
          const elsewhere = entry.elsewhere === true || actions[entry.key]?.elsewhere === true;
          return (
            <tr
              key={entry.seq}
              className={`audit-row audit-row--${entry.state}`}
              data-testid="audit-row"
              data-seq={entry.seq}
              data-key={entry.key}
              data-action={entry.action}
              data-state={entry.state}
              data-target={auditTarget(entry)}
              data-operator={entry.operator}
              data-elsewhere={elsewhere ? 'true' : undefined}
            >
              <td>
                <time dateTime={entry.at}>{Number.isNaN(at) ? entry.at : formatClock(at)}</time>
              </td>
              <td>
                {entry.operator}
                {elsewhere && <ElsewhereMark />}
              </td>
              <td>
                {entry.action}
                {entry.override && <strong className="audit-row__override"> override</strong>}
              </td>
              <td>{auditTarget(entry)}</td>
              <td>{auditArgsSummary(entry)}</td>
              <td className={`action-status--${entry.state}`}>{stateWords(entry.state)}</td>
              <td data-testid="audit-reason">{entry.reason ?? ''}</td>
              <td className="audit-row__message">{entry.message ?? ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
