import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsPatchSchema, settingsSchema } from './settings';

describe('settings patch', () => {
  it('carries only what it names: a layout patch does not reset theme, playlist or windows', () => {
    const patch = settingsPatchSchema.parse({ layout: { hidden: ['ep/cpu'] } });
    expect(Object.keys(patch)).toEqual(['layout']);
    const current = settingsSchema.parse({
      theme: 'high-contrast',
      playlist: { enabled: true, views: ['wall', 'alerts'], intervalS: 60 },
      windows: [{ displayId: 2, view: 'alerts' }],
    });
    const next = settingsSchema.parse({ ...current, ...patch });
    expect(next.theme).toBe('high-contrast');
    expect(next.playlist.enabled).toBe(true);
    expect(next.windows).toEqual([{ displayId: 2, view: 'alerts' }]);
    expect(next.layout.hidden).toEqual(['ep/cpu']);
  });

  it('an empty patch is empty', () => {
    expect(settingsPatchSchema.parse({})).toEqual({});
  });

  it('refuses what the renderer may not change and values out of range', () => {
    expect(settingsPatchSchema.safeParse({ theme: 'neon' }).success).toBe(false);
    expect(settingsPatchSchema.parse({ endpoints: [] })).toEqual({});
    expect(DEFAULT_SETTINGS.theme).toBe('dark');
  });
});
