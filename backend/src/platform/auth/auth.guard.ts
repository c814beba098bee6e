import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../domain/errors.js';
import { ACCESS, type AccessRule, type RequestWithUser } from './access.js';
import { JwtService } from './jwt.service.js';

/** Applied to every route: authenticates the bearer token and enforces the route's declared access rule. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw new Error(`Route ${context.getClass().name}.${context.getHandler().name} declares no access rule`);

    const request = context
      .switchToHttp()
      .getRequest<RequestWithUser & { headers: Record<string, string | undefined> }>();
    const header = request.headers.authorization;
    if (header !== undefined) {
      const [scheme, token] = header.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token)
        throw new DomainError('not-authenticated', 'Authorization must be "Bearer <token>"');
      request.user = this.jwt.authenticate(token);
    }
    if (rule.kind === 'public') return true;
    if (!request.user) throw new DomainError('not-authenticated', 'Not authenticated');
    if (rule.roles && !rule.roles.includes(request.user.role)) {
      throw new DomainError('role-not-allowed', `Only ${rule.roles.join(' or ')} accounts may do this`);
    }
    return true;
  }
}
