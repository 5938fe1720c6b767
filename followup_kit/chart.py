"""A timeline chart of interviews and their follow-up steps (matplotlib, imported lazily)."""

from __future__ import annotations

import datetime as dt
import io
from typing import Sequence

from .errors import LAB_INSTALL, RenderError
from .model import Interview
from .schedule import Event
from .templating import day, day_month
from .vocabulary import STEP_LABELS

_COLOURS = {"thank-you-email": "#1f77b4", "thank-you-cards": "#2ca02c",
            "status-follow-up": "#ff7f0e", "move-on": "#7f7f7f", "rejection-reply": "#9467bd"}
# Each step has its own shape too, so that the chart reads without telling colours apart.
_MARKERS = {"thank-you-email": "o", "thank-you-cards": "D", "status-follow-up": "^", "move-on": "v",
            "rejection-reply": "s"}


def timeline_png(interviews: Sequence[Interview], events: Sequence[Event], *, now: dt.datetime,
                 width: float = 9.0) -> bytes:
    """One row per interview: the interview, then each step as a marker of its own shape;
    done steps hollow, overdue ones red; a line marks ``now``. Returns PNG bytes."""
    try:
        import matplotlib
    except ImportError as exc:  # the command line alone installs without the notebook packages
        raise RenderError(
            "The tracker's timeline chart needs matplotlib, which is not installed: `pip install "
            f"followup-kit` brings the command line only. Install the notebook part with: {LAB_INSTALL} "
            "(then restart the notebook's kernel).") from exc

    matplotlib.use("Agg")  # no display: the notebooks and tests draw off screen
    from matplotlib.figure import Figure

    from matplotlib.dates import MO, WeekdayLocator, num2date
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter

    order = [i.id for i in interviews]
    rows = {interview_id: n for n, interview_id in enumerate(reversed(order))}
    figure = Figure(figsize=(width, 0.55 * max(len(order), 1) + 1.4), dpi=100)
    axes = figure.add_subplot()
    zone = now.tzinfo
    for interview in interviews:
        axes.plot([interview.start], [rows[interview.id]], marker="s", color="black", linestyle="none")
    for event in events:
        if event.interview_id not in rows:
            continue
        colour = "#d62728" if event.overdue else _COLOURS[event.kind]
        axes.plot([event.due.astimezone(zone).replace(tzinfo=None)], [rows[event.interview_id]],
                  marker=_MARKERS[event.kind], linestyle="none", markersize=8, color=colour,
                  markerfacecolor="none" if event.status != "open" else colour)
    axes.axvline(now.replace(tzinfo=None), color="#d62728", linewidth=1, linestyle="--")
    axes.set_yticks(range(len(order)), [
        f"{i.company} ({day_month(i.start)})" for i in reversed(list(interviews))])
    axes.set_ylim(-0.7, len(order) - 0.3)
    axes.grid(axis="x", alpha=0.3)
    axes.xaxis.set_major_locator(WeekdayLocator(byweekday=MO))  # follow-ups live in working weeks
    axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _: day(num2date(value), year=False)))
    # The legend explains colours, not the first event of each kind (which may be red or done).
    legend = [Line2D([], [], marker="s", color="black", linestyle="none", label="interview")]
    legend += [Line2D([], [], marker=_MARKERS[k], color=c, linestyle="none", label=STEP_LABELS[k])
               for k, c in _COLOURS.items()]
    legend += [Line2D([], [], marker="o", color="#d62728", linestyle="none", label="overdue (red)"),
               Line2D([], [], marker="o", color="#555", markerfacecolor="none", linestyle="none", label="done"),
               Line2D([], [], color="#d62728", linestyle="--", label="now")]
    axes.legend(handles=legend, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=5, frameon=False,
                fontsize="small", handletextpad=0.3, columnspacing=1.0)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
