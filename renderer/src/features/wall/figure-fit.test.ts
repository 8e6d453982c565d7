import { describe, expect, it } from 'vitest';
import { COMFORT_SCALE, fitAttempts, fitScale, MIN_FIGURE_SCALE, textShape } from './figure-fit';

describe('fitScale', () => {
  it('keeps full size when the number and unit fit', () => {
    expect(fitScale({ value: 100, unit: 30, gap: 5 }, 200, 0.6)).toBe(1);
  });

  it('scales the number alone down so number, gap and unit fill the room', () => {
    // 135 px left for the number after a 60 px unit and a 5 px gap.
    expect(fitScale({ value: 180, unit: 60, gap: 5 }, 200, 0.6)).toBeCloseTo(0.75);
  });

  it('says no fit when the number would have to shrink below the floor', () => {
    expect(fitScale({ value: 300, unit: 60, gap: 5 }, 200, 0.6)).toBeUndefined();
    expect(fitScale({ value: 50, unit: 250, gap: 5 }, 200, 0.6)).toBeUndefined();
  });

  it('counts no gap for a figure without a unit', () => {
    expect(fitScale({ value: 200, unit: 0, gap: 40 }, 200, 0.6)).toBe(1);
  });
});

describe('textShape', () => {
  it('gives figures of the same width the same shape', () => {
    expect(textShape('4,820')).toBe(textShape('9,131'));
    expect(textShape('4,820')).not.toBe(textShape('482'));
    expect(textShape('4.8k')).not.toBe(textShape('4,8'));
  });
});

describe('fitAttempts', () => {
  const order = (texts: string[]) =>
    fitAttempts(texts).map(
      (attempt) =>
        `${texts[attempt.variant]}@${attempt.minScale === COMFORT_SCALE ? 'comfort' : 'floor'}`,
    );

  it('shortens the unit before the number shrinks much, and rounds digits last', () => {
    // valueVariants(14.2, '{signup}/min'): signups/min, /min, then "14".
    expect(order(['14.2', '14.2', '14'])).toEqual([
      '14.2@comfort',
      '14.2@comfort',
      '14.2@floor',
      '14@floor',
    ]);
    expect(fitAttempts(['14.2', '14.2', '14'])[1]).toEqual({ variant: 1, minScale: COMFORT_SCALE });
  });

  it('shrinks a unitless count to the floor before writing it compact', () => {
    expect(order(['4,820', '4.8k'])).toEqual(['4,820@comfort', '4,820@floor', '4.8k@floor']);
    expect(fitAttempts(['4,820', '4.8k'])[2]).toEqual({ variant: 1, minScale: MIN_FIGURE_SCALE });
  });
});
