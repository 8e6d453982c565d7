import { userInfo } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/api/settings';
import { bootConsole, type BootedConsole } from './console-boot';
import type { SettingsStore } from './settings/settings-store';

/** Settings in memory, as the store holds them. */
function memorySettings(initial: Partial<Settings>): SettingsStore {
  let value: Settings = { ...DEFAULT_SETTINGS, ...initial };
  return {
    get value() {
      return value;
    },
    update(change: Partial<Settings>) {
      value = { ...value, ...change };
      return value;
    },
  } as unknown as SettingsStore;
}

let booted: BootedConsole | undefined;
afterEach(async () => {
  await booted?.stop();
  booted = undefined;
});

const boot = (settings: SettingsStore) =>
  bootConsole({ endpoints: [], demo: false, seed: 1 }, { clientVersion: 'test', settings });

describe('the operator name', () => {
  it('defaults to the OS user in the settings every view reads, not a word of its own', async () => {
    booted = await boot(memorySettings({}));
    const state = await booted.core.getState();
    expect(state.settings.operator).toBe(userInfo().username);
  });

  it('is the one the settings name, when they name one', async () => {
    booted = await boot(memorySettings({ operator: 'ana' }));
    expect((await booted.core.getState()).settings.operator).toBe('ana');
  });
});
