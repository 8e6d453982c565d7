// Services, environments and versions per endpoint.
import type { ConsoleDelta, EndpointDeployments } from '../../../shared/api/console-state';
import type { ConsoleSliceCreator } from './console-store';
import { replaceById } from './replace-by-id';

export interface DeploysSlice {
  deployments: EndpointDeployments[];
}

export const createDeploysSlice: ConsoleSliceCreator<DeploysSlice> = () => ({ deployments: [] });

/** A removed endpoint takes its deployments with it; the host forgets them too. */
export function mergeDeploys(slice: DeploysSlice, delta: ConsoleDelta): Partial<DeploysSlice> {
  const gone = new Set(delta.endpointsRemoved);
  if (!delta.deployments?.length && !slice.deployments.some((d) => gone.has(d.endpointId))) {
    return {};
  }
  const kept = slice.deployments.filter((item) => !gone.has(item.endpointId));
  return {
    deployments: replaceById(kept, delta.deployments ?? [], (item) => item.endpointId),
  };
}
