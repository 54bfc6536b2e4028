import { SetMetadata } from '@nestjs/common';
import type { UserRole } from '@ssp/contracts';

export const ROLES = 'ssp:roles';

/** The roles that may call a route (or every route of a controller). */
export const Roles = (...roles: UserRole[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);
