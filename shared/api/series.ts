// A series as the console knows it, its points, and its global key.
import { z } from 'zod';
import { seriesInfoSchema } from '../protocol';

/** A series as the console knows it: the endpoint's catalog entry keyed globally. */
export const consoleSeriesSchema = seriesInfoSchema.extend({
  key: z.string(),
  endpointId: z.string(),
  /** A per-series error reported by the endpoint (a failing query, say). */
  error: z.string().optional(),
});
export type ConsoleSeries = z.infer<typeof consoleSeriesSchema>;

/** Columnar points: times and values of equal length. */
export const pointsSchema = z.object({ t: z.array(z.number()), v: z.array(z.number()) });
export type Points = z.infer<typeof pointsSchema>;

export const seriesKey = (endpointId: string, seriesId: string): string =>
  `${endpointId}/${seriesId}`;
