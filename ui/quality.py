"""Quality over time: per-day figures from the log, and their plot as a PNG."""

from __future__ import annotations

import io
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from retrieval.answer import Kind
from ui.logbook import Entry, Rating


@dataclass(frozen=True)
class Day:
    """One day's figures; shares are None on a day with nothing to share."""

    day: date
    questions: int
    answered: float | None
    not_found: float | None
    crisis: float | None
    thumbs_up: float | None  # share of 👍 among the rated answers
    rated: int
    p50_latency_ms: float | None


def daily(entries: Iterable[Entry], *, first: date, last: date) -> list[Day]:
    """One ``Day`` for every day from ``first`` to ``last`` (UTC), empty days included."""
    by_day: dict[date, list[Entry]] = {}
    for entry in entries:
        by_day.setdefault(entry.time.date(), []).append(entry)
    days = []
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        group = by_day.get(day, [])
        rated = [e.feedback.rating for e in group if e.feedback]
        days.append(
            Day(
                day=day,
                questions=len(group),
                answered=_share([e.kind is Kind.ANSWER for e in group]),
                not_found=_share([e.kind is Kind.NOT_FOUND for e in group]),
                crisis=_share([e.kind is Kind.CRISIS for e in group]),
                thumbs_up=_share([r is Rating.UP for r in rated]),
                rated=len(rated),
                p50_latency_ms=statistics.median(e.latency_ms for e in group) if group else None,
            )
        )
    return days


def _share(flags: list[bool]) -> float | None:
    return sum(flags) / len(flags) if flags else None


def plot(days: list[Day]) -> bytes:
    """Four panels per day: questions, kind shares, 👍 share, p50 latency."""
    # Imported when staff first look: matplotlib would add 0.4 s to every server start.
    # A Figure of its own needs no display and no pyplot state.
    from matplotlib.figure import Figure

    figure = Figure(figsize=(9, 9), layout="constrained")
    axes = figure.subplots(4, 1, sharex=True)
    x = [d.day for d in days]

    def nan(values: list[float | None]) -> list[float]:
        return [float("nan") if v is None else v for v in values]

    axes[0].bar(x, [d.questions for d in days], color="#4c72b0")
    axes[0].set_title("Questions per day")
    for name, values, colour in (
        ("answered", [d.answered for d in days], "#55a868"),
        ("not found", [d.not_found for d in days], "#dd8452"),
        ("crisis", [d.crisis for d in days], "#c44e52"),
    ):
        axes[1].plot(x, nan(values), marker="o", label=name, color=colour)
    axes[1].set_title("Share of questions by kind")
    axes[1].legend(loc="upper left", fontsize="small")
    axes[2].plot(x, nan([d.thumbs_up for d in days]), marker="o", color="#55a868")
    axes[2].set_title("Share of thumbs up among rated answers")
    for axis in axes[1:3]:
        axis.set_ylim(-0.05, 1.05)
    axes[3].plot(x, nan([d.p50_latency_ms for d in days]), marker="o", color="#8172b3")
    axes[3].set_title("Median answer time (ms)")
    axes[3].set_ylim(bottom=0)
    figure.autofmt_xdate()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=80)
    return buffer.getvalue()
