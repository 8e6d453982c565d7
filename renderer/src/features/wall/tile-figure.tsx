// A tile's value and unit, fitted to the tile's width as measured in the DOM:
// the number's type scales down, then the value is written shorter (short
// unit, compact notation); a digit is never cut. Measuring happens only when
// the figure takes a shape it has not had in this room (tile size, status),
// not on every sample.
import { memo, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import type { FormattedValue } from '../../ui/value-format';
import { fitAttempts, fitScale, textShape } from './figure-fit';

interface Fit {
  key: string;
  /** Into fitAttempts(variants). */
  attempt: number;
  scale: number;
  settled: boolean;
}

interface TileFigureProps {
  id: string;
  /** Ways to write the value, longest first (valueVariants). */
  variants: FormattedValue[];
  /** The full unit, for the tooltip when a short one is shown. */
  fullUnit: string;
  /** Changes whenever the room or the type may have: tile size, status. */
  roomKey: string;
}

/** Fits a figure remembers (a few shapes in as many rooms); more starts afresh. */
const KNOWN_FITS = 16;

/** Widths at scale 1, from what is on screen now. */
function measure(figure: HTMLElement, value: HTMLElement, unit: HTMLElement, scale: number) {
  const gap = parseFloat(getComputedStyle(figure).columnGap) || 0;
  const unitWidth = unit.textContent ? unit.getBoundingClientRect().width : 0;
  const widths = { value: value.getBoundingClientRect().width / scale, unit: unitWidth, gap };
  // A pixel spare: sub-pixel widths round up in scrollWidth.
  return { widths, room: figure.clientWidth - 1 };
}

// Memoised: re-rendered for a new value or room, not for the tile's other changes.
export const TileFigure = memo(function TileFigure({
  id,
  variants,
  fullUnit,
  roomKey,
}: TileFigureProps) {
  const figureRef = useRef<HTMLDivElement>(null);
  const valueRef = useRef<HTMLSpanElement>(null);
  const unitRef = useRef<HTMLSpanElement>(null);
  const key = `${roomKey}|${variants.map((variant) => `${textShape(variant.text)}~${variant.unit}`).join('|')}`;
  const [fit, setFit] = useState<Fit>({ key: '', attempt: 0, scale: 1, settled: false });
  // Fits found before, by shape and room: a value that comes back to a shape it
  // had ("62.58" after "62.5") takes its fit again without reading layout.
  const [known] = useState(() => new Map<string, Fit>());
  const current =
    fit.key === key ? fit : (known.get(key) ?? { key, attempt: 0, scale: 1, settled: false });
  const attempts = fitAttempts(variants.map((variant) => variant.text));
  const attempt = attempts[Math.min(current.attempt, attempts.length - 1)];
  const index = attempt?.variant ?? 0;
  const shown = variants[index] ?? { text: '–', unit: '' };

  // Reads layout only while unsettled: a new shape or room, never a same-shape value.
  useLayoutEffect(() => {
    if (current.settled) return;
    const [figure, value, unit] = [figureRef.current, valueRef.current, unitRef.current];
    if (!figure || !value || !unit || figure.clientWidth === 0) return;
    const { widths, room } = measure(figure, value, unit, current.scale);
    const scale = fitScale(widths, room, attempt?.minScale ?? 0);
    const next = current.attempt + 1;
    const settle = (settled: Fit) => {
      if (known.size >= KNOWN_FITS) known.clear();
      known.set(key, settled);
      setFit(settled);
    };
    if (scale !== undefined) return settle({ key, attempt: current.attempt, scale, settled: true });
    if (next < attempts.length) return setFit({ key, attempt: next, scale: 1, settled: false });
    // Nothing shorter to write: smaller type rather than a cut digit.
    const unitPart = widths.unit > 0 ? widths.unit + widths.gap : 0;
    const last = Math.max(0.2, Math.min(1, (room - unitPart) / widths.value));
    settle({ key, attempt: current.attempt, scale: last, settled: true });
  });

  return (
    <div
      className="tile__figure"
      id={id}
      ref={figureRef}
      style={{ '--fit': current.scale } as CSSProperties}
      data-variant={index}
    >
      <span className="tile__value" data-testid="tile-value" ref={valueRef}>
        {shown.text}
      </span>
      <span className="tile__unit" data-testid="tile-unit" title={fullUnit} ref={unitRef}>
        {shown.unit}
      </span>
    </div>
  );
});
