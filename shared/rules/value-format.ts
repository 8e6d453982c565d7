// Numbers for a wall and its reports: grouped, with as many decimals as the
// magnitude deserves, and units scaled so the figure stays short (12,345 ms
// reads as 12.35 s). Shared: the renderer's wall and the HTML report use it.
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = JSON.stringify(options);
  let found = formatters.get(id);
  if (!found) {
    found = new Intl.NumberFormat('en-US', options);
    formatters.set(id, found);
  }
  return found;
}

export interface FormattedValue {
  text: string;
  unit: string;
}

type Rounding = 'halfExpand' | 'trunc';

/** 1234 → "1,234"; 99.953 → "99.95"; 0.01234 → "0.0123"; 12_345_678 → "12.35M". */
export const formatNumber = (value: number): string => numberText(value, 'halfExpand');

function numberText(value: number, roundingMode: Rounding): string {
  if (!Number.isFinite(value)) return '–';
  // A difference that cancelled out is -0: it reads "0", not "-0".
  if (value === 0) return '0';
  const size = Math.abs(value);
  if (size >= 1e6)
    return formatter({ notation: 'compact', maximumFractionDigits: 2, roundingMode }).format(value);
  if (size >= 1000) return formatter({ maximumFractionDigits: 0, roundingMode }).format(value);
  if (size >= 100) return formatter({ maximumFractionDigits: 1, roundingMode }).format(value);
  if (size >= 1) return formatter({ maximumFractionDigits: 2, roundingMode }).format(value);
  return formatter({ maximumSignificantDigits: 3, roundingMode }).format(value);
}

/** Units whose full value means "all of it": 100 % availability, a utilization ratio of 1. */
const FULL: Record<string, number> = { '%': 100, '1': 1 };

/** Below full never reads as full: 99.996 % is "99.99", not a perfect "100". */
function formatShown(value: number, unit: string): string {
  const text = formatNumber(value);
  const full = FULL[unit];
  if (full === undefined || value >= full) return text;
  return Number(text.replaceAll(',', '')) >= full ? numberText(value, 'trunc') : text;
}

const BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

function scaleUnit(value: number, unit: string): { value: number; unit: string } {
  if (unit === 'ms' && Math.abs(value) >= 10_000) return { value: value / 1000, unit: 's' };
  if (unit === 'B' || unit === 'bytes') {
    let step = 0;
    while (Math.abs(value) >= 1000 && step < BYTE_UNITS.length - 1) {
      value /= 1000;
      step += 1;
    }
    return { value, unit: BYTE_UNITS[step] ?? unit };
  }
  return { value, unit };
}

function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/**
 * UCUM annotations read as words: "{signup}/min" → "signups/min"; a bare "{user}"
 * count needs none. A ratio ("1") is shown as a percentage by formatValue.
 */
export function displayUnit(unit: string): string {
  if (unit === '1' || /^\{[^}]*\}$/.test(unit)) return '';
  return unit.replace(/\{([^}]*)\}/g, (_match, word: string) => plural(word));
}

/** A dimensionless ratio (OpenTelemetry's `1`, as for utilization) reads as a percentage. */
function asShown(value: number, unit: string): { value: number; unit: string } {
  return unit === '1' ? { value: value * 100, unit: '%' } : { value, unit };
}

export function formatValue(value: number, unit: string): FormattedValue {
  const shown = asShown(value, unit);
  const scaled = scaleUnit(shown.value, displayUnit(shown.unit));
  return { text: formatShown(scaled.value, shown.unit), unit: scaled.unit };
}

/** A count of things drops its noun (the title names it): "{signup}/min" → "/min". */
export function shortUnit(unit: string): string {
  if (unit === '1') return '';
  return unit.replace(/\{[^}]*\}/g, '');
}

/** 4820 → "4.82k" (3 digits) or "4.8k" (2); below full never reads as full. */
function compactText(value: number, digits: number, unit: string): string {
  if (!Number.isFinite(value)) return '–';
  if (value === 0) return '0';
  const full = FULL[unit];
  const roundingMode: Rounding = full !== undefined && value < full ? 'trunc' : 'halfExpand';
  const text = formatter({ notation: 'compact', maximumSignificantDigits: digits, roundingMode });
  return text.format(value).replace(/K$/, 'k');
}

/**
 * Ways to write one value, longest first, for a tile to take the first that
 * fits: the full figure and unit, then the unit's short form, then the figure
 * in compact notation (4.82k, then 4.8k). Digits are rounded away, never cut.
 */
export function valueVariants(value: number, unit: string): FormattedValue[] {
  const full = formatValue(value, unit);
  const shown = asShown(value, unit);
  const short = scaleUnit(shown.value, shortUnit(shown.unit));
  const variants = [
    full,
    { text: full.text, unit: short.unit },
    { text: compactText(short.value, 3, shown.unit), unit: short.unit },
    { text: compactText(short.value, 2, shown.unit), unit: short.unit },
  ];
  // Each kept variant is shorter than the one before: a longer one never fits better.
  const kept = [full];
  for (const variant of variants.slice(1)) {
    const last = kept[kept.length - 1] ?? full;
    if (variant.text.length + variant.unit.length < last.text.length + last.unit.length)
      kept.push(variant);
  }
  return kept;
}

/** "3 s ago", "4 min ago", "2 h ago"; a sample from a clock ahead of ours reads "0 s ago". */
export function formatAge(ageMs: number): string {
  const seconds = Math.max(0, Math.floor(ageMs / 1000));
  if (seconds < 120) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}
