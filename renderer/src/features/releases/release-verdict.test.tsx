// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { GateVerdict } from '../../../../shared/api/releases';
import { ReleaseVerdict } from './release-verdict';

afterEach(cleanup);

function shown(verdict: GateVerdict) {
  render(<ReleaseVerdict verdict={verdict} />);
  const badge = screen.getByTestId('gate-verdict');
  const icon = badge.querySelector('.release-verdict__icon');
  return { badge, icon };
}

describe('ReleaseVerdict', () => {
  it('says a failing gate is worse, in the critical style, with a cross', () => {
    const { badge, icon } = shown('worse');
    expect(badge.textContent).toBe('✖Worse');
    expect(badge.classList.contains('release-verdict--worse')).toBe(true);
    expect(icon?.textContent).toBe('✖');
  });

  it('says a passing gate is better or the same, each with its own shape', () => {
    const better = shown('better');
    expect(better.badge.textContent).toBe('▲Better');
    expect(better.badge.classList.contains('release-verdict--better')).toBe(true);
    cleanup();
    const same = shown('same');
    expect(same.badge.textContent).toBe('=Same');
    expect(same.badge.classList.contains('release-verdict--same')).toBe(true);
  });

  it('says a gate without samples has no data, never that it passed', () => {
    const { badge, icon } = shown('nodata');
    expect(badge.textContent).toBe('?No data');
    expect(badge.classList.contains('release-verdict--nodata')).toBe(true);
    expect(icon?.textContent).toBe('?');
  });

  it('leaves the icon out of what a screen reader says: the word carries the verdict', () => {
    const { icon } = shown('worse');
    expect(icon?.getAttribute('aria-hidden')).toBe('true');
    expect(screen.getByText('Worse')).toBeTruthy();
  });
});
