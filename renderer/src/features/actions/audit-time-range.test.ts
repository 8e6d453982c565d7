import { describe, expect, it } from 'vitest';
import { auditTimeRange } from './audit-time-range';

describe('auditTimeRange', () => {
  it('reads datetime-local values as local time and includes the whole last minute', () => {
    const range = auditTimeRange({ from: '2026-11-26T09:30', to: '2026-11-26T10:15' });
    expect(range.since).toBe(new Date(2026, 10, 26, 9, 30).getTime());
    expect(range.until).toBe(new Date(2026, 10, 26, 10, 15, 59, 999).getTime());
  });

  it('leaves out a blank or unreadable bound', () => {
    expect(auditTimeRange({ from: '', to: '' })).toEqual({});
    expect(auditTimeRange({ from: 'soon', to: '' })).toEqual({});
    expect(auditTimeRange({ from: '', to: '2026-11-26T10:15' })).toEqual({
      until: new Date(2026, 10, 26, 10, 15, 59, 999).getTime(),
    });
  });
});
