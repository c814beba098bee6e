"""What both locustfiles need to know of the seeded dataset and of the report's request names.

``EDU_SCALE`` (default 1) must match the seed's ``--scale``: the seed scales its user numbers the same way, so the
ranges below name users that exist. ``EDU_PASSWORD`` (default password123) is the seeded users' password.
"""

import math
import os

import locust.runners

if not locust.runners.__version__:
    # Debian's python3-locust ships an empty version string, and a master takes workers announcing an empty
    # version for pre-2.0 ones and refuses them (ops/bench/locust-processes.sh). Master and workers load this same
    # file, so any equal, non-empty string lets them meet.
    locust.runners.__version__ = "2.12"

PASSWORD = os.environ.get("EDU_PASSWORD", "password123")
SCALE = float(os.environ.get("EDU_SCALE", "1"))


def _scaled(n, minimum):
    """The seed's rounding (JavaScript Math.round) of a count at SCALE."""
    return max(minimum, int(math.floor(n * SCALE + 0.5)))


USERS = _scaled(50_000, 6)
TEACHERS = min(USERS - 2, _scaled(10_000, 2))
VERIFIED_TEACHERS = min(TEACHERS, _scaled(7_000, 1))
COURSES = _scaled(100_000, 4)
STUDENT_RANGE = (TEACHERS, USERS - 1)  # user10000 .. user49999 at scale 1
TEACHER_RANGE = (0, VERIFIED_TEACHERS - 1)  # user0 .. user6999 at scale 1

# The specification's SearchUser terms.
SEARCH_TERMS = [
    "python",
    "javascript",
    "machine learning",
    "data science",
    "web",
    "mobile",
    "devops",
    "cloud",
    "security",
    "algorithms",
    "complete",
    "advanced",
    "practical",
    "beginner",
    "professional",
]

# Request names: one row per route in the report, whichever locustfile ran.
LOGIN = "/api/identity/login"
ME = "/api/identity/me"
COURSES_LIST = "/api/course/courses"
COURSES_FIRST = "/api/course/courses?limit=1"
COURSES_FREE = "/api/course/courses?is_free=true"
COURSES_SEARCH = "/api/course/courses?q=:term"
COURSES_MY = "/api/course/courses/my"
COURSE = "/api/course/courses/:id"
CURRICULUM = "/api/course/courses/:id/curriculum"
LESSON = "/api/course/lessons/:id"
PAYMENTS = "/api/payment/payments"
ENROLLMENTS = "/api/enrollment/enrollments"
COMPLETE = "/api/enrollment/progress/lessons/:id/complete"
PROGRESS = "/api/enrollment/progress/courses/:id"
