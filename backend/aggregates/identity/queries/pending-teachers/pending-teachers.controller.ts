import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../../../../src/platform/auth/access.js';
import { z } from 'zod';
import { ValidQuery, pageQuery } from '../../../../src/platform/http/validation.js';
import { UsersQuery } from '../../users.query.js';

interface PendingTeacherView {
  id: string;
  email: string;
  name: string;
  created_at: string;
}

/** A page of pending teachers, optionally only those whose name or email contains `q`. */
const pendingQuery = pageQuery.extend({ q: z.string().trim().max(200).optional() });

@ApiTags('identity')
@Controller('api/identity/admin/teachers')
export class PendingTeachersController {
  constructor(private readonly users: UsersQuery) {}

  @Get('pending')
  @SignedIn('admin')
  async pending(
    @ValidQuery(pendingQuery) query: z.infer<typeof pendingQuery>,
  ): Promise<{ items: PendingTeacherView[]; total: number }> {
    const page = await this.users.pendingTeachers(query.limit, query.offset, query.q || undefined);
    return {
      items: page.items.map((u) => ({ id: u.id, email: u.email, name: u.name, created_at: u.createdAt.toISOString() })),
      total: page.total,
    };
  }
}
