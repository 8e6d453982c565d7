// The settings file's schema, the same for the desktop app (electron-store)
// and browser mode (conf). Tokens are never in it: they live encrypted apart.
import { z } from 'zod';

export const storedEndpointSchema = z.object({
  id: z.string().min(1).max(300),
  url: z.string().regex(/^wss?:\/\//i),
  caFile: z.string().max(4_096).optional(),
});
export type StoredEndpoint = z.infer<typeof storedEndpointSchema>;

export const settingsSchema = z.object({
  /** Who acts, for the audit log; the OS user when absent. */
  operator: z.string().max(200).optional(),
  endpoints: z.array(storedEndpointSchema).max(200).default([]),
  theme: z.enum(['dark', 'high-contrast']).default('dark'),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { endpoints: [], theme: 'dark' };
