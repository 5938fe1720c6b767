"""Checks that must stay linear in the size of what is checked: a large panel is not compared pair by pair."""

from __future__ import annotations

from followup_kit.model import Interview, replace
from followup_kit.proofread import _body_words, _candidates, proofread
from followup_kit.sample import sample_interview_record, sample_profile


def _panel(n: int) -> Interview:
    record = sample_interview_record(0)
    person = record["interviewers"][0]
    people = [{**person, "name": f"Person {k}", "email": f"p{k}@example.com", "topics": [f"the {k} pipeline"]}
              for k in range(n)]
    return Interview.from_record({**record, "interviewers": people}, id="2026-09-01-wide")


def test_a_large_panel_compares_only_notes_that_could_be_alike() -> None:
    """200 interviewers with notes of their own topics: far fewer comparisons than 200²/2."""
    from followup_kit.compose import compose_notes

    notes = compose_notes(sample_profile(), _panel(200))
    assert sum(len(c) for c in _candidates([_body_words(n) for n in notes])) < 2_000  # pair by pair would be 19,900


def test_a_large_panel_still_finds_two_notes_alike() -> None:
    """Two identical notes of one's own wording in a panel of 120 are found all the same."""
    interview = _panel(120)
    same = "Dear Person,\n\nThank you for explaining the storage migration and the on-call rota in detail.\n\nBest,\nLena"
    people = [p.model_dump(mode="json", exclude_none=True) for p in interview.interviewers]
    people[17]["note"] = same.replace("Person", "Person 17")
    people[90]["note"] = same.replace("Person", "Person 90")
    findings = proofread(sample_profile(), replace(interview, interviewers=people))
    alike = [f for f in findings if f.code == "duplicate-note"]
    assert [f.interviewer for f in alike] == ["Person 90"]
