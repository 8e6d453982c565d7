// Samples travel in compact batches: many [time, value] points per series.
import { z } from 'zod';
import { id } from './ids';

/** Timestamps are Unix epoch milliseconds; values finite numbers. */
export const pointSchema = z.tuple([z.number().finite(), z.number().finite()]);

export const sampleBatchSchema = z.object({
  series: id,
  points: z.array(pointSchema).max(100_000),
});
export type SampleBatch = z.infer<typeof sampleBatchSchema>;
