import { Module, type Type } from '@nestjs/common';
import { POLICIES, type Policy } from '../platform/policy/policy.js';
import { NotificationRulesPolicy } from '../../aggregates/notification/notification-rules.runner.js';

type PolicyClass = Type<Policy> & { readonly policyName: string };

/** Every policy the workers run: reactions to events that send commands (they need the write side). */
export const POLICY_CLASSES: PolicyClass[] = [NotificationRulesPolicy];

/** The policies as Nest providers (the worker's; the read-models CLI runs none). */
@Module({
  providers: [
    ...POLICY_CLASSES,
    { provide: POLICIES, useFactory: (...policies: Policy[]) => policies, inject: POLICY_CLASSES },
  ],
  exports: [POLICIES],
})
export class PoliciesModule {}
