import { z } from 'zod';

/** Identifiers of series, services, environments, rings, flags and actions. */
export const id = z.string().min(1).max(128);
