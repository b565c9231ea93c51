import { SetMetadata } from '@nestjs/common';
import { Role } from '../shared/actor';

export const JWT_SECRET = Symbol('JwtSecret');
const PUBLIC = 'noxh:public';
const ROLES = 'noxh:roles';
export const metadataKeys = { PUBLIC, ROLES } as const;

/** Open to anyone: health and docs. Everything else needs a valid token. */
export const Public = () => SetMetadata(PUBLIC, true);

/** The roles allowed on a route (API.md "Auth"); any other role gets 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);
