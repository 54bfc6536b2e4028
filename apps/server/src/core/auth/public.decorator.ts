import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'ssp:isPublic';

/** Marks a route (or controller) as open to anonymous callers; every other route must declare roles. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
