// Canvas colours cannot come from CSS by themselves: they are read from the
// theme's custom properties (wall.css) whenever a chart redraws in full.
export interface ChartPalette {
  line: string;
  area: string;
  label: string;
  split: string;
  warning: string;
  critical: string;
  marker: string;
  action: string;
  tooltipBackground: string;
  tooltipText: string;
}

const FALLBACK: ChartPalette = {
  line: '#5ccfff',
  area: 'rgba(92, 207, 255, 0.12)',
  label: '#a7b6c9',
  split: '#1e2838',
  warning: '#ffb020',
  critical: '#ff4d4d',
  marker: '#e0a8ff',
  action: '#ffffff',
  tooltipBackground: '#0e141d',
  tooltipText: '#f1f5fa',
};

const PROPERTY: Record<keyof ChartPalette, string> = {
  line: '--chart-line',
  area: '--chart-area',
  label: '--chart-label',
  split: '--chart-split',
  warning: '--warning',
  critical: '--critical',
  marker: '--chart-marker',
  action: '--chart-action',
  tooltipBackground: '--panel',
  tooltipText: '--text',
};

export function readChartPalette(): ChartPalette {
  const style = getComputedStyle(document.documentElement);
  const palette = { ...FALLBACK };
  for (const key of Object.keys(PROPERTY) as (keyof ChartPalette)[]) {
    const value = style.getPropertyValue(PROPERTY[key]).trim();
    if (value) palette[key] = value;
  }
  return palette;
}
