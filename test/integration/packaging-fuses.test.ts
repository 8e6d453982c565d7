// The fuses the packaged app is built with (electron-builder flips them in the
// binary at `npm run dist`). Flipping cannot run here without the Electron
// binary; this holds the configuration to the promise in docs/security.md,
// and checks each key against electron-builder's own schema so a misspelt
// fuse (silently ignored at packaging) fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as {
  asar?: boolean;
  electronFuses?: Record<string, boolean>;
};
const scheme = JSON.parse(readFileSync('node_modules/app-builder-lib/scheme.json', 'utf8')) as {
  definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
};

const REQUIRED = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  enableCookieEncryption: true,
  // The renderer loads from app://, so file:// pages need (and get) no extra privileges.
  grantFileProtocolExtraPrivileges: false,
};

describe('electron-builder.yml fuses', () => {
  it('sets every fuse Watchfloor promises, to the safe value', () => {
    expect(config.electronFuses).toMatchObject(REQUIRED);
  });

  it('names only fuses electron-builder knows', () => {
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    expect(known.length).toBeGreaterThan(5);
    for (const fuse of Object.keys(config.electronFuses ?? {})) expect(known).toContain(fuse);
  });

  it('packs the app into an asar, which onlyLoadAppFromAsar and integrity validation need', () => {
    expect(config.asar).toBe(true);
  });
});
