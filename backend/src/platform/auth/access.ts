import { SetMetadata, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { AuthUser, Role } from './auth-user.js';

export const ACCESS = 'access';

/** Who may call a route. Every route declares one; the guard refuses routes that don't. */
export type AccessRule = { kind: 'public' } | { kind: 'user'; roles?: readonly Role[] };

/** Anyone, signed in or not; a valid token is still read so the handler can tailor its answer. */
export const Public = () => SetMetadata(ACCESS, { kind: 'public' } satisfies AccessRule);

/** A signed-in user, limited to `roles` when given (403 for other roles). */
export const SignedIn = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ACCESS, { kind: 'user', roles: roles.length > 0 ? roles : undefined } satisfies AccessRule),
    ApiBearerAuth(),
  );

export interface RequestWithUser {
  user?: AuthUser;
}

/** The signed-in caller (undefined on public routes without a token). */
export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<RequestWithUser>().user,
);
