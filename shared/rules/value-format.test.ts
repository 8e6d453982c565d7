// The formatting both the wall and the report use: units as words, figures short.
import { describe, expect, it } from 'vitest';
import { displayUnit, formatValue } from './value-format';

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
});
