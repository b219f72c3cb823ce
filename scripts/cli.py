"""`verbatim build | serve | ask | eval | bench | migrate`: the command line over the layers."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

import click

from corpus.errors import VerbatimError

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

DEFAULT_EVAL = Path("eval/dev.jsonl")


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Log what happens.")
def cli(verbose: bool) -> None:
    """Verbatim: answers about the clinic's article, quoted word for word."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(message)s")


def main() -> None:
    """Entry point: Verbatim's own errors become a clean message and exit code 1."""
    try:
        cli(standalone_mode=True)
    except VerbatimError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)


@cli.command()
def build() -> None:
    """(Re)build the index from the corpus; warns about lines the source should fix and
    about suggested questions the article does not answer."""
    from corpus.documents import load_corpus
    from retrieval.answerer import Answerer, unanswered_suggestions
    from retrieval.build import build_and_save
    from retrieval.crisis_net import CrisisNet
    from retrieval.encoder import Encoder
    from ui.settings import get_settings

    settings = get_settings()
    documents = load_corpus(settings.corpus_dir)
    encoder = Encoder(settings.model_path, graph_dir=settings.graph_dir)
    built = build_and_save(documents, encoder, settings.index_dir)
    for warning in built.warnings:
        click.secho(f"warning: {warning}", fg="yellow", err=True)
    crisis_net = CrisisNet.load_or_embed(encoder, settings.index_dir)  # ready for the server
    answerer = Answerer.for_documents(encoder, built.index, documents, crisis_net=crisis_net)
    for question in unanswered_suggestions(answerer):
        click.secho(
            f"warning: the suggested question {question!r} is not answered (catalog.toml)",
            fg="yellow",
            err=True,
        )
    manifest = built.index.manifest
    click.echo(
        f"built {manifest.passage_count} passages, {manifest.sentence_count} sentences"
        f" into {settings.index_dir} (index {manifest.index_hash})"
    )


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
def serve(host: str, port: int) -> None:
    """Serve the chat at / and the API at /api (rebuilds a stale index first)."""
    import uvicorn

    from ui.api import create_app

    logging.getLogger("verbatim").setLevel(logging.INFO)
    # uvicorn's access log would print each visitor's address and query string; ui.access_log
    # logs requests without them.
    uvicorn.run(create_app(), host=host, port=port, log_level="info", access_log=False)


@cli.command()
def migrate() -> None:
    """Bring the answer log (VERBATIM_DATABASE_URL) to the latest schema. `serve` does it at
    start-up too; run it first when several servers share one database."""
    from ui import migrations
    from ui.deps import open_logbook
    from ui.settings import get_settings

    logbook = open_logbook(get_settings())
    try:
        if not logbook.schema_ready:
            raise click.ClickException("the answer log's database failed (see the log above)")
        click.echo(f"answer log at revision {migrations.current(logbook.engine)}")
    finally:
        logbook.close()


@cli.command(name="new-migration")
@click.argument("message")
def new_migration(message: str) -> None:
    """Write the next migration of the answer log from what the model classes in
    ui/logbook.py add; read it before committing."""
    from ui import migrations

    path = migrations.new_revision(message)
    click.echo(f"wrote {path}: read it, then run `make test`")


@cli.command()
@click.argument("question")
@click.option("--top-k", default=3, show_default=True, type=click.IntRange(1, 10))
@click.option("--json", "as_json", is_flag=True, help="Print the API's JSON.")
def ask(question: str, top_k: int, as_json: bool) -> None:
    """Answer one question in the terminal."""
    from pydantic import ValidationError

    from retrieval.answer import Kind
    from ui.deps import load_answerer
    from ui.schemas import AskRequest, AskResponse
    from ui.settings import get_settings

    try:
        request = AskRequest(question=question, top_k=top_k)
    except ValidationError as exc:
        reason = "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in exc.errors())
        raise click.BadParameter(reason, param_hint="QUESTION") from exc
    answer = load_answerer(get_settings()).ask(request.question, top_k=request.top_k)
    if as_json:
        click.echo(AskResponse.from_answer(answer).model_dump_json(indent=2))
        return
    click.secho(answer.message, bold=True)
    for resource in answer.resources:
        click.echo(f"  {resource.name}: {resource.contact}  {resource.url}")
    for passage in answer.passages:
        click.echo()
        before, _, after = passage.text.partition(passage.highlight_text)
        click.echo("  “" + before + click.style(passage.highlight_text, bold=True) + after + "”")
        click.secho(f"  — {passage.section}, {passage.source}", dim=True)
    if answer.kind is Kind.NOT_FOUND and answer.suggestions:
        click.echo("\nYou could ask:")
        for suggestion in answer.suggestions:
            click.echo(f"  - {suggestion}")
    click.secho(f"\n{answer.disclaimer}", dim=True)


@cli.command(name="eval")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--misses/--no-misses", default=True, help="List what went wrong.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option(
    "--report",
    "report_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Also write an HTML report with a score plot into this folder.",
)
@click.option(
    "--ranking", is_flag=True, help="Also measure the search alone: every passage ranked."
)
def evaluate_command(
    files: tuple[Path, ...], misses: bool, as_json: bool, report_dir: Path | None, ranking: bool
) -> None:
    """Print hit@1, hit@3, MRR, refusal rates and crisis recall for evaluation sets (JSONL)."""
    from retrieval.evaluation import evaluate, load_examples, meets, ranking_metrics
    from ui.deps import load_answerer
    from ui.settings import get_settings

    sources = files or (DEFAULT_EVAL,)
    examples = [e for f in sources for e in load_examples(f)]
    answerer = load_answerer(get_settings())
    report = evaluate(examples, lambda q: answerer.ask(q, top_k=3))
    if report_dir is not None:
        from scripts.report import write_report

        page = write_report(
            report,
            report_dir,
            threshold=answerer.policy.thresholds.answer,
            title="Verbatim evaluation: " + ", ".join(f.name for f in sources),
        )
        click.echo(f"report: {page}", err=True)
    alone = ranking_metrics(examples, answerer.ranked) if ranking else None
    if as_json:
        shown_json: dict[str, object] = {"metrics": report.metrics, "counts": report.counts}
        if alone is not None:
            shown_json["ranking"] = alone
        click.echo(json.dumps(shown_json, indent=2))
        return
    counts = ", ".join(f"{n} {category}" for category, n in report.counts.items() if n)
    click.echo(f"{len(examples)} questions: {counts}")
    for name, value in report.measured().items():
        verdict = {True: "ok", False: "below target", None: ""}[meets(name, value)]
        shown = f"{value:.1f}" if name.endswith("_ms") else f"{value:.3f}"
        click.echo(f"  {name:28s} {shown:>8s}  {verdict}")
    if alone is not None:
        click.echo(
            f"ranking alone ({alone['questions']:.0f} answerable, every passage ranked, before"
            f" any refusal): hit@1 {alone['hit@1']:.3f}, hit@3 {alone['hit@3']:.3f},"
            f" MRR {alone['mrr']:.3f}"
        )
    if misses:
        for outcome in report.misses():
            got = "; ".join(p.text[:70] for p in outcome.answer.passages) or outcome.answer.message
            want = " | ".join(outcome.example.phrases)
            click.echo(
                f"\nmiss [{outcome.example.category}] {outcome.example.question}\n"
                f"  expected: {want or outcome.example.category}\n"
                f"  got {outcome.answer.kind}: {got}"
            )


@cli.command()
@click.option("--requests", "count", default=200, show_default=True, type=click.IntRange(1))
def bench(count: int) -> None:
    """Start the server, ask COUNT questions over HTTP, compare with bare model.encode."""
    from scripts.bench import run_benchmark

    run_benchmark(count)


if __name__ == "__main__":
    main()
