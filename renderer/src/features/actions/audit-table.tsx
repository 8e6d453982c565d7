// The audit log, one row per action, newest first: when it was asked for (with
// the day when not today), who, what, on which service and environment, with
// which arguments, where it stands, why, and what the endpoint said last. Its
// lifecycle (one audit line per step) folds out under it; actions another
// console or tool took are marked elsewhere.
import { useState } from 'react';
import type { AuditEntry } from '../../../../shared/api/audit';
import { useConsoleStore } from '../../store/console-store';
import { ElsewhereMark, stateWords } from './action-status';
import { AUDIT_LABEL } from './action-labels';
import { auditArgsSummary, auditTarget } from './audit-args';
import { auditRows, type AuditActionRow } from './audit-rows';
import { formatClock } from '../../ui/clock-format';

const COLUMNS = ['Time', 'Operator', 'Action', 'Target', 'Arguments', 'State', 'Reason', 'Message'];

function When({ entry, now }: { entry: AuditEntry; now: number }) {
  const at = Date.parse(entry.at);
  return <time dateTime={entry.at}>{Number.isNaN(at) ? entry.at : formatClock(at, now)}</time>;
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  // Lines written before the log knew the mark: the live record still knows it was taken elsewhere.
  const actions = useConsoleStore((store) => store.actions);
  const now = Date.now();
  return (
    <table className="audit-table" data-testid="audit-table">
      <caption className="visually-hidden">
        Audit log, one row per action, newest first; each action&apos;s steps fold out under it
      </caption>
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      {auditRows(entries).map((row) => (
        <AuditAction
          key={row.id}
          row={row}
          now={now}
          elsewhere={row.elsewhere || actions[row.latest.key]?.elsewhere === true}
        />
      ))}
    </table>
  );
}

function AuditAction({
  row,
  now,
  elsewhere,
}: {
  row: AuditActionRow;
  now: number;
  elsewhere: boolean;
}) {
  const [open, setOpen] = useState(false);
  const { latest, first } = row;
  const stepsId = `audit-steps-${row.id.replace(/\W/g, '-')}`;
  return (
    <tbody
      className="audit-action"
      data-testid="audit-action"
      data-key={latest.key}
      data-action={latest.action}
      data-state={latest.state}
      data-operator={latest.operator}
      data-steps={row.steps.length}
    >
      <tr className={`audit-action__row audit-row--${latest.state}`}>
        <td>
          <When entry={first} now={now} />
        </td>
        <td>
          {latest.operator}
          {elsewhere && <ElsewhereMark />}
        </td>
        <td title={latest.action}>
          {AUDIT_LABEL[latest.action]}
          {row.override && <strong className="audit-row__override"> override</strong>}
        </td>
        <td>{auditTarget(latest)}</td>
        <td>{auditArgsSummary(latest)}</td>
        <td className={`action-status--${latest.state}`}>
          {stateWords(latest.state)}{' '}
          <button
            type="button"
            className="audit-action__toggle"
            data-testid="audit-steps-toggle"
            aria-expanded={open}
            aria-controls={stepsId}
            onClick={() => setOpen(!open)}
          >
            {open ? '▾' : '▸'} {row.steps.length} step{row.steps.length === 1 ? '' : 's'}
          </button>
        </td>
        <td data-testid="audit-action-reason">{row.reason ?? ''}</td>
        <td className="audit-row__message">{latest.message ?? ''}</td>
      </tr>
      {row.steps.map((step, index) => (
        <AuditStep
          key={step.seq}
          step={step}
          now={now}
          open={open}
          id={index === 0 ? stepsId : undefined}
          elsewhere={elsewhere}
        />
      ))}
    </tbody>
  );
}

/** One audit line: a step of the action's lifecycle, newest last. */
function AuditStep({
  step,
  now,
  open,
  id,
  elsewhere,
}: {
  step: AuditEntry;
  now: number;
  open: boolean;
  id: string | undefined;
  elsewhere: boolean;
}) {
  return (
    <tr
      id={id}
      hidden={!open}
      className={`audit-row audit-row--step audit-row--${step.state}`}
      data-testid="audit-row"
      data-seq={step.seq}
      data-key={step.key}
      data-action={step.action}
      data-state={step.state}
      data-target={auditTarget(step)}
      data-operator={step.operator}
      data-elsewhere={elsewhere ? 'true' : undefined}
    >
      <td>
        <When entry={step} now={now} />
      </td>
      <td>{step.operator}</td>
      <td colSpan={3} />
      <td className={`action-status--${step.state}`}>{stateWords(step.state)}</td>
      <td data-testid="audit-reason">{step.reason ?? ''}</td>
      <td className="audit-row__message">{step.message ?? ''}</td>
    </tr>
  );
}
