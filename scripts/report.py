"""`verbatim eval --report DIR`: an HTML page with the metrics, the misses and a score plot."""

from __future__ import annotations

import html
from datetime import UTC, datetime
from pathlib import Path

from retrieval.evaluation import TARGETS, Category, Outcome, Report, meets

PLOT_FILE = "scores.png"
PAGE_FILE = "index.html"

_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #1b1b1b; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { text-align: left; padding: .3rem .8rem; border-bottom: 1px solid #ddd;
         vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.ok { color: #0a6b2c; } .below { color: #b00020; font-weight: 600; }
img { max-width: 100%; border: 1px solid #eee; }
.miss td { font-size: 14px; } .muted { color: #666; }
"""


def best_score(outcome: Outcome) -> float:
    """The meaning score of the best passage found, whether or not it was quoted."""
    return outcome.answer.best_score


def plot_scores(report: Report, path: Path, *, threshold: float) -> None:
    """A histogram of best scores: answerable against questions that must be refused."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    groups = {
        "answerable": [Category.ANSWERABLE],
        "unanswered by the article": [Category.UNANSWERED],
        "off-topic": [Category.OFF_TOPIC],
    }
    colours = {"answerable": "#1f77b4", "unanswered by the article": "#ff7f0e", "off-topic": "#999"}
    figure, axes = plt.subplots(figsize=(8, 4), dpi=110)
    bins = [i / 40 for i in range(-4, 41)]
    for label, categories in groups.items():
        scores = [best_score(o) for o in report.outcomes if o.example.category in categories]
        if scores:
            axes.hist(
                scores, bins=bins, alpha=0.6, label=f"{label} ({len(scores)})", color=colours[label]
            )
    axes.axvline(threshold, color="#b00020", linestyle="--", label=f"answer threshold {threshold}")
    axes.set_xlabel("meaning score of the best passage")
    axes.set_ylabel("questions")
    axes.set_title("Who clears the threshold")
    axes.legend(loc="upper left", fontsize=8)
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)


def render_page(report: Report, *, title: str, plot: str | None) -> str:
    """The report as one self-contained HTML page (the plot is a file beside it)."""
    rows = []
    for name, value in report.measured().items():
        verdict = meets(name, value)
        target = TARGETS.get(name)
        shown = f"{value:.1f}" if name.endswith("_ms") else f"{value:.3f}"
        css = {True: "ok", False: "below", None: ""}[verdict]
        wanted = f"{target[0]} {target[1]}" if target else ""
        mark = {True: "✓", False: "✗ below target", None: ""}[verdict]
        rows.append(
            f"<tr><td>{html.escape(name)}</td><td class=num>{shown}</td>"
            f"<td>{html.escape(wanted)}</td><td class={css}>{mark}</td></tr>"
        )
    counts = ", ".join(f"{v} {html.escape(k)}" for k, v in report.counts.items() if v)
    misses = report.misses()
    miss_rows = [
        "<tr class=miss>"
        f"<td>{html.escape(o.example.question)}</td>"
        f"<td>{html.escape(o.example.category)}</td>"
        f"<td>{html.escape(' | '.join(o.example.phrases) or '(refusal)')}</td>"
        f"<td>{html.escape(o.answer.kind)}: {_returned(o)}</td>"
        f"<td class=num>{best_score(o):.2f}</td></tr>"
        for o in misses
    ]
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    parts = [
        f"<!doctype html><html lang=en><meta charset=utf-8><title>{html.escape(title)}</title>",
        f"<style>{_STYLE}</style><h1>{html.escape(title)}</h1>",
        f"<p class=muted>{len(report.outcomes)} questions ({counts}); {when}</p>",
        "<table><tr><th>measure</th><th>value</th><th>target</th><th></th></tr>",
        *rows,
        "</table>",
    ]
    if plot:
        parts.append(f'<h2>Scores</h2><img src="{html.escape(plot)}" alt="score distribution">')
    parts.append(f"<h2>Misses ({len(misses)})</h2>")
    if miss_rows:
        parts += [
            "<table><tr><th>question</th><th>kind</th><th>expected</th><th>returned</th>",
            "<th>score</th></tr>",
            *miss_rows,
            "</table>",
        ]
    else:
        parts.append("<p>None.</p>")
    return "\n".join(parts) + "\n</html>\n"


def _returned(outcome: Outcome) -> str:
    if not outcome.answer.passages:
        return html.escape(outcome.answer.message)
    quotes = [
        f"“{html.escape(p.text[:90])}…” <i>({html.escape(p.section)})</i>"
        for p in outcome.answer.passages
    ]
    return "<br>".join(quotes)


def write_report(report: Report, folder: Path, *, threshold: float, title: str) -> Path:
    """Write index.html and scores.png into ``folder``; returns the page's path."""
    folder.mkdir(parents=True, exist_ok=True)
    plot_scores(report, folder / PLOT_FILE, threshold=threshold)
    page = folder / PAGE_FILE
    page.write_text(render_page(report, title=title, plot=PLOT_FILE), encoding="utf-8")
    return page
