// Endpoint tokens, encrypted with Electron's safeStorage (async API) and
// written atomically (temp file 0600, then rename), as Headlamp does. On Linux
// without a keyring safeStorage falls back to plain text: we refuse instead.
import { safeStorage } from 'electron';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretVault } from './core/endpoint-registry';

export class SafeStorageVault implements SecretVault {
  constructor(private readonly dir: string) {}

  async unavailable(): Promise<string | undefined> {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) return 'safeStorage is not available';
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      return 'no system keyring (safeStorage would store it as plain text)';
    }
    return undefined;
  }

  async save(id: string, token: string): Promise<void> {
    const why = await this.unavailable();
    if (why) throw new Error(`cannot keep the token safely: ${why}`);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const file = this.file(id);
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, await safeStorage.encryptStringAsync(token), { mode: 0o600 });
    await rename(temp, file);
  }

  async load(id: string): Promise<string | undefined> {
    const data = await readFile(this.file(id)).catch(() => undefined);
    if (!data) return undefined;
    const { result } = await safeStorage.decryptStringAsync(data);
    return result;
  }

  async remove(id: string): Promise<void> {
    await rm(this.file(id), { force: true });
  }

  private file(id: string): string {
    return join(this.dir, `${Buffer.from(id).toString('base64url')}.token`);
  }
}
