// The detail view's time ranges. The store keeps up to six hours per series;
// a fresh console gets 15 minutes from the host and gathers the rest live.
export interface DetailRange {
  id: string;
  label: string;
  ms: number;
}

export const DETAIL_RANGES: DetailRange[] = [
  { id: '5m', label: '5 min', ms: 5 * 60_000 },
  { id: '15m', label: '15 min', ms: 15 * 60_000 },
  { id: '1h', label: '1 h', ms: 3_600_000 },
  { id: '6h', label: '6 h', ms: 6 * 3_600_000 },
];

export const DEFAULT_RANGE = DETAIL_RANGES[1] as DetailRange;
