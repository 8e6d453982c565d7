// The console's whole state as the renderer loads it, and the one delta it is
// pushed after each flush.
import { z } from 'zod';
import { cloudEventSchema, serviceStateSchema } from '../protocol';
import { actionRecordSchema } from './actions';
import { alertSchema, alertTransitionSchema } from './alerts';
import { endpointStatusSchema } from './links';
import { releaseStatusSchema } from './releases';
import { consoleSeriesSchema, pointsSchema } from './series';
import { settingsSchema } from './settings';

export const endpointDeploymentsSchema = z.object({
  endpointId: z.string(),
  resourceVersion: z.number(),
  services: z.array(serviceStateSchema),
});
export type EndpointDeployments = z.infer<typeof endpointDeploymentsSchema>;

export const consoleEventSchema = cloudEventSchema.extend({ endpointId: z.string() });
export type ConsoleEvent = z.infer<typeof consoleEventSchema>;

export const consoleStateSchema = z.object({
  /** The seq of the last delta sent before this state was taken: the next one is seq + 1. */
  seq: z.number().int().nonnegative(),
  endpoints: z.array(endpointStatusSchema),
  series: z.array(consoleSeriesSchema),
  points: z.record(z.string(), pointsSchema),
  deployments: z.array(endpointDeploymentsSchema),
  actions: z.array(actionRecordSchema),
  events: z.array(consoleEventSchema),
  profile: z.enum(['operator', 'display']),
  /** Things the operator must know about the console itself (a recovered settings file, say). */
  notices: z.array(z.string()),
  /** Open alerts first, then recently resolved ones. */
  alerts: z.array(alertSchema),
  alertTimeline: z.array(alertTransitionSchema),
  settings: settingsSchema.omit({ endpoints: true }),
  /** Releases rolling out ring by ring, with their gates. */
  releases: z.array(releaseStatusSchema),
  /** Kiosk mode: fullscreen, no chrome; the renderer hides its controls. */
  kiosk: z.boolean(),
  /** A snapshot the main process was asked to open before the page was there. */
  openSnapshot: z.string().optional(),
});
export type ConsoleState = z.infer<typeof consoleStateSchema>;

/** Everything that changed since the previous flush, in one message. */
export const consoleDeltaSchema = z.object({
  /** 1, 2, 3…, restarting with the host: a gap means a delta was lost. */
  seq: z.number().int(),
  endpoints: z.array(endpointStatusSchema).optional(),
  /** Ids of endpoints removed since the last delta. */
  endpointsRemoved: z.array(z.string()).optional(),
  series: z.array(consoleSeriesSchema).optional(),
  /** Keys of series gone from their endpoint's catalog. */
  seriesRemoved: z.array(z.string()).optional(),
  /** New points per series key since the last delta (appended, in time order). */
  points: z.record(z.string(), pointsSchema).optional(),
  deployments: z.array(endpointDeploymentsSchema).optional(),
  actions: z.array(actionRecordSchema).optional(),
  events: z.array(consoleEventSchema).optional(),
  /** Alerts that changed, as they are now. */
  alerts: z.array(alertSchema).optional(),
  alertTransitions: z.array(alertTransitionSchema).optional(),
  notices: z.array(z.string()).optional(),
  settings: settingsSchema.omit({ endpoints: true }).optional(),
  /** The whole list, when anything in it changed. */
  releases: z.array(releaseStatusSchema).optional(),
  /** The main process asks the page to open this snapshot (command line, File > Open, a second launch). */
  openSnapshot: z.string().optional(),
});
export type ConsoleDelta = z.infer<typeof consoleDeltaSchema>;
