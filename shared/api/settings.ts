// The settings file's schema, the same for the desktop app (electron-store)
// and browser mode (conf). Tokens are never in it: they live encrypted apart.
import { z } from 'zod';
import { levelSchema } from '../protocol';

export const storedEndpointSchema = z.object({
  id: z.string().min(1).max(300),
  url: z.string().regex(/^wss?:\/\//i),
  caFile: z.string().max(4_096).optional(),
});
export type StoredEndpoint = z.infer<typeof storedEndpointSchema>;

/** Which series the wall shows, in which band and order. Absent keys keep the catalog's choice. */
export const wallLayoutSchema = z.object({
  hidden: z.array(z.string().max(300)).max(10_000).default([]),
  /** Series key → band, for a series an operator moved to another band. */
  band: z.record(z.string().max(300), levelSchema).default({}),
  /** Per band, series keys in the operator's order; keys not listed follow in catalog order. */
  order: z.partialRecord(levelSchema, z.array(z.string().max(300)).max(10_000)).default({}),
});
export type WallLayout = z.infer<typeof wallLayoutSchema>;

export const VIEW_NAMES = [
  'wall',
  'deployments',
  'alerts',
  'actions',
  'releases',
  'connections',
] as const;
export const viewNameSchema = z.enum(VIEW_NAMES);
export type ViewName = z.infer<typeof viewNameSchema>;

export const playlistSchema = z.object({
  enabled: z.boolean().default(false),
  views: z.array(viewNameSchema).max(20).default(['wall']),
  intervalS: z.number().int().min(5).max(3_600).default(30),
});
export type Playlist = z.infer<typeof playlistSchema>;

/** The desktop app's windows: one per display, each with its view. */
export const windowSettingSchema = z.object({
  displayId: z.number().int(),
  view: viewNameSchema,
});

const operatorSchema = z.string().max(200);
const themeSchema = z.enum(['dark', 'high-contrast']);
const windowsSchema = z.array(windowSettingSchema).max(16);

export const settingsSchema = z.object({
  /** Who acts, for the audit log; the OS user when absent. */
  operator: operatorSchema.optional(),
  endpoints: z.array(storedEndpointSchema).max(200).default([]),
  theme: themeSchema.default('dark'),
  layout: wallLayoutSchema.default({ hidden: [], band: {}, order: {} }),
  playlist: playlistSchema.default({ enabled: false, views: ['wall'], intervalS: 30 }),
  windows: windowsSchema.default([]),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/**
 * What the renderer may change; endpoints go through their own API. Built
 * without the defaults: zod's `.partial()` keeps them, so a patch of the layout
 * alone came out with theme, playlist and windows reset to their defaults.
 */
export const settingsPatchSchema = z.object({
  operator: operatorSchema.optional(),
  theme: themeSchema.optional(),
  layout: wallLayoutSchema.optional(),
  playlist: playlistSchema.optional(),
  windows: windowsSchema.optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** What the renderer sees of the settings: no endpoints list (it has the live links). */
export type VisibleSettings = Omit<Settings, 'endpoints'>;
