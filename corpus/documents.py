"""Loading the documents listed in a corpus folder's ``catalog.toml``."""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from corpus.errors import CorpusError

CATALOG = "catalog.toml"
DEFAULT_DIR = Path(__file__).parent / "documents"


@dataclass(frozen=True)
class PassageQuestions:
    """Questions a visitor might ask, in their own words, that one passage answers: the
    passage is the one whose text holds ``quote``. The search matches a question against
    them (docs/quality.md: "Questions each passage answers")."""

    quote: str
    questions: tuple[str, ...]


@dataclass(frozen=True)
class Document:
    """One source document, its text exactly as published."""

    id: str
    title: str
    text: str
    intro_section: str = "Introduction"
    suggestions: tuple[str, ...] = field(default=())
    # The section that sums the document up ("Key Takeaways"), quoted when a visitor asks what
    # the article is about; empty: its opening section.
    summary_section: str = ""
    # From the file the catalog names in ``questions``: they are embedded into the index.
    questions: tuple[PassageQuestions, ...] = field(default=())
    # What visitors call the clinic that publishes it ("Emerge Wellness"): "where is Emerge
    # Wellness" asks where the clinic is, as "where is the clinic" does (retrieval.asked_for).
    clinic: str = ""


def load_corpus(folder: Path = DEFAULT_DIR) -> list[Document]:
    """Read every document that ``folder/catalog.toml`` lists."""
    catalog_path = folder / CATALOG
    try:
        catalog = tomllib.loads(catalog_path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CorpusError(f"no catalog at {catalog_path}: list the documents there") from exc
    except tomllib.TOMLDecodeError as exc:
        raise CorpusError(f"catalog {catalog_path} is not valid TOML: {exc}") from exc
    entries = catalog.get("document", [])
    if not entries:
        raise CorpusError(f"catalog {catalog_path} lists no [[document]]")
    return [_load_entry(folder, entry) for entry in entries]


def _load_entry(folder: Path, entry: dict[str, object]) -> Document:
    name = entry.get("file")
    if not isinstance(name, str):
        raise CorpusError(f"a [[document]] in {folder / CATALOG} has no 'file'")
    path = folder / name
    text = _read_text(path, listed_in=folder / CATALOG)
    if not text.strip():
        raise CorpusError(f"document {path} is empty")
    suggestions = entry.get("suggestions", [])
    return Document(
        id=path.stem,
        title=str(entry.get("title", path.stem)),
        text=text,
        intro_section=str(entry.get("intro_section", "Introduction")),
        suggestions=tuple(str(s) for s in suggestions) if isinstance(suggestions, list) else (),
        summary_section=str(entry.get("summary_section", "")),
        questions=_load_questions(folder, entry.get("questions")),
        clinic=str(entry.get("clinic", "")),
    )


def _load_questions(folder: Path, name: object) -> tuple[PassageQuestions, ...]:
    """The ``[[passage]]`` tables of the questions file a catalog entry names, if any."""
    if name is None:
        return ()
    if not isinstance(name, str):
        raise CorpusError(f"'questions' in {folder / CATALOG} must name a file")
    path = folder / name
    try:
        tables = tomllib.loads(path.read_text(encoding="utf-8")).get("passage", [])
    except FileNotFoundError as exc:
        raise CorpusError(
            f"{folder / CATALOG} lists questions in {name}, which does not exist"
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise CorpusError(f"questions file {path} is not valid TOML: {exc}") from exc
    found = []
    for number, table in enumerate(tables, start=1):
        quote, questions = table.get("quote"), table.get("questions")
        if not isinstance(quote, str) or not quote.strip():
            raise CorpusError(f"{path}: [[passage]] number {number} has no 'quote'")
        if not isinstance(questions, list) or not all(isinstance(q, str) for q in questions):
            raise CorpusError(f"{path}: [[passage]] number {number} needs a list of 'questions'")
        found.append(PassageQuestions(quote, tuple(q for q in questions if q.strip())))
    return tuple(found)


def _read_text(path: Path, *, listed_in: Path) -> str:
    """The document's text, with every line ending made "\\n"; passage offsets index this text."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise CorpusError(
            f"{listed_in} lists {path.relative_to(listed_in.parent)}, which does not exist"
        ) from exc
    except OSError as exc:
        raise CorpusError(f"cannot read document {path}: {exc.strerror}") from exc
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark (Windows editors) is not text
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CorpusError(
            f"document {path} is not UTF-8 (line {line}, byte {exc.start}): save it as UTF-8"
        ) from exc
    # A file saved on Windows (CRLF) or old Macs (CR) would otherwise break a wrapped paragraph
    # at every line; the quotes are taken from this text, so they stay verbatim.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def corpus_hash(documents: list[Document]) -> str:
    """A digest of everything the index is built from: ids, titles, texts and the questions
    each passage answers."""
    digest = hashlib.sha256()
    for doc in sorted(documents, key=lambda d: d.id):
        asked = [part for entry in doc.questions for part in (entry.quote, *entry.questions)]
        for part in (doc.id, doc.title, doc.intro_section, doc.text, *asked):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
    return digest.hexdigest()[:16]
