import { Controller, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, SignedIn } from '../../../../src/platform/auth/access.js';
import { Responds } from '../../../../src/platform/http/responses.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { UuidParam, ValidBody } from '../../../../src/platform/http/validation.js';
import {
  CourseCatalogQuery,
  courseCardView,
  type CourseCardView,
} from '../../../../projections/course-catalog/course-catalog.query.js';
import { updateCourseBody, type UpdateCourseBody } from '../../course.dto.js';
import { UpdateCourseCommand } from './update-course.handler.js';

@ApiTags('course')
@Controller('api/course/courses')
export class UpdateCourseController {
  constructor(
    private readonly commands: CommandBus,
    private readonly catalog: CourseCatalogQuery,
  ) {}

  @Responds(courseCardView)
  @Put(':id')
  @SignedIn()
  async update(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @ValidBody(updateCourseBody) body: UpdateCourseBody,
  ): Promise<CourseCardView> {
    return this.catalog.present(await this.commands.execute(new UpdateCourseCommand(user, id, body)));
  }
}
