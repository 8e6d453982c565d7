// The audit log as the Actions view shows it: asked of the host with the
// operator's filters (the text debounced), asked again whenever an action
// moves on, newest first. A slow answer never overwrites a newer one.
import { useEffect, useRef, useState } from 'react';
import type { AuditEntry, AuditQuery } from '../../../../shared/api/audit';
import type { AuditAction } from '../../../../shared/api/audit';
import { getConsoleApi } from '../../bridge/console-bridge';
import { useConsoleStore } from '../../store/console-store';
import { errorText } from './action-submit';
import { auditTimeRange } from './audit-time-range';

export const AUDIT_LIMIT = 500;
const DEBOUNCE_MS = 300;

export interface AuditFilters {
  text: string;
  action: AuditAction | '';
  state: string;
  /** A datetime-local value (local time, to the minute), or ''. */
  from: string;
  /** A datetime-local value; the whole minute is included. */
  to: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = { text: '', action: '', state: '', from: '', to: '' };

export interface AuditLogView {
  entries: AuditEntry[];
  loading: boolean;
  error: string | undefined;
}

/** The filters' text, once the operator has stopped typing for a moment. */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function useAuditLog(filters: AuditFilters): AuditLogView {
  const text = useDebounced(filters.text.trim(), DEBOUNCE_MS);
  // Any action's move (a new record, a new state) is a new audit line.
  const actions = useConsoleStore((store) => store.actions);
  const [view, setView] = useState<AuditLogView>({ entries: [], loading: true, error: undefined });
  const asked = useRef(0);

  useEffect(() => {
    const query: AuditQuery = {
      limit: AUDIT_LIMIT,
      ...(text ? { text } : {}),
      ...(filters.action ? { action: filters.action } : {}),
      ...(filters.state ? { state: filters.state } : {}),
      ...auditTimeRange(filters),
    };
    const ask = ++asked.current;
    setView((current) => ({ ...current, loading: true }));
    getConsoleApi()
      .queryAudit(query)
      .then(
        (entries) => {
          if (ask === asked.current) setView({ entries, loading: false, error: undefined });
        },
        (failure: unknown) => {
          if (ask === asked.current) {
            setView((current) => ({
              ...current,
              loading: false,
              error: `The audit log could not be read: ${errorText(failure)}`,
            }));
          }
        },
      );
  }, [text, filters.action, filters.state, filters.from, filters.to, actions]);

  return view;
}
