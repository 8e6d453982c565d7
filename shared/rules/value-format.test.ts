// The formatting both the wall and the report use: units as words, figures short.
// The renderer's value-format.test.ts covers the everyday figures; these pin the
// edges: each boundary of a scale, every byte unit, and the compact variants.
import { describe, expect, it } from 'vitest';
import { displayUnit, formatAge, formatNumber, formatValue, valueVariants } from './value-format';

const texts = (value: number, unit: string) =>
  valueVariants(value, unit).map((variant) => `${variant.text}|${variant.unit}`);

describe('value-format', () => {
  it('writes UCUM annotations as words and drops dimensionless units', () => {
    expect(displayUnit('{signup}/min')).toBe('signups/min');
    expect(displayUnit('{user}')).toBe('');
    expect(displayUnit('1')).toBe('');
  });

  it('scales and rounds values as the wall does', () => {
    expect(formatValue(12_345, 'ms')).toEqual({ text: '12.35', unit: 's' });
    expect(formatValue(99.996, '%')).toEqual({ text: '99.99', unit: '%' });
    expect(formatValue(1e308, '%').text).not.toBe('');
    expect(formatValue(5e-324, 'ms').text).not.toBe('');
  });

  it('shortens a figure from exactly one million on', () => {
    expect(formatNumber(1_000_000)).toBe('1M');
    expect(formatNumber(999_999)).toBe('999,999');
  });

  it('rounds a percentage above full as any other figure', () => {
    expect(formatValue(100.06, '%').text).toBe('100.1');
    expect(formatValue(1.0006, '1')).toEqual({ text: '100.1', unit: '%' });
  });

  it('writes a response time in seconds from exactly ten seconds on', () => {
    expect(formatValue(10_000, 'ms')).toEqual({ text: '10', unit: 's' });
  });

  it('names every byte unit, from exactly 1000 of the one below, up to petabytes', () => {
    expect(formatValue(999, 'B')).toEqual({ text: '999', unit: 'B' });
    expect(formatValue(1000, 'B')).toEqual({ text: '1', unit: 'kB' });
    expect(formatValue(2e6, 'bytes')).toEqual({ text: '2', unit: 'MB' });
    expect(formatValue(3e12, 'B')).toEqual({ text: '3', unit: 'TB' });
    expect(formatValue(4e15, 'B')).toEqual({ text: '4', unit: 'PB' });
    // Nothing is larger than a petabyte: the figure grows instead.
    expect(formatValue(5e18, 'B')).toEqual({ text: '5,000', unit: 'PB' });
  });

  it('makes plurals of the counted noun as English does', () => {
    expect(displayUnit('{query}/s')).toBe('queries/s');
    expect(displayUnit('{type}/min')).toBe('types/min');
  });

  it('keeps a unit that only ends with an annotation, in words', () => {
    expect(displayUnit('kB/{request}')).toBe('kB/requests');
  });

  it('offers no compact variant of nothing: zero and a missing figure keep their text', () => {
    expect(texts(0, '{signup}/min')).toEqual(['0|signups/min', '0|/min']);
    expect(texts(NaN, '{signup}/min')).toEqual(['–|signups/min', '–|/min']);
  });

  it('rounds compact figures half up, and a percentage above full too', () => {
    expect(texts(12_355, '{entry}/min')).toEqual([
      '12,355|entries/min',
      '12,355|/min',
      '12.4k|/min',
      '12k|/min',
    ]);
    expect(texts(100.6, '%')).toEqual(['100.6|%', '101|%']);
  });

  it('counts hours up to two days, then days', () => {
    const hour = 3_600_000;
    expect(formatAge(48 * hour - 1)).toBe('47 h ago');
    expect(formatAge(48 * hour)).toBe('2 d ago');
  });
});
