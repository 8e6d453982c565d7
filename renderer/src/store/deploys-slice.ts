// Services, environments and versions per endpoint.
import type { ConsoleDelta, EndpointDeployments } from '../../../shared/console-api';
import type { ConsoleSliceCreator } from './console-store';
import { replaceById } from './replace-by-id';

export interface DeploysSlice {
  deployments: EndpointDeployments[];
}

export const createDeploysSlice: ConsoleSliceCreator<DeploysSlice> = () => ({ deployments: [] });

export function mergeDeploys(slice: DeploysSlice, delta: ConsoleDelta): Partial<DeploysSlice> {
  if (!delta.deployments?.length) return {};
  return {
    deployments: replaceById(slice.deployments, delta.deployments, (item) => item.endpointId),
  };
}
