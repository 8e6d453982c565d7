// The audit filter's time range: datetime-local values (local time, to the
// minute) as the query's epoch-millisecond bounds.

/** The query's time bounds from the filters' local date-times; a blank or bad one is no bound. */
export function auditTimeRange(filters: { from: string; to: string }): {
  since?: number;
  until?: number;
} {
  // datetime-local strings carry no zone, so Date reads them as local time, as the operator typed them.
  const since = filters.from ? new Date(filters.from).getTime() : NaN;
  const to = filters.to ? new Date(filters.to).getTime() : NaN;
  const until = Number.isFinite(to) ? to + 59_999 : NaN;
  return {
    ...(Number.isFinite(since) ? { since } : {}),
    ...(Number.isFinite(until) ? { until } : {}),
  };
}
