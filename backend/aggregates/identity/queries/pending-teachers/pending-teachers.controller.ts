import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../../../../src/platform/auth/access.js';
import { z } from 'zod';
import { named, pageOf, Responds, timestamp } from '../../../../src/platform/http/responses.js';
import { ValidQuery, pageQuery } from '../../../../src/platform/http/validation.js';
import { UsersQuery } from '../../users.query.js';

const pendingTeacherPage = pageOf(
  named('PendingTeacher', z.object({ id: z.uuid(), email: z.string(), name: z.string(), created_at: timestamp })),
);

/** A page of pending teachers, optionally only those whose name or email contains `q`. */
const pendingQuery = pageQuery.extend({ q: z.string().trim().max(200).optional() });

@ApiTags('identity')
@Controller('api/identity/admin/teachers')
export class PendingTeachersController {
  constructor(private readonly users: UsersQuery) {}

  @Responds(pendingTeacherPage)
  @Get('pending')
  @SignedIn('admin')
  async pending(@ValidQuery(pendingQuery) query: z.infer<typeof pendingQuery>) {
    const page = await this.users.pendingTeachers(query.limit, query.offset, query.q || undefined);
    return {
      items: page.items.map((u) => ({ id: u.id, email: u.email, name: u.name, created_at: u.createdAt.toISOString() })),
      total: page.total,
    };
  }
}
