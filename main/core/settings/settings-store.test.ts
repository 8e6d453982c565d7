import Conf from 'conf';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SETTINGS_FILE, SettingsStore, type SettingsBackendFactory } from './settings-store';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/api/settings';

const factory: SettingsBackendFactory = (cwd) =>
  new Conf({
    cwd,
    configName: 'settings',
    projectName: 'watchfloor-test',
    clearInvalidConfig: false,
  });

let dir: string;
let file: string;
let backup: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wf-settings-'));
  file = join(dir, SETTINGS_FILE);
  backup = `${file}.bak`;
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const good: Settings = {
  ...DEFAULT_SETTINGS,
  operator: 'alice',
  endpoints: [{ id: 'ops.example', url: 'wss://ops.example/feed' }],
  theme: 'high-contrast',
};

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const corruptCopies = () =>
  readdirSync(dir).filter((f) => f.startsWith(`${SETTINGS_FILE}.corrupt-`));

/** Opens, saves `good` (which also writes the .bak), and returns the file's good text. */
function saveGood(): string {
  SettingsStore.open(dir, factory).update(good);
  return readFileSync(file, 'utf8');
}

describe('SettingsStore: a clean open', () => {
  it('gives the defaults when there is no settings file, with no notice', () => {
    const store = SettingsStore.open(dir, factory);
    expect(store.value).toEqual(DEFAULT_SETTINGS);
    expect(store.notice).toBeUndefined();
    expect(corruptCopies()).toEqual([]);
  });

  it('reads a valid file, filling in defaults for missing keys, with no notice', () => {
    writeFileSync(file, JSON.stringify({ operator: 'bob' }));
    const store = SettingsStore.open(dir, factory);
    expect(store.value).toEqual({ ...DEFAULT_SETTINGS, operator: 'bob' });
    expect(store.notice).toBeUndefined();
  });
});

describe('SettingsStore.update', () => {
  it('persists the change: a new store on the same folder reads it back', () => {
    const store = SettingsStore.open(dir, factory);
    const next = store.update({ endpoints: good.endpoints });
    expect(next).toEqual({ ...DEFAULT_SETTINGS, endpoints: good.endpoints });
    expect(store.value).toEqual(next);
    expect(readJson(file)).toEqual(next);
    expect(SettingsStore.open(dir, factory).value).toEqual(next);
  });

  it('merges with the current settings', () => {
    const store = SettingsStore.open(dir, factory);
    store.update({ operator: 'carol' });
    store.update({ theme: 'high-contrast' });
    expect(SettingsStore.open(dir, factory).value).toEqual({
      ...DEFAULT_SETTINGS,
      operator: 'carol',
      endpoints: [],
      theme: 'high-contrast',
    });
  });

  it('writes settings.json.bak, a copy of the good file', () => {
    const store = SettingsStore.open(dir, factory);
    expect(existsSync(backup)).toBe(false);
    store.update(good);
    expect(readFileSync(backup, 'utf8')).toBe(readFileSync(file, 'utf8'));
    store.update({ operator: 'dave' });
    expect(readJson(backup)).toMatchObject({ operator: 'dave' });
  });

  it('keeps the file and its .bak readable by the user alone (0600), even one made 0644 before', () => {
    const mode = (path: string) => statSync(path).mode & 0o777;
    const store = SettingsStore.open(dir, factory);
    store.update(good);
    expect(mode(file)).toBe(0o600);
    expect(mode(backup)).toBe(0o600);
    chmodSync(file, 0o644);
    SettingsStore.open(dir, factory);
    expect(mode(file)).toBe(0o600);
  });

  it('refuses settings the schema does not allow, leaving file and value unchanged', () => {
    const store = SettingsStore.open(dir, factory);
    store.update(good);
    const text = readFileSync(file, 'utf8');
    expect(() =>
      store.update({ endpoints: [{ id: 'x', url: 'http://not-a-socket' }] } as Partial<Settings>),
    ).toThrow();
    expect(store.value).toEqual(good);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  // Regression: update() once handed the merged settings to the backend with
  // `set(object)`, which conf/electron-store merge into the file key by key and
  // which refuses undefined values, so an optional setting could never be
  // cleared. It now replaces the whole store (`backend.store = next`).
  it('clears an optional setting given as undefined', () => {
    const store = SettingsStore.open(dir, factory);
    store.update({ operator: 'erin' });
    store.update({ operator: undefined });
    expect(store.value.operator).toBeUndefined();
    expect(SettingsStore.open(dir, factory).value.operator).toBeUndefined();
  });
});

describe('SettingsStore: a corrupt file with a good .bak', () => {
  it.each([
    ['garbage', 'this is not json at all', /JSON/],
    ['truncated JSON', '{"operator": "alice", "endpoints": [{"id": "ops.ex', /JSON/],
    [
      'schema-invalid settings',
      JSON.stringify({ endpoints: [{ id: 'x', url: 'http://not-a-socket' }] }),
      /invalid settings/,
    ],
    ['a wrong type', JSON.stringify({ endpoints: 'none', theme: 'dark' }), /invalid settings/],
  ])('%s: restores the last good copy and says why', (_, text, problem) => {
    const goodText = saveGood();
    writeFileSync(file, text);
    const store = SettingsStore.open(dir, factory);
    expect(store.value).toEqual(good);
    expect(readFileSync(file, 'utf8')).toBe(goodText);
    expect(store.notice).toMatch(/settings file was unreadable/);
    expect(store.notice).toMatch(problem);
    expect(store.notice).toMatch(/restored the last good copy/);
    expect(corruptCopies()).toEqual([]);
  });

  it('the restored store keeps working', () => {
    saveGood();
    writeFileSync(file, '{');
    const store = SettingsStore.open(dir, factory);
    store.update({ operator: 'frank' });
    const again = SettingsStore.open(dir, factory);
    expect(again.value).toEqual({ ...good, operator: 'frank' });
    expect(again.notice).toBeUndefined();
  });
});

describe('SettingsStore: a corrupt file and no good .bak', () => {
  it.each([
    ['no .bak', undefined],
    ['a corrupt .bak', 'also garbage'],
    ['a schema-invalid .bak', JSON.stringify({ theme: 'neon' })],
  ])('with %s: sets the file aside, uses the defaults and says where it went', (_, bak) => {
    const corrupt = '{"operator": "alice", "endpoints": [';
    writeFileSync(file, corrupt);
    if (bak !== undefined) writeFileSync(backup, bak);
    const before = Date.now();
    const store = SettingsStore.open(dir, factory);
    const after = Date.now();

    expect(store.value).toEqual(DEFAULT_SETTINGS);
    const [aside, ...more] = corruptCopies();
    expect(more).toEqual([]);
    expect(aside).toMatch(/^settings\.json\.corrupt-\d+$/);
    const stamp = Number(aside?.slice(`${SETTINGS_FILE}.corrupt-`.length));
    expect(stamp).toBeGreaterThanOrEqual(before);
    expect(stamp).toBeLessThanOrEqual(after);
    expect(readFileSync(join(dir, aside ?? ''), 'utf8')).toBe(corrupt);

    expect(store.notice).toMatch(/settings file was unreadable \(.*JSON.*\)/);
    expect(store.notice).toContain(join(dir, aside ?? ''));
    expect(store.notice).toMatch(/defaults are in use/);
  });

  it('a schema-invalid file is set aside too, and the notice names the problem', () => {
    const text = JSON.stringify({ endpoints: [{ id: 'x', url: 'http://x' }] });
    writeFileSync(file, text);
    const store = SettingsStore.open(dir, factory);
    expect(store.value).toEqual(DEFAULT_SETTINGS);
    expect(store.notice).toMatch(/invalid settings/);
    const [aside] = corruptCopies();
    expect(readFileSync(join(dir, aside ?? ''), 'utf8')).toBe(text);
  });

  it('after setting the file aside, updates work and a later open is clean', () => {
    writeFileSync(file, 'garbage');
    const store = SettingsStore.open(dir, factory);
    store.update(good);
    const again = SettingsStore.open(dir, factory);
    expect(again.value).toEqual(good);
    expect(again.notice).toBeUndefined();
  });
});
