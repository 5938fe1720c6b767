"""Made-up workspaces of any size, for benchmarks and scale tests.

Everything is derived from the index, so the same ``n`` gives the same files
(no randomness, no clock). Names cover several scripts, as a real cohort does.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .model import INTERVIEW_FORMAT, PROFILE_FORMAT, Interview, Profile
from .templating import local_iso
from .vocabulary import MEDIA, STAGES
from .workspace import Workspace

_COMPANIES = ("Acme Analytics", "Nordwind Energie GmbH", "Mekong Freight Labs", "Dnipro Robotics",
              "Aegean Analytics", "Initech", "上海数据科技", "Globex Logistics")
_PEOPLE = (("Ana Dvořák", "Director of Analytics"), ("Nguyễn Thị Thu Hà", "Talent Acquisition Manager"),
           ("王秀英", "Engineering Manager"), ("ليلى حداد", "Data Scientist"),
           ("Marcus O'Neill", "Staff Data Engineer"), ("Zoë Ångström", "Recruiter"))
_TIMELINES = ({"kind": "date", "said": "Within six weeks."},
              {"kind": "within", "days": 10, "business": True},
              {"kind": "few-days"}, {"kind": "none"})


def sample_profile() -> Profile:
    """The candidate of every sample workspace."""
    return Profile.from_record({
        "format": PROFILE_FORMAT, "name": "Lena Hoffmann", "email": "lena.hoffmann@example.org",
        "timezone": "Europe/Berlin", "country": "DE", "subdivision": "BY",
    })


def sample_interview_record(i: int) -> dict:
    """The ``i``-th made-up interview, as the file stores it."""
    start = dt.datetime(2026, 9, 1, 9, 0) + dt.timedelta(days=i // 4, hours=2 * (i % 4))
    people = [
        {"name": name, "title": title, "email": f"person{i}.{k}@example.com",
         "checked": {"name": "business card", "title": "company website"},
         "topics": [f"topic {i}.{k}", "the team's roadmap"]}
        for k, (name, title) in enumerate(_PEOPLE[j % len(_PEOPLE)] for j in range(i, i + 1 + i % 3))
    ]
    if not any(person["title"] in ("Recruiter", "Talent Acquisition Manager") for person in people):
        people[0]["contact"] = True  # who gets the follow-up, as a user marks it without a recruiter
    return {
        "format": INTERVIEW_FORMAT,
        "company": f"{_COMPANIES[i % len(_COMPANIES)]} {i}",
        "role": "Data Engineer",
        "stage": STAGES[i % len(STAGES)],
        "medium": MEDIA[i % len(MEDIA)],
        "start": local_iso(start),
        "end": local_iso(start + dt.timedelta(hours=1)),
        "timezone": ("Europe/Berlin", "America/Chicago", "Asia/Ho_Chi_Minh")[i % 3],
        # A decision date six weeks after the interview, however far the cohort runs.
        "timeline": {**_TIMELINES[i % len(_TIMELINES)], **(
            {"date": (start + dt.timedelta(weeks=6)).date().isoformat()} if i % len(_TIMELINES) == 0 else {})},
        "interviewers": people,
        "reflection": {"went_well": ["the system design question"], "concerns_raised": ["on-call experience"]},
    }


def sample_workspace(root: Path | str, n: int) -> Workspace:
    """Create a workspace at ``root`` holding ``n`` made-up interviews, saved like any other."""
    workspace = Workspace.create(root, sample_profile())
    for i in range(n):
        workspace.save(Interview.from_record(sample_interview_record(i)))
    return workspace
