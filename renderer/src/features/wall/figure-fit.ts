// How a tile's figure fits its width: the number's type scales down (to a
// floor that still reads across a room), and when even that is too wide the
// next, shorter way of writing the value is tried. The unit keeps its size.

/** Widths in px as measured at type scale 1. */
export interface FigureWidths {
  value: number;
  unit: number;
  /** Between number and unit; none without a unit. */
  gap: number;
}

/** The smallest share of its full size the number may take before it is written shorter. */
export const MIN_FIGURE_SCALE = 0.6;
/** The number keeps its full size while a shorter unit can make it fit: the unit gives way first. */
export const COMFORT_SCALE = 1;

/** One way to try: a variant of the value and how small its number may get. */
export interface FitAttempt {
  variant: number;
  minScale: number;
}

/**
 * The order to try a value's variants (longest first, as valueVariants gives
 * them) in: every variant that keeps all digits at a comfortable size, then
 * the shortest of those and the compact ones down to the floor. So the unit
 * shortens before the number shrinks much, and digits go last.
 */
export function fitAttempts(texts: string[]): FitAttempt[] {
  const allDigits = texts.flatMap((text, index) => (text === texts[0] ? [index] : []));
  const lastFull = allDigits[allDigits.length - 1] ?? 0;
  return [
    ...allDigits.map((variant) => ({ variant, minScale: COMFORT_SCALE })),
    ...texts.flatMap((_text, variant) =>
      variant >= lastFull ? [{ variant, minScale: MIN_FIGURE_SCALE }] : [],
    ),
  ];
}

/** The type scale (≤ 1) at which the figure fits `room`, or undefined below `minScale`. */
export function fitScale(widths: FigureWidths, room: number, minScale: number): number | undefined {
  const unitPart = widths.unit > 0 ? widths.unit + widths.gap : 0;
  const forValue = room - unitPart;
  if (forValue <= 0 || widths.value <= 0) return widths.value <= 0 ? 1 : undefined;
  const scale = Math.min(1, forValue / widths.value);
  return scale >= minScale ? scale : undefined;
}

/**
 * What to measure again for: digits are all one width (tabular figures), so
 * "4,820" and "4,821" share a shape and a new sample of the same shape needs
 * no measuring.
 */
export const textShape = (text: string): string => text.replace(/\d/g, '0');
