import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { AggregateRoot } from '../../src/platform/domain/aggregate-root.js';
import { ConflictError } from '../../src/platform/domain/errors.js';
import type { Role } from '../../src/platform/auth/auth-user.js';
import { IdentityEvents, type UserSnapshot } from './user.events.js';

/** A person's account. Teachers start unverified; an admin verifies them once. */
@Entity({ schema: 'identity', tableName: 'users' })
export class User extends AggregateRoot {
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

  get serviceSchema(): string {
    return 'identity';
  }

  static register(input: {
    id: string;
    email: string;
    passwordHash: string;
    name: string;
    role: Role;
    now: Date;
  }): User {
    const user = new User();
    user.id = input.id;
    user.email = input.email.toLowerCase();
    user.passwordHash = input.passwordHash;
    user.name = input.name;
    user.role = input.role;
    // Students need no verification; admins exist only by bootstrap and are trusted.
    user.isVerified = input.role !== 'teacher';
    user.createdAt = input.now;
    user.version = 1;
    user.recordSnapshot('account', IdentityEvents.UserRegistered, user.snapshot());
    return user;
  }

  verifyAsTeacher(): void {
    if (this.role !== 'teacher') throw new ConflictError('Only teacher accounts can be verified');
    if (this.isVerified) throw new ConflictError('This teacher is already verified');
    this.isVerified = true;
    this.recordSnapshot('account', IdentityEvents.TeacherVerified, this.snapshot());
  }

  /** The account as of this version (no password hash): every identity event carries it. */
  snapshot(): UserSnapshot {
    return {
      userId: this.id,
      email: this.email,
      name: this.name,
      role: this.role,
      isVerified: this.isVerified,
      createdAt: this.createdAt.toISOString(),
    };
  }
}
