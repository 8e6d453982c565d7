// Endpoint events (deploys, builds, flags, scaling...), newest last and bounded
// like the host's own list, kept for the views that mark them.
import type { ConsoleDelta, ConsoleEvent } from '../../../shared/api/console-state';
import type { ConsoleSliceCreator } from './console-store';

export const KEEP_EVENTS = 500;

export interface EventsSlice {
  events: ConsoleEvent[];
}

export const createEventsSlice: ConsoleSliceCreator<EventsSlice> = () => ({ events: [] });

export function mergeEvents(slice: EventsSlice, delta: ConsoleDelta): Partial<EventsSlice> {
  if (!delta.events?.length) return {};
  return { events: slice.events.concat(delta.events).slice(-KEEP_EVENTS) };
}
