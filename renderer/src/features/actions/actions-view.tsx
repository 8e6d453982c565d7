// The Audit view: the log of every action taken, one row per action with its
// steps folded in, filtered by action and state, searched, newest first, and
// refreshed whenever an action moves on. Actions are taken where their target
// is shown (wall, deployments, releases); this view says what was done.
import { useState } from 'react';
import { AuditFilterBar } from './audit-filters';
import { NO_AUDIT_FILTERS, useAuditLog, type AuditFilters } from './audit-query';
import { auditRows } from './audit-rows';
import { AuditTable } from './audit-table';
import './actions.css';

export function ActionsView() {
  const [filters, setFilters] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const { entries, loading, error } = useAuditLog(filters);
  const actions = auditRows(entries).length;
  return (
    <main className="actions-view" data-testid="actions-view" aria-labelledby="actions-title">
      <div className="actions-view__head">
        <h2 className="alerts__title" id="actions-title">
          Audit log
        </h2>
        <AuditFilterBar filters={filters} onChange={setFilters} />
      </div>
      {error && (
        <p className="action-dialog__error" role="alert" data-testid="audit-error">
          {error}
        </p>
      )}
      <p className="board-muted" aria-live="polite" data-testid="audit-count">
        {loading && entries.length === 0
          ? 'Reading the audit log…'
          : `${actions} action${actions === 1 ? '' : 's'} (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}), newest first`}
      </p>
      {entries.length > 0 && <AuditTable entries={entries} />}
    </main>
  );
}
