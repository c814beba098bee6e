import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, SignedIn } from '../../../../src/platform/auth/access.js';
import { Responds } from '../../../../src/platform/http/responses.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { UuidParam } from '../../../../src/platform/http/validation.js';
import {
  CourseCatalogQuery,
  courseCardView,
  type CourseCardView,
} from '../../../../projections/course-catalog/course-catalog.query.js';
import { PublishCourseCommand } from './publish-course.handler.js';

@ApiTags('course')
@Controller('api/course/courses')
export class PublishCourseController {
  constructor(
    private readonly commands: CommandBus,
    private readonly catalog: CourseCatalogQuery,
  ) {}

  @Responds(courseCardView)
  @Post(':id/publish')
  @HttpCode(200)
  @SignedIn()
  async publish(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<CourseCardView> {
    return this.catalog.present(await this.commands.execute(new PublishCourseCommand(user, id)));
  }
}
