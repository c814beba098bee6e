import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../../../../src/platform/auth/access.js';
import { ValidQuery, pageQuery, type PageQuery } from '../../../../src/platform/http/validation.js';
import { UsersQuery } from '../../users.query.js';

interface PendingTeacherView {
  id: string;
  email: string;
  name: string;
  created_at: string;
}

@ApiTags('identity')
@Controller('api/identity/admin/teachers')
export class PendingTeachersController {
  constructor(private readonly users: UsersQuery) {}

  @Get('pending')
  @SignedIn('admin')
  async pending(@ValidQuery(pageQuery) query: PageQuery): Promise<{ items: PendingTeacherView[]; total: number }> {
    const page = await this.users.pendingTeachers(query.limit, query.offset);
    return {
      items: page.items.map((u) => ({ id: u.id, email: u.email, name: u.name, created_at: u.createdAt.toISOString() })),
      total: page.total,
    };
  }
}
