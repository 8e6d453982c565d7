// The three levels' names as the wall shows them.
import type { Level } from '../../../shared/protocol';

export const LEVEL_HEADING: Record<Level, string> = {
  business: 'Business',
  service: 'Service',
  technical: 'Technical',
};
