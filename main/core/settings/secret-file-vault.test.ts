// The vault replaces a token file whole (temp file, then rename), never
// rewrites it in place: a crash mid-write would otherwise leave a torn token.
// A second hard link to the old file shows which happened: a rename gives the
// token name a new inode and leaves the link's bytes alone.
import { linkSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
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
});
