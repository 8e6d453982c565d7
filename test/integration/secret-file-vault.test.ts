// Endpoint tokens on a real disk through the vault the desktop app uses. The
// cipher stands in for Electron's safeStorage (which needs the Electron
// binary): real AES-256-GCM when a keyring is there, and the basic_text
// backend (no keyring) that safeStorage falls back to on Linux.
import Conf from 'conf';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EndpointRegistry } from '../../main/core/links/endpoint-registry';
import { SecretFileVault, type TokenCipher } from '../../main/core/settings/secret-file-vault';
import { SETTINGS_FILE, SettingsStore } from '../../main/core/settings/settings-store';

const TOKEN = 'tok-3f9a1c77-secret-value';

/** A keyring-backed safeStorage: AES-256-GCM with a key the disk never sees. */
class KeyringCipher implements TokenCipher {
  private readonly key = randomBytes(32);
  isAsyncEncryptionAvailable = () => Promise.resolve(true);
  getSelectedStorageBackend = () => 'gnome_libsecret';
  encryptStringAsync(plain: string): Promise<Buffer> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), body]));
  }
  decryptStringAsync(data: Buffer): Promise<{ result: string }> {
    const decipher = createDecipheriv('aes-256-gcm', this.key, data.subarray(0, 12));
    decipher.setAuthTag(data.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]);
    return Promise.resolve({ result: plain.toString('utf8') });
  }
}

/** safeStorage on Linux with no keyring: "available", and plain text. */
class BasicTextCipher implements TokenCipher {
  isAsyncEncryptionAvailable = () => Promise.resolve(true);
  getSelectedStorageBackend = () => 'basic_text';
  encryptStringAsync = (plain: string) => Promise.resolve(Buffer.from(plain));
  decryptStringAsync = (data: Buffer) => Promise.resolve({ result: data.toString() });
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wf-vault-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const secrets = () => join(dir, 'secrets');
const allFileText = () =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'latin1'))
    .join('\n');
const openSettings = () =>
  SettingsStore.open(
    dir,
    (cwd) =>
      new Conf({ cwd, configName: 'settings', projectName: 'wf', clearInvalidConfig: false }),
  );

describe('SecretFileVault with a keyring', () => {
  it('keeps the token encrypted in a 0600 file in a 0700 folder, with no temp file left', async () => {
    const vault = new SecretFileVault(secrets(), new KeyringCipher(), 'linux');
    expect(await vault.unavailable()).toBeUndefined();
    await vault.save('prod', TOKEN);
    const files = readdirSync(secrets());
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.token$/);
    const file = join(secrets(), files[0] as string);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(secrets()).mode & 0o777).toBe(0o700);
    expect(allFileText()).not.toContain(TOKEN);
    expect(await vault.load('prod')).toBe(TOKEN);
    await vault.save('prod', 'rotated');
    expect(await vault.load('prod')).toBe('rotated');
    await vault.remove('prod');
    expect(await vault.load('prod')).toBeUndefined();
    expect(readdirSync(secrets())).toEqual([]);
  });

  it('through the registry: saved, and read back at the next start', async () => {
    const cipher = new KeyringCipher();
    const registry = new EndpointRegistry(openSettings(), new SecretFileVault(secrets(), cipher));
    const spec = await registry.prepare('prod', { url: 'wss://ops.example', token: TOKEN });
    expect(spec.problems).toEqual([]);
    await registry.save([spec]);
    const again = new EndpointRegistry(openSettings(), new SecretFileVault(secrets(), cipher));
    const [loaded] = await again.load();
    expect(loaded?.token).toBe(TOKEN);
    expect(readFileSync(join(dir, SETTINGS_FILE), 'utf8')).not.toContain(TOKEN);
  });
});

describe('SecretFileVault without a keyring (basic_text)', () => {
  it('refuses to store the token, and says why', async () => {
    const vault = new SecretFileVault(secrets(), new BasicTextCipher(), 'linux');
    expect(await vault.unavailable()).toMatch(/no system keyring.*plain text/);
    await expect(vault.save('prod', TOKEN)).rejects.toThrow(/cannot keep the token safely/);
    expect(allFileText()).not.toContain(TOKEN);
  });

  it('through the registry: the token works for this session, is written nowhere, and the operator is told', async () => {
    const registry = new EndpointRegistry(
      openSettings(),
      new SecretFileVault(secrets(), new BasicTextCipher(), 'linux'),
    );
    const spec = await registry.prepare('prod', { url: 'wss://ops.example', token: TOKEN });
    expect(spec.token).toBe(TOKEN);
    expect(spec.problems).toEqual([
      'token used for this session only, not saved: no system keyring (safeStorage would store it as plain text)',
    ]);
    await registry.save([spec]);
    expect(allFileText()).not.toContain(TOKEN);
  });

  it('asks for the backend only on Linux (elsewhere the keychain or DPAPI is always used)', async () => {
    const vault = new SecretFileVault(secrets(), new BasicTextCipher(), 'darwin');
    expect(await vault.unavailable()).toBeUndefined();
  });
});
