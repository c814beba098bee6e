import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, SignedIn } from '../../../../src/platform/auth/access.js';
import { Responds } from '../../../../src/platform/http/responses.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { ValidBody } from '../../../../src/platform/http/validation.js';
import {
  CourseCatalogQuery,
  courseCardView,
  type CourseCardView,
} from '../../../../projections/course-catalog/course-catalog.query.js';
import { createCourseBody, type CreateCourseBody } from '../../course.dto.js';
import { CreateCourseCommand } from './create-course.handler.js';

@ApiTags('course')
@Controller('api/course/courses')
export class CreateCourseController {
  constructor(
    private readonly commands: CommandBus,
    private readonly catalog: CourseCatalogQuery,
  ) {}

  @Responds(courseCardView)
  @Post()
  @SignedIn()
  async create(
    @CurrentUser() user: AuthUser,
    @ValidBody(createCourseBody) body: CreateCourseBody,
  ): Promise<CourseCardView> {
    const course = await this.commands.execute(new CreateCourseCommand(user, body));
    return this.catalog.present(course);
  }
}
