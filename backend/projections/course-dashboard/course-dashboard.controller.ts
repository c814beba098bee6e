import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, SignedIn } from '../../src/platform/auth/access.js';
import type { AuthUser } from '../../src/platform/auth/auth-user.js';
import { DomainError } from '../../src/platform/domain/errors.js';
import { Responds } from '../../src/platform/http/responses.js';
import { UuidParam } from '../../src/platform/http/validation.js';
import { assertMayWatchDashboard } from '../../aggregates/course/course.policies.js';
import { CourseCatalogQuery } from '../course-catalog/course-catalog.query.js';
import { CourseDashboardQuery, courseDashboard, dashboardOverview } from './course-dashboard.query.js';

@ApiTags('course')
@Controller('api/course/courses')
export class CourseDashboardController {
  constructor(
    private readonly dashboards: CourseDashboardQuery,
    private readonly catalog: CourseCatalogQuery,
  ) {}

  /** Totals across the calling teacher's courses, and each course's stats. */
  @Responds(dashboardOverview)
  @Get('my/dashboard')
  @SignedIn('teacher')
  overview(@CurrentUser() teacher: AuthUser) {
    return this.dashboards.overview(teacher.id);
  }

  @Responds(courseDashboard)
  @Get(':id/dashboard')
  @SignedIn('teacher', 'admin')
  async dashboard(@CurrentUser() user: AuthUser, @UuidParam('id') courseId: string) {
    const course = await this.catalog.get(courseId);
    assertMayWatchDashboard(user, course);
    const dashboard = await this.dashboards.dashboard(courseId);
    if (!dashboard) throw new DomainError('dashboard-not-ready', 'Dashboard not ready yet; try again in a moment');
    return dashboard;
  }
}
