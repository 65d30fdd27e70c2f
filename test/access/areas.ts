// Every domain area's route-access cases. A new area adds its line here.
import type { AccessArea } from '../support/access.ts';
import { platformAccess } from './platform.access.ts';
import { membershipAccess } from '../../src/membership/membership.access.ts';
import { statsAccess } from '../../src/statistics/stats.access.ts';

export const AREAS: AccessArea[] = [platformAccess, membershipAccess, statsAccess];
