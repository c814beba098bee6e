"""The specification's load scenarios as its load testers run them (../shared/spec/LOCUST-SCENARIOS.md).

    EDU_SCALE=1 /usr/bin/locust -f locust/spec_scenarios.py --host http://127.0.0.1:3000 --headless -u 1000 -r 50 -t 3m

Unlike locustfile.py (the project's FastHttpUser port, which follows the student's own catalog page and judges
every status itself), this file keeps to what the specification's testers send:

* plain ``HttpUser`` (the requests-based client), no request timeout;
* StudentUser (weight 7, wait 1-3 s), SearchUser (2, 1-2 s) and TeacherUser (1, 2-5 s), with the specification's
  task weights; every StudentUser task but the catalog page starts from ``GET /courses?limit=1``, the newest course;
* only the tasks the specification signs in for send the bearer token (completing a lesson, paying, enrolling,
  the teacher's own calls); the lesson view goes without it, as written there;
* a status >= 400 is a failure, except 409 where the specification accepts it (completing a lesson twice,
  enrolling twice); a paid course's ``POST /payments`` answered 409 (already paid) is a failure, as it is there.

Two things are this file's own: request names group by route (``/api/course/courses/:id``) so the report reads per
endpoint, and the seeded user numbers follow ``EDU_SCALE`` (dataset.py), so a run on a smaller seed logs in as users
that exist; at scale 1 they are the specification's ranges.
"""

import random

from locust import HttpUser, between, task

from dataset import (
    COMPLETE,
    COURSE,
    COURSES_FIRST,
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
    SEARCH_TERMS,
    STUDENT_RANGE,
    TEACHER_RANGE,
)


class SpecUser(HttpUser):
    """Signing in once at start, as the specification's users do; a user whose login failed stays signed out."""

    abstract = True
    token = None

    def sign_in(self, number_range):
        email = "user%d@example.com" % random.randint(*number_range)
        response = self.client.post(LOGIN, json={"email": email, "password": PASSWORD}, name=LOGIN)
        if response.status_code == 200:
            self.token = response.json().get("access_token")

    def bearer(self):
        return {"Authorization": "Bearer %s" % self.token}


class StudentUser(SpecUser):
    weight = 7
    wait_time = between(1, 3)

    def on_start(self):
        self.sign_in(STUDENT_RANGE)

    def newest_course(self):
        response = self.client.get("/api/course/courses?limit=1", name=COURSES_FIRST)
        items = response.json().get("items", []) if response.status_code == 200 else []
        return items[0] if items else None

    def post_signed_in(self, path, body, name, also_ok):
        """A signed-in POST that also succeeds with the statuses in ``also_ok`` (the scenario's accepted 409s)."""
        with self.client.post(path, json=body, headers=self.bearer(), name=name, catch_response=True) as response:
            if response.status_code in also_ok:
                response.success()

    def lesson_of(self, course):
        """A random lesson of the newest course's first module that has lessons, or None."""
        response = self.client.get("/api/course/courses/%s/curriculum" % course["id"], name=CURRICULUM)
        if response.status_code != 200:
            return None
        for module in response.json().get("modules", []):
            if module.get("lessons"):
                return random.choice(module["lessons"])["id"]
        return None

    @task(5)
    def browse_catalog(self):
        self.client.get(
            "/api/course/courses", params={"limit": 20, "offset": random.randint(0, 1000)}, name=COURSES_LIST
        )

    @task(3)
    def view_newest_course(self):
        course = self.newest_course()
        if course:
            self.client.get("/api/course/courses/%s" % course["id"], name=COURSE)

    @task(3)
    def view_newest_curriculum(self):
        course = self.newest_course()
        if course:
            self.client.get("/api/course/courses/%s/curriculum" % course["id"], name=CURRICULUM)

    @task(2)
    def view_newest_lesson(self):
        course = self.newest_course()
        lesson = self.lesson_of(course) if course else None
        if lesson:
            self.client.get("/api/course/lessons/%s" % lesson, name=LESSON)

    @task(1)
    def complete_newest_lesson(self):
        if not self.token:
            return
        course = self.newest_course()
        lesson = self.lesson_of(course) if course else None
        if not lesson:
            return
        self.post_signed_in(
            "/api/enrollment/progress/lessons/%s/complete" % lesson, {"course_id": course["id"]}, COMPLETE, (409,)
        )

    @task(2)
    def enroll_in_newest(self):
        if not self.token:
            return
        course = self.newest_course()
        if not course:
            return
        if not course.get("is_free"):
            self.client.post(
                "/api/payment/payments",
                json={"course_id": course["id"], "amount": float(course["price"])},
                headers=self.bearer(),
                name=PAYMENTS,
            )
        self.post_signed_in("/api/enrollment/enrollments", {"course_id": course["id"]}, ENROLLMENTS, (409,))


class SearchUser(SpecUser):
    weight = 2
    wait_time = between(1, 2)

    @task
    def search(self):
        term = random.choice(SEARCH_TERMS)
        self.client.get("/api/course/courses", params={"q": term, "limit": 20}, name=COURSES_SEARCH)


class TeacherUser(SpecUser):
    weight = 1
    wait_time = between(2, 5)

    def on_start(self):
        self.sign_in(TEACHER_RANGE)

    @task(2)
    def who_am_i(self):
        if self.token:
            self.client.get("/api/identity/me", headers=self.bearer(), name=ME)

    @task(1)
    def create_course(self):
        if not self.token:
            return
        free = random.random() < 0.3
        self.client.post(
            "/api/course/courses",
            json={
                "title": "Load Test Course %d" % random.randint(1, 1_000_000),
                "description": "Created during load testing",
                "is_free": free,
                "price": None if free else round(random.uniform(10, 199), 2),
                "duration_minutes": random.choice([60, 120, 180]),
                "level": random.choice(["beginner", "intermediate", "advanced"]),
            },
            headers=self.bearer(),
            name=COURSES_LIST,
        )

    @task(1)
    def my_courses(self):
        if self.token:
            self.client.get("/api/course/courses/my", params={"limit": 10}, headers=self.bearer(), name=COURSES_MY)
