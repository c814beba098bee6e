import { DomainError, type DomainReason } from '../../src/platform/domain/errors.js';

/** The reason a decision refused with; fails the spec when it decided instead, or threw anything else. */
export function refusalOf(decision: () => unknown): DomainReason {
  try {
    decision();
  } catch (error) {
    if (error instanceof DomainError) return error.reason;
    throw error;
  }
  throw new Error('expected the decision to refuse, but it decided');
}
