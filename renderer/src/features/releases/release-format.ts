// The words and numbers of a release: shares of users, time spent in a ring,
// and a gate's difference and tolerance as signed percentages.
import type { ReleaseGate } from '../../../../shared/api/releases';

const percent = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** 0.05 → "5 %"; 0.001 → "0.1 %". */
export function formatShare(share: number): string {
  return `${percent.format(share * 100)} %`;
}

/** 8_400 → "8 s"; 312_000 → "5 min 12 s"; 7_380_000 → "2 h 03 min"; 3 days → "3 d 4 h". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** A relative difference: 0.0085 → "+0.9 %"; -0.12 → "−12 %"; large ones without decimals. */
export function formatDifference(difference: number | undefined): string {
  if (difference === undefined || !Number.isFinite(difference)) return '–';
  const value = difference * 100;
  const rounded = Math.abs(value) >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  if (rounded === 0) return '0 %';
  const sign = rounded > 0 ? '+' : '−';
  return `${sign}${percent.format(Math.abs(rounded))} %`;
}

/** What the release may be off by before it fails: "up to +50 %" (higher is worse). */
export function formatTolerance(gate: Pick<ReleaseGate, 'tolerance' | 'direction'>): string {
  const amount = percent.format(gate.tolerance * 100);
  return gate.direction === 'above' ? `up to +${amount} %` : `down to −${amount} %`;
}

/** The value beyond which the release fails this gate, for the chart's dashed line. */
export function gateLimit(gate: ReleaseGate): number | undefined {
  if (gate.baselineValue === undefined) return undefined;
  const scale = Math.max(Math.abs(gate.baselineValue), 1e-9);
  const offset = gate.tolerance * scale;
  return gate.direction === 'above' ? gate.baselineValue + offset : gate.baselineValue - offset;
}

/** "Failed requests (beta on 5.9.0)" → "Failed requests": the ring and version are shown beside it. */
export function gateName(gate: Pick<ReleaseGate, 'title'>): string {
  return gate.title.replace(/\s*\([^)]*\)\s*$/, '') || gate.title;
}
