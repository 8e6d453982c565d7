import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsPatchSchema } from '../../../shared/api/settings';
import { completePatch } from './settings-save';

const { endpoints: _endpoints, ...visible } = DEFAULT_SETTINGS;

describe('completePatch', () => {
  it('keeps the high-contrast theme when only the layout changes, as the host parses it', () => {
    const shown = { ...visible, theme: 'high-contrast' as const };
    const layout = { hidden: ['demo/signups'], band: {}, order: {} };
    const sent = settingsPatchSchema.parse(completePatch(shown, { layout }));
    expect(sent.theme).toBe('high-contrast');
    expect(sent.layout).toEqual(layout);
  });

  it('keeps an enabled playlist and the windows through a theme change', () => {
    const playlist = { enabled: true, views: ['wall' as const, 'alerts' as const], intervalS: 20 };
    const windows = [{ displayId: 2, view: 'alerts' as const }];
    const sent = completePatch({ ...visible, playlist, windows }, { theme: 'high-contrast' });
    expect(sent).toMatchObject({ theme: 'high-contrast', playlist, windows });
  });
});
