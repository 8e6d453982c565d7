import { describe, expect, it } from 'vitest';
import {
  displayUnit,
  formatAge,
  formatNumber,
  formatValue,
  shortUnit,
  valueVariants,
} from './value-format';

// Values and units as the demo's twelve series send them (endpoints/demo/demo-catalog.ts).
describe('formatValue on the wall', () => {
  it('groups thousands and writes a count of things without a unit', () => {
    expect(formatValue(4820, '{user}')).toEqual({ text: '4,820', unit: '' });
    expect(formatValue(212, '{connection}')).toEqual({ text: '212', unit: '' });
  });

  it('writes a rate of things as a plural word per minute', () => {
    expect(formatValue(14.2, '{signup}/min')).toEqual({ text: '14.2', unit: 'signups/min' });
    expect(formatValue(940, '{entry}/min')).toEqual({ text: '940', unit: 'entries/min' });
    expect(formatValue(31, '{error}/min')).toEqual({ text: '31', unit: 'errors/min' });
    expect(formatValue(3, '{patch}/h')).toEqual({ text: '3', unit: 'patches/h' });
  });

  it('keeps two decimals of a percentage such as availability', () => {
    expect(formatValue(99.98, '%')).toEqual({ text: '99.98', unit: '%' });
    expect(formatValue(99.953, '%')).toEqual({ text: '99.95', unit: '%' });
    expect(formatValue(99.42, '%')).toEqual({ text: '99.42', unit: '%' });
  });

  it('never rounds a percentage below 100 up to a perfect 100', () => {
    expect(formatValue(99.996, '%').text).toBe('99.99');
    expect(formatValue(99.9999, '%').text).toBe('99.99');
    expect(formatValue(100, '%').text).toBe('100');
    // Away from the limit, ordinary rounding still applies.
    expect(formatValue(54.345, '%').text).toBe('54.35');
  });

  it('shows a dimensionless ratio (unit 1) as a percentage, never as full before it is', () => {
    expect(formatValue(0.41, '1')).toEqual({ text: '41', unit: '%' });
    expect(formatValue(0.345, '1')).toEqual({ text: '34.5', unit: '%' });
    expect(formatValue(0.99999, '1')).toEqual({ text: '99.99', unit: '%' });
    expect(formatValue(1, '1')).toEqual({ text: '100', unit: '%' });
  });

  it('scales a long response time to seconds and bytes by thousands', () => {
    expect(formatValue(860, 'ms')).toEqual({ text: '860', unit: 'ms' });
    expect(formatValue(9_999, 'ms')).toEqual({ text: '9,999', unit: 'ms' });
    expect(formatValue(12_345, 'ms')).toEqual({ text: '12.35', unit: 's' });
    expect(formatValue(-12_000, 'ms')).toEqual({ text: '-12', unit: 's' });
    expect(formatValue(2.5e9, 'B')).toEqual({ text: '2.5', unit: 'GB' });
    expect(formatValue(640, 'bytes')).toEqual({ text: '640', unit: 'B' });
  });

  it('shows other units, UCUM bytes included, as given', () => {
    expect(formatValue(1_500_000, 'By')).toEqual({ text: '1.5M', unit: 'By' });
  });
});

describe('formatNumber', () => {
  it('gives a figure as many decimals as its size deserves', () => {
    expect(formatNumber(1234)).toBe('1,234');
    expect(formatNumber(12_345.5)).toBe('12,346');
    expect(formatNumber(182.46)).toBe('182.5');
    expect(formatNumber(1.2)).toBe('1.2');
    expect(formatNumber(2.345)).toBe('2.35');
  });

  it('keeps three significant digits of a small value, so it never reads as zero', () => {
    expect(formatNumber(0.01234)).toBe('0.0123');
    expect(formatNumber(0.0004)).toBe('0.0004');
    expect(formatNumber(-0.004)).toBe('-0.004');
  });

  it('shortens millions and more with a suffix that keeps the magnitude', () => {
    expect(formatNumber(12_345_678)).toBe('12.35M');
    expect(formatNumber(999_999_999)).toBe('1B');
    expect(formatNumber(1.5e12)).toBe('1.5T');
    expect(formatNumber(-2_500_000)).toBe('-2.5M');
  });

  it('writes negatives with their sign and zero without one', () => {
    expect(formatNumber(-4820)).toBe('-4,820');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
  });

  it('shows a dash for a value that is not a number', () => {
    expect(formatNumber(NaN)).toBe('–');
    expect(formatNumber(Infinity)).toBe('–');
    expect(formatValue(NaN, '%')).toEqual({ text: '–', unit: '%' });
  });
});

describe('displayUnit', () => {
  it('says what a tile without a sample is counted in', () => {
    expect(displayUnit('{invoice}/min')).toBe('invoices/min');
    expect(displayUnit('{test}')).toBe('');
    expect(displayUnit('ms')).toBe('ms');
    expect(displayUnit('')).toBe('');
  });
});

describe('valueVariants', () => {
  const texts = (value: number, unit: string) =>
    valueVariants(value, unit).map((variant) => `${variant.text}|${variant.unit}`);

  it('offers the full figure first, then a short unit, then compact notation', () => {
    // "4.82k" is no shorter than "4,820": it is skipped.
    expect(texts(4820, '{user}')).toEqual(['4,820|', '4.8k|']);
    expect(texts(14.2, '{signup}/min')).toEqual(['14.2|signups/min', '14.2|/min', '14|/min']);
    expect(texts(12_345, '{entry}/min')).toEqual([
      '12,345|entries/min',
      '12,345|/min',
      '12.3k|/min',
      '12k|/min',
    ]);
  });

  it('keeps the unit visible in every variant', () => {
    for (const variant of valueVariants(99.55, '%')) expect(variant.unit).toBe('%');
    for (const variant of valueVariants(2.5e9, 'B')) expect(variant.unit).toBe('GB');
  });

  it('rounds digits away in compact notation, never cuts them, and never reaches full', () => {
    expect(texts(99.55, '%')).toEqual(['99.55|%', '99.5|%', '99|%']);
    expect(texts(0.99999, '1')).toEqual(['99.99|%', '99.9|%', '99|%']);
    expect(texts(1_234_567, 'ms')).toEqual(['1,235|s', '1.2k|s']);
  });

  it('offers only variants shorter than the one before', () => {
    expect(texts(8, '{server}')).toEqual(['8|']);
    expect(texts(160, 'ms')).toEqual(['160|ms']);
  });
});

describe('shortUnit', () => {
  it('drops the counted noun and keeps the rate', () => {
    expect(shortUnit('{signup}/min')).toBe('/min');
    expect(shortUnit('{error}/min')).toBe('/min');
    expect(shortUnit('{user}')).toBe('');
    expect(shortUnit('1')).toBe('');
    expect(shortUnit('ms')).toBe('ms');
  });
});

describe('formatAge', () => {
  it('counts seconds for two minutes, then minutes, hours and days', () => {
    expect(formatAge(3_400)).toBe('3 s ago');
    expect(formatAge(119_999)).toBe('119 s ago');
    expect(formatAge(120_000)).toBe('2 min ago');
    expect(formatAge(2 * 3_600_000)).toBe('2 h ago');
    expect(formatAge(47 * 3_600_000)).toBe('47 h ago');
    expect(formatAge(3 * 86_400_000)).toBe('3 d ago');
  });

  it('reads a sample stamped by a clock ahead of ours as just now', () => {
    expect(formatAge(-1_500)).toBe('0 s ago');
  });
});
