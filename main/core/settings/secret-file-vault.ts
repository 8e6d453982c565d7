// Endpoint tokens in files, encrypted by the OS keyring through a cipher
// (Electron's safeStorage async API in the desktop app), written atomically:
// a 0600 temp file, then rename, in a 0700 folder, as Headlamp does. On Linux
// without a keyring safeStorage "encrypts" to plain text (basic_text): we
// refuse instead, and the registry tells the operator the token is
// session-only. No electron import here, so all of it runs under plain Node.
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretVault } from '../links/endpoint-registry';

/** The part of Electron's safeStorage the vault uses. */
export interface TokenCipher {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  /** Linux only: 'basic_text' means no keyring, so no encryption at all. */
  getSelectedStorageBackend(): string;
  encryptStringAsync(plain: string): Promise<Buffer>;
  decryptStringAsync(data: Buffer): Promise<{ result: string }>;
}

export class SecretFileVault implements SecretVault {
  constructor(
    private readonly dir: string,
    private readonly cipher: TokenCipher,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  async unavailable(): Promise<string | undefined> {
    if (!(await this.cipher.isAsyncEncryptionAvailable())) return 'safeStorage is not available';
    if (this.platform === 'linux' && this.cipher.getSelectedStorageBackend() === 'basic_text') {
      return 'no system keyring (safeStorage would store it as plain text)';
    }
    return undefined;
  }

  async save(id: string, token: string): Promise<void> {
    const why = await this.unavailable();
    if (why) throw new Error(`cannot keep the token safely: ${why}`);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    // mkdir's mode is masked by the umask and ignored for an existing folder.
    await chmod(this.dir, 0o700);
    const file = this.file(id);
    const temp = `${file}.${process.pid}.tmp`;
    try {
      await writeFile(temp, await this.cipher.encryptStringAsync(token), { mode: 0o600 });
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async load(id: string): Promise<string | undefined> {
    const data = await readFile(this.file(id)).catch(() => undefined);
    if (!data) return undefined;
    const { result } = await this.cipher.decryptStringAsync(data);
    return result;
  }

  async remove(id: string): Promise<void> {
    await rm(this.file(id), { force: true });
  }

  private file(id: string): string {
    return join(this.dir, `${Buffer.from(id).toString('base64url')}.token`);
  }
}
