// The settings file, behind one schema for both hosts: the desktop app backs
// it with electron-store, browser mode with conf (what electron-store is built
// on). Every good write is copied to a `.bak`; a corrupt file is restored from
// that copy, or set aside, and either way the operator is told: never reset silently.
import { chmodSync, copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../shared/api/settings';

/** The part of conf / electron-store we use. */
export interface SettingsBackend {
  readonly path: string;
  /** Assigning replaces the whole file, so an optional setting can be cleared. */
  store: Record<string, unknown>;
}

/** Opens the backend on `cwd/settings.json`; must throw on a corrupt file (clearInvalidConfig: false). */
export type SettingsBackendFactory = (cwd: string) => SettingsBackend;

export const SETTINGS_FILE = 'settings.json';

export class SettingsStore {
  private constructor(
    private readonly backend: SettingsBackend,
    private current: Settings,
    readonly notice: string | undefined,
  ) {
    ownerOnly(backend.path);
  }

  static open(cwd: string, factory: SettingsBackendFactory): SettingsStore {
    const path = join(cwd, SETTINGS_FILE);
    const first = tryOpen(cwd, factory);
    if (first.ok) return new SettingsStore(first.backend, first.settings, undefined);
    const backup = `${path}.bak`;
    if (existsSync(backup) && tryParse(readFileSync(backup, 'utf8'))) {
      copyFileSync(backup, path);
      const restored = tryOpen(cwd, factory);
      if (restored.ok) {
        const notice = `The settings file was unreadable (${first.error}); restored the last good copy.`;
        return new SettingsStore(restored.backend, restored.settings, notice);
      }
    }
    const aside = `${path}.corrupt-${Date.now()}`;
    renameSync(path, aside);
    const fresh = tryOpen(cwd, factory);
    if (!fresh.ok) throw new Error(`cannot open settings at ${path}: ${fresh.error}`);
    const notice = `The settings file was unreadable (${first.error}) and no good copy existed; it was kept as ${aside} and defaults are in use.`;
    return new SettingsStore(fresh.backend, fresh.settings, notice);
  }

  get value(): Settings {
    return this.current;
  }

  update(change: Partial<Settings>): Settings {
    const next = settingsSchema.parse({ ...this.current, ...change });
    this.backend.store = next;
    ownerOnly(this.backend.path);
    copyFileSync(this.backend.path, `${this.backend.path}.bak`);
    ownerOnly(`${this.backend.path}.bak`);
    this.current = next;
    return next;
  }
}

/**
 * Settings name the endpoints a console watches and who operates it: readable
 * by the user alone (0600), like the token vault. The backends write a new
 * file on every change, so the mode is set again after each write.
 */
function ownerOnly(path: string): void {
  if (existsSync(path)) chmodSync(path, 0o600);
}

type Opened =
  { ok: true; backend: SettingsBackend; settings: Settings } | { ok: false; error: string };

function tryOpen(cwd: string, factory: SettingsBackendFactory): Opened {
  try {
    const backend = factory(cwd);
    const raw: unknown = backend.store;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return { ok: false, error: 'invalid settings: not a JSON object' };
    }
    const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...backend.store });
    if (!parsed.success) {
      return {
        ok: false,
        error: `invalid settings: ${parsed.error.issues[0]?.message ?? 'schema'}`,
      };
    }
    return { ok: true, backend, settings: parsed.data };
  } catch (err) {
    return { ok: false, error: (err as Error).message.split('\n')[0] ?? 'unreadable' };
  }
}

function tryParse(text: string): boolean {
  try {
    return settingsSchema.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
}
