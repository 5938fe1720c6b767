"""Countries and their regions come from the holidays package, one country module at a time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from followup_kit.errors import InvalidFileError
from followup_kit.model import Profile

TESTS = Path(__file__).resolve().parent
MUNICH = json.loads((TESTS / "fixtures" / "jottings" / "munich-analyst" / "profile.json").read_text("utf-8"))

#: In a fresh interpreter: read a profile, then ask holidays for its calendar as the planner does.
_LOADS = """
import json, sys
from followup_kit.model import Profile
Profile.from_record(json.loads(sys.argv[1]))
profile_modules = sorted(m for m in sys.modules if m.startswith("holidays"))
import holidays
days = holidays.country_holidays("DE", subdiv="BY", years=[2026])
print(json.dumps({"profile": profile_modules, "package": "holidays.countries" in sys.modules,
                  "after": len([m for m in sys.modules if m.startswith("holidays")]),
                  "days": sorted(str(day) for day in days)}))
"""


def test_reading_a_profile_loads_one_country_of_holidays() -> None:
    """A profile's country and region are checked loading its own country's module, not all 250 (R13)."""
    proc = subprocess.run([sys.executable, "-c", _LOADS, json.dumps(MUNICH)], capture_output=True, text=True,
                          check=True)
    seen = json.loads(proc.stdout)
    countries = [m for m in seen["profile"] if m.startswith("holidays.countries.")]
    assert countries == ["holidays.countries.germany"]
    assert not seen["package"] and seen["after"] == len(seen["profile"]) < 80
    import holidays  # the same days as holidays' own route gives

    assert seen["days"] == sorted(str(day) for day in holidays.country_holidays("DE", subdiv="BY", years=[2026]))


#: In a fresh interpreter: every country's class and regions, reached one module at a time.
_EVERY = """
import json, sys
from followup_kit.fields import country_codes
from followup_kit.places import holiday_class
classes = {code: holiday_class(code) for code in sorted(country_codes())}
import holidays
regions = holidays.list_supported_countries()
print(json.dumps([code for code, found in classes.items()
                  if found is not getattr(holidays, code).get_entity() or list(found.subdivisions) != regions[code]]))
"""


def test_every_country_is_the_class_holidays_gives() -> None:
    """Each country code reaches the very class, and the regions, holidays' own lookup gives."""
    proc = subprocess.run([sys.executable, "-c", _EVERY], capture_output=True, text=True, check=True)
    assert json.loads(proc.stdout) == []


@pytest.mark.parametrize("subdivision, kept", [("BY", "BY"), ("by", "BY"), ("BE", "BE")])
def test_a_region_of_the_country_is_kept(subdivision: str, kept: str) -> None:
    """A region of the profile's country is accepted, written in capitals."""
    assert Profile.from_record({**MUNICH, "subdivision": subdivision}).subdivision == kept


def test_a_region_of_another_country_is_refused() -> None:
    """A region the country does not have is refused, naming the country's regions."""
    with pytest.raises(InvalidFileError) as caught:
        Profile.from_record({**MUNICH, "subdivision": "IL"})
    message = str(caught.value)
    assert "a region code of DE (BB, BE, BW, BY, " in message and "Leave 'subdivision' out if unsure" in message
