"""EduPlatform load scenarios: the specification's Locust users (0.1.7, 0.5.8, 0.6.6.4) against this API.

Runs with Debian's Locust 2.12 (``apt-get install python3-locust``) against one origin::

    /usr/bin/locust -f locust/locustfile.py --host http://127.0.0.1:3000 --headless -u 2000 -r 50 -t 5m

Users (weights as in the specification; LessonUser is the 0.6.6.4 scenario):

* StudentUser (7, wait 1-3 s): logs in as a random student ``user{10000..49999}``; lists, views, reads the
  curriculum and lessons, pays and enrolls, completes lessons.
* SearchUser (2, wait 1-2 s): full-text search over the catalog.
* TeacherUser (1, wait 2-5 s): logs in as a verified teacher ``user{0..6999}``; ``/me``, creates courses, lists own.
* LessonUser (1, wait 1-3 s): enrolls in a free course and works through its lessons in order, completing each and
  checking that the progress read model shows it.

Request names group by route (``/api/course/courses/:id``). A response counts as a failure only when its status is
not one the scenario expects, and the failure message says why (status and the API's ``detail``).

Environment: ``EDU_SCALE`` (default 1) must match the seed's ``--scale`` so that the user ranges exist;
``EDU_PASSWORD`` (default password123); see dataset.py, shared with spec_scenarios.py.
"""

import random
import re
import time
import uuid

from locust import FastHttpUser, between, task

from dataset import (
    COMPLETE,
    COURSE,
    COURSES,
    COURSES_FIRST,
    COURSES_FREE,
    COURSES_LIST,
    COURSES_MY,
    COURSES_SEARCH,
    CURRICULUM,
    ENROLLMENTS,
    LESSON,
    LOGIN,
    ME,
    PASSWORD,
    PAYMENTS,
    PROGRESS,
    SEARCH_TERMS,
    STUDENT_RANGE,
    TEACHER_RANGE,
)

MAX_OFFSET = max(0, min(1000, COURSES - 20))
PROGRESS_RECHECK = PROGRESS + " (re-read until the completion shows)"

# After a failed login a user waits this long before trying again (its signed-in tasks skip meanwhile), so an
# overloaded server is not hammered with password hashing by every task of every user.
LOGIN_RETRY_S = 10.0

# How long the progress read model may take to show a completed lesson before it counts as a failure. The API
# promises 1 s at p99 under load; 2 s leaves room for the odd slow one without hiding a stuck projection.
PROGRESS_DEADLINE_S = 2.0


def _detail(response):
    """The API's error text (``{"detail": ...}``), shortened, so failures group by reason."""
    try:
        body = response.json()
        text = body.get("detail") if isinstance(body, dict) else None
        if text is None:
            text = str(body)
    except Exception:  # not JSON (a proxy page, an empty body)
        text = (response.text or "").strip().replace("\n", " ")
    if not isinstance(text, str):
        text = str(text)
    return text[:120]


def _no_response(response):
    """Why there was no HTTP response, without the URL (one failure row per reason, not per offset)."""
    error = getattr(response, "error", None)
    text = re.sub(r"URL \S+: (\d+, )?", "", str(error)) if error else "connection failed"
    if "timed out" in text or "timeout" in type(error).__name__.lower():
        return "no response: timed out"
    return "no response: %s: %s" % (type(error).__name__, text[:100]) if error else "no response: " + text


class ApiUser(FastHttpUser):
    """Shared plumbing: authenticated JSON calls that judge the status code themselves."""

    abstract = True
    # A request that takes this long has failed the benchmark anyway; a shorter bound keeps users cycling.
    network_timeout = 30.0
    connection_timeout = 10.0
    token = None
    email = None
    login_failed_at = 0.0

    def call(self, method, path, name, expect=(200,), also_ok=(), body=None, auth=True):
        """Sends one request; returns (status, json-or-None). Statuses in ``expect`` and ``also_ok`` succeed."""
        headers = {"Authorization": "Bearer " + self.token} if auth and self.token else {}
        with self.client.request(
            method, path, name=name, json=body, headers=headers, catch_response=True
        ) as response:
            status = response.status_code
            data = None
            if status in expect:
                try:
                    data = response.json()
                except Exception:
                    response.failure("HTTP %d with a body that is not JSON" % status)
                    return status, None
                response.success()
            elif status in also_ok:
                response.success()
            elif not status:
                response.failure(_no_response(response))
            else:
                if status == 401 and auth:
                    self.token = None  # log in again before the next task
                response.failure("HTTP %d: %s" % (status, _detail(response)))
            return status, data

    def login(self, email):
        self.email = email
        status, data = self.call(
            "POST", LOGIN, LOGIN, body={"email": email, "password": PASSWORD}, auth=False
        )
        self.token = data.get("access_token") if status == 200 and data else None
        if self.token is None:
            self.login_failed_at = time.monotonic()
        return self.token is not None

    def ensure_login(self):
        """Signed in, logging in again if needed (not sooner than LOGIN_RETRY_S after a failed attempt)."""
        if self.token is not None:
            return True
        if time.monotonic() - self.login_failed_at < LOGIN_RETRY_S:
            return False
        return self.login(self.email)

    def course_page(self, limit=20, offset=None, name=COURSES_LIST, extra=""):
        if offset is None:
            offset = random.randint(0, MAX_OFFSET)
        status, data = self.call(
            "GET", "/api/course/courses?limit=%d&offset=%d%s" % (limit, offset, extra), name, auth=False
        )
        items = data.get("items", []) if status == 200 and data else []
        if not items and offset > 0 and status == 200:
            return self.course_page(limit, 0, name, extra)  # past the end of a small catalog
        return items

    def curriculum(self, course_id):
        """The curriculum's lessons by module (a list of lists, in order), or None."""
        status, data = self.call("GET", "/api/course/courses/%s/curriculum" % course_id, CURRICULUM, auth=False)
        if status != 200 or not data:
            return None
        return [[lesson["id"] for lesson in module.get("lessons", [])] for module in data.get("modules", [])]


def _student_email():
    return "user%d@example.com" % random.randint(*STUDENT_RANGE)


class StudentUser(ApiUser):
    weight = 7
    wait_time = between(1, 3)

    def on_start(self):
        self.known = []  # course cards from the last list page
        self.enrolled = {}  # course id -> card, for courses this user enrolled in during the run
        self.login(_student_email())

    def some_course(self):
        if not self.known:
            self.known = self.course_page()
        return random.choice(self.known) if self.known else None

    @task(5)
    def list_courses(self):
        items = self.course_page()
        if items:
            self.known = items

    @task(3)
    def view_course(self):
        items = self.course_page(limit=1, offset=0, name=COURSES_FIRST)
        if items:
            self.call("GET", "/api/course/courses/%s" % items[0]["id"], COURSE, auth=False)

    @task(3)
    def view_curriculum(self):
        course = self.some_course()
        if course:
            self.curriculum(course["id"])

    @task(2)
    def view_lesson(self):
        if not self.ensure_login():
            return
        course = self.some_course()
        if not course:
            return
        modules = self.curriculum(course["id"])
        lessons = next((m for m in modules or [] if m), None)
        if lessons:
            # A paid course's non-preview lesson is refused to a student who is not enrolled: expected.
            self.call("GET", "/api/course/lessons/%s" % random.choice(lessons), LESSON, also_ok=(403,))

    @task(1)
    def complete_lesson(self):
        if not self.ensure_login():
            return
        course = random.choice(list(self.enrolled.values())) if self.enrolled else self.some_course()
        if not course:
            return
        modules = self.curriculum(course["id"])
        lessons = [lesson for module in modules or [] for lesson in module]
        if lessons:
            # 409: completed before; 403: not enrolled in that course. Both are the API doing its job.
            self.call(
                "POST",
                "/api/enrollment/progress/lessons/%s/complete" % random.choice(lessons),
                COMPLETE,
                expect=(201,),
                also_ok=(403, 409),
                body={"course_id": course["id"]},
            )

    @task(2)
    def enroll(self):
        if not self.ensure_login():
            return
        course = self.some_course()
        if not course:
            return
        body = {"course_id": course["id"]}
        if not course.get("is_free"):
            pay = {"course_id": course["id"], "amount": course["price"]}
            # 409: this student already paid for the course; the answer names that payment.
            status, payment = self.call("POST", "/api/payment/payments", PAYMENTS, expect=(201, 409), body=pay)
            if not payment:
                return
            body["payment_id"] = payment["id"] if status == 201 else payment["payment_id"]
        status, _ = self.call(
            "POST", "/api/enrollment/enrollments", ENROLLMENTS, expect=(201,), also_ok=(409,), body=body
        )
        if status in (201, 409):
            self.enrolled[course["id"]] = course


class SearchUser(ApiUser):
    weight = 2
    wait_time = between(1, 2)

    @task
    def search(self):
        term = random.choice(SEARCH_TERMS)
        self.call("GET", "/api/course/courses?q=%s&limit=20" % term.replace(" ", "+"), COURSES_SEARCH, auth=False)


class TeacherUser(ApiUser):
    weight = 1
    wait_time = between(2, 5)

    def on_start(self):
        self.login("user%d@example.com" % random.randint(*TEACHER_RANGE))

    @task(2)
    def me(self):
        if self.ensure_login():
            self.call("GET", "/api/identity/me", ME)

    @task(1)
    def create_course(self):
        if not self.ensure_login():
            return
        free = random.random() < 0.3
        body = {
            "title": "Load Test Course %s" % uuid.uuid4().hex[:8],
            "description": "A course created by the load test to measure the write path.",
            "is_free": free,
            "duration_minutes": random.choice([60, 120, 180]),
            "level": random.choice(["beginner", "intermediate", "advanced"]),
        }
        if not free:
            body["price"] = random.randint(10, 199)
        self.call("POST", "/api/course/courses", COURSES_LIST, expect=(201,), body=body)

    @task(1)
    def my_courses(self):
        if self.ensure_login():
            self.call("GET", "/api/course/courses/my?limit=10", COURSES_MY)


class LessonUser(ApiUser):
    """0.6.6.4: a student who takes a free course lesson by lesson and watches the progress follow."""

    weight = 1
    wait_time = between(1, 3)

    def on_start(self):
        self.course_id = None
        self.lessons = []
        self.next = 0
        self.login(_student_email())

    def start_course(self):
        """Enrolls in a random free course that has lessons and loads its lessons in curriculum order."""
        items = self.course_page(extra="&is_free=true", name=COURSES_FREE)
        if not items:
            return False
        course = random.choice(items)
        body = {"course_id": course["id"]}
        status, _ = self.call(
            "POST", "/api/enrollment/enrollments", ENROLLMENTS, expect=(201,), also_ok=(409,), body=body
        )
        if status not in (201, 409):
            return False
        modules = self.curriculum(course["id"])
        lessons = [lesson for module in modules or [] for lesson in module]
        if not lessons:
            return False
        self.course_id, self.lessons, self.next = course["id"], lessons, 0
        return True

    @task
    def take_next_lesson(self):
        if not self.ensure_login():
            return
        if self.course_id is None or self.next >= len(self.lessons):
            if not self.start_course():
                return
        lesson = self.lessons[self.next]
        self.next += 1
        # 409: this student completed it before (seeded progress or an earlier run); 403 here would be a bug.
        status, _ = self.call(
            "POST",
            "/api/enrollment/progress/lessons/%s/complete" % lesson,
            COMPLETE,
            expect=(201,),
            also_ok=(409,),
            body={"course_id": self.course_id},
        )
        if status in (201, 409):
            self.check_progress(lesson)

    def check_progress(self, lesson):
        """The progress read model must show the completed lesson, at the latest PROGRESS_DEADLINE_S later."""
        path = "/api/enrollment/progress/courses/%s" % self.course_id
        deadline = time.monotonic() + PROGRESS_DEADLINE_S
        name = PROGRESS
        while True:
            headers = {"Authorization": "Bearer " + self.token}
            with self.client.get(path, name=name, headers=headers, catch_response=True) as response:
                if response.status_code == 403 and time.monotonic() < deadline:
                    # The progress read model does not show the enrollment yet (it was just made): read again.
                    response.success()
                    time.sleep(0.1)
                    name = PROGRESS_RECHECK
                    continue
                if response.status_code != 200:
                    late = " (still after %.0f s)" % PROGRESS_DEADLINE_S if response.status_code == 403 else ""
                    response.failure("HTTP %d: %s%s" % (response.status_code, _detail(response), late))
                    return
                try:
                    progress = response.json()
                    done = lesson in progress.get("completed_lesson_ids", [])
                    if progress.get("total_lessons", 0) <= 0:
                        response.failure("progress shows no lessons in the course")
                        return
                except Exception:
                    response.failure("HTTP 200 with a body that is not JSON")
                    return
                if done:
                    response.success()
                    if self.next >= len(self.lessons) and progress.get("status") != "completed":
                        # The last lesson is done: the course must read as completed (same deadline).
                        if time.monotonic() < deadline:
                            time.sleep(0.1)
                            name = PROGRESS_RECHECK
                            continue
                        response.failure(
                            "course not shown as completed %.0f s after its last lesson" % PROGRESS_DEADLINE_S
                        )
                    return
                if time.monotonic() >= deadline:
                    response.failure("completed lesson missing from progress %.0f s later" % PROGRESS_DEADLINE_S)
                    return
                response.success()
            time.sleep(0.1)
            name = PROGRESS_RECHECK
