import type { OutboxSchema } from '../../src/platform/outbox/outbox-names.js';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { DecidedAggregate } from '../../src/platform/domain/decider.js';
import type { Role } from '../../src/platform/auth/auth-user.js';
import { decideRegister, decideVerifyTeacher, userDecider, type UserEvent, type UserState } from './user.decider.js';

/** A person's account, as stored; its changes are decided in user.decider.ts. */
@Entity({ schema: 'identity', tableName: 'users' })
export class User extends DecidedAggregate<UserState, UserEvent> {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** Stored lower-cased; unique. */
  @Property({ type: 'string' })
  email!: string;

  @Property({ type: 'string', hidden: true, lazy: false })
  passwordHash!: string;

  @Property({ type: 'string' })
  name!: string;

  @Property({ type: 'string' })
  role!: Role;

  @Property({ type: 'boolean' })
  isVerified!: boolean;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'integer', version: true })
  version!: number;

  get aggregateType(): string {
    return 'User';
  }

  get serviceSchema(): OutboxSchema {
    return 'identity';
  }

  protected get decider() {
    return userDecider;
  }

  /** The password hash is kept beside the decided state: it never travels in events. */
  static register(
    facts: Parameters<typeof decideRegister>[1] & { passwordHash: string },
    accountWithEmail?: UserState,
  ): User {
    const user = new User();
    user.version = 1;
    user.passwordHash = facts.passwordHash;
    user.apply(decideRegister(accountWithEmail, facts), userDecider.initial());
    return user;
  }

  verifyAsTeacher(): void {
    this.apply(decideVerifyTeacher(this.state()));
  }

  state(): UserState {
    return {
      id: this.id,
      email: this.email,
      name: this.name,
      role: this.role,
      isVerified: this.isVerified,
      createdAt: this.createdAt,
    };
  }

  protected writeState(state: UserState): void {
    Object.assign(this, state);
  }
}
