// The audit log's filters: a text search (debounced by the query), the
// action, the state and a time range in local time (an incident's window).
import { useId } from 'react';
import { AUDIT_ACTIONS, type AuditAction } from '../../../../shared/api/audit';
import { ACTION_STATES } from '../../../../shared/protocol';
import type { AuditFilters } from './audit-query';

interface AuditFiltersProps {
  filters: AuditFilters;
  onChange(filters: AuditFilters): void;
}

export function AuditFilterBar({ filters, onChange }: AuditFiltersProps) {
  const id = useId();
  return (
    <form
      className="audit-filters"
      role="search"
      aria-label="Filter the audit log"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="field">
        <label htmlFor={`${id}-text`}>Search</label>
        <input
          id={`${id}-text`}
          type="search"
          data-testid="audit-search"
          placeholder="service, operator, reason, version…"
          value={filters.text}
          onChange={(event) => onChange({ ...filters, text: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-action`}>Action</label>
        <select
          id={`${id}-action`}
          data-testid="audit-filter-action"
          value={filters.action}
          onChange={(event) =>
            onChange({ ...filters, action: event.target.value as AuditAction | '' })
          }
        >
          <option value="">All actions</option>
          {AUDIT_ACTIONS.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-state`}>State</label>
        <select
          id={`${id}-state`}
          data-testid="audit-filter-state"
          value={filters.state}
          onChange={(event) => onChange({ ...filters, state: event.target.value })}
        >
          <option value="">All states</option>
          {ACTION_STATES.map((state) => (
            <option key={state} value={state}>
              {state}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>From</label>
        <input
          id={`${id}-from`}
          type="datetime-local"
          data-testid="audit-filter-from"
          value={filters.from}
          max={filters.to || undefined}
          onChange={(event) => onChange({ ...filters, from: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>To</label>
        <input
          id={`${id}-to`}
          type="datetime-local"
          data-testid="audit-filter-to"
          value={filters.to}
          min={filters.from || undefined}
          onChange={(event) => onChange({ ...filters, to: event.target.value })}
        />
      </div>
      {(filters.from || filters.to) && (
        <button
          type="button"
          className="button button--small"
          data-testid="audit-filter-clear-time"
          onClick={() => onChange({ ...filters, from: '', to: '' })}
        >
          Any time
        </button>
      )}
    </form>
  );
}
