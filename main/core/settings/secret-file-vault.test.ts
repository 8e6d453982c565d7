// The vault replaces a token file whole (temp file, then rename), never
// rewrites it in place: a crash mid-write would otherwise leave a torn token.
// A second hard link to the old file shows which happened: a rename gives the
// token name a new inode and leaves the link's bytes alone.
import { linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SecretFileVault, type TokenCipher } from './secret-file-vault';

/** A stand-in keyring: reversible, and never the plain text. */
const cipher: TokenCipher = {
  isAsyncEncryptionAvailable: () => Promise.resolve(true),
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptStringAsync: (plain) => Promise.resolve(Buffer.from(plain).reverse()),
  decryptStringAsync: (data) => Promise.resolve({ result: Buffer.from(data).reverse().toString() }),
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wf-vault-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('secret file vault', () => {
  it('replaces the token file with a new one instead of writing into the old one', async () => {
    const vault = new SecretFileVault(join(dir, 'secrets'), cipher, 'linux');
    await vault.save('prod', 'first-token');
    const [name] = readdirSync(join(dir, 'secrets'));
    const file = join(dir, 'secrets', name as string);
    const oldInode = join(dir, 'old-inode');
    linkSync(file, oldInode);

    await vault.save('prod', 'second-token');

    expect(await vault.load('prod')).toBe('second-token');
    expect(readFileSync(oldInode)).toEqual(Buffer.from('first-token').reverse());
    expect(readdirSync(join(dir, 'secrets'))).toEqual([name]);
  });

  it('refuses to save without encryption, saying why, and writes nothing', async () => {
    const vault = new SecretFileVault(join(dir, 'secrets'), {
      ...cipher,
      isAsyncEncryptionAvailable: () => Promise.resolve(false),
    });
    expect(await vault.unavailable()).toBe('safeStorage is not available');
    await expect(vault.save('prod', 'token')).rejects.toThrow(
      'cannot keep the token safely: safeStorage is not available',
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('passes on an encryption failure as it is, leaving no file behind', async () => {
    const locked = new Error('keyring locked');
    const vault = new SecretFileVault(
      join(dir, 'secrets'),
      { ...cipher, encryptStringAsync: () => Promise.reject(locked) },
      'linux',
    );
    await expect(vault.save('prod', 'token')).rejects.toBe(locked);
    expect(readdirSync(join(dir, 'secrets'))).toEqual([]);
  });

  it('removes its temp file when the rename fails, and reports the failure', async () => {
    const vault = new SecretFileVault(join(dir, 'secrets'), cipher, 'linux');
    await vault.save('other', 'token');
    const [name] = readdirSync(join(dir, 'secrets'));
    rmSync(join(dir, 'secrets', name as string));
    // A folder where the token file goes: the rename cannot replace it.
    mkdirSync(join(dir, 'secrets', name as string));
    await expect(vault.save('other', 'token')).rejects.toMatchObject({ code: 'EISDIR' });
    expect(readdirSync(join(dir, 'secrets'))).toEqual([name]);
  });
});
