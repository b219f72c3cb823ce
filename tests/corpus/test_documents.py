"""Loading the catalog: the shipped article, errors that name the culprit, the corpus hash."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from corpus.documents import DEFAULT_DIR, Document, corpus_hash, load_corpus
from corpus.errors import CorpusError, VerbatimError

ENTRY = '[[document]]\nfile = "note.txt"\ntitle = "A Note"\n'


def _write(folder: Path, catalog: str | None = ENTRY, **files: str) -> Path:
    if catalog is not None:
        (folder / "catalog.toml").write_text(catalog, encoding="utf-8")
    for name, text in files.items():
        (folder / f"{name}.txt").write_bytes(text.encode("utf-8"))
    return folder


def test_the_shipped_catalog_loads_the_article_exactly_as_published(article: Document) -> None:
    raw = (DEFAULT_DIR / "chronic-pain-depression-ketamine.txt").read_bytes().decode("utf-8")
    assert article.text == raw
    assert article.id == "chronic-pain-depression-ketamine"
    assert article.title == "Chronic Pain, Depression and Ketamine Therapy"
    assert article.intro_section == "Introduction"
    assert "What is CBT?" in article.suggestions
    assert len(article.suggestions) >= 3


def test_a_catalog_entry_gives_title_section_and_suggestions(tmp_path: Path) -> None:
    catalog = (
        '[[document]]\nfile = "note.txt"\ntitle = "A Note"\nintro_section = "Overview"\n'
        'suggestions = ["What is rest?", "Why sleep?"]\n'
        '[[document]]\nfile = "other.txt"\n'
    )
    docs = load_corpus(_write(tmp_path, catalog, note="Rest.", other="Sleep."))
    assert docs == [
        Document("note", "A Note", "Rest.", "Overview", ("What is rest?", "Why sleep?")),
        Document("other", "other", "Sleep.", "Introduction", ()),
    ]


def test_line_endings_are_kept_so_offsets_match_the_file(tmp_path: Path) -> None:
    docs = load_corpus(_write(tmp_path, note="One line\r\nnext line.\r\n"))
    assert docs[0].text == "One line\r\nnext line.\r\n"


@pytest.mark.parametrize(
    ("catalog", "files", "match"),
    [
        (None, {}, r"no catalog at .*catalog\.toml"),
        ("[[document]\nfile = ", {}, r"catalog .*catalog\.toml is not valid TOML"),
        ("# nothing listed\n", {}, r"catalog .*catalog\.toml lists no \[\[document\]\]"),
        (
            '[[document]]\ntitle = "No file"\n',
            {},
            r"a \[\[document\]\] in .*catalog\.toml has no 'file'",
        ),
        (ENTRY, {}, r"catalog\.toml lists note\.txt, which does not exist"),
        (ENTRY, {"note": ""}, r"document .*note\.txt is empty"),
        (ENTRY, {"note": " \n\n\t\n"}, r"document .*note\.txt is empty"),
    ],
    ids=[
        "missing-catalog",
        "bad-toml",
        "no-documents",
        "no-file-key",
        "missing-file",
        "empty",
        "blank",
    ],
)
def test_unusable_corpora_raise_corpus_error_naming_the_culprit(
    tmp_path: Path, catalog: str | None, files: dict[str, str], match: str
) -> None:
    _write(tmp_path, catalog, **files)
    with pytest.raises(CorpusError, match=match):
        load_corpus(tmp_path)


def test_corpus_errors_are_verbatim_errors(tmp_path: Path) -> None:
    with pytest.raises(VerbatimError):
        load_corpus(tmp_path / "nowhere")


@pytest.mark.xfail(
    strict=True,
    raises=UnicodeDecodeError,
    reason="BUG corpus/documents.py:50 a document that is not UTF-8 (e.g. saved as"
    " Windows-1252) escapes as UnicodeDecodeError instead of a CorpusError naming the file",
)
def test_a_document_that_is_not_utf8_is_a_corpus_error(tmp_path: Path) -> None:
    _write(tmp_path)
    (tmp_path / "note.txt").write_bytes("Café and the patient’s pain.".encode("cp1252"))
    with pytest.raises(CorpusError, match=r"note\.txt"):
        load_corpus(tmp_path)


# corpus_hash


def _corpus() -> list[Document]:
    return [
        Document("a", "A", "Alpha text.", "Intro", ("Question?",)),
        Document("b", "B", "Beta text.", "Intro"),
    ]


def test_corpus_hash_is_stable() -> None:
    assert corpus_hash(_corpus()) == corpus_hash(_corpus())
    assert corpus_hash(_corpus()) == corpus_hash(list(reversed(_corpus())))


def test_corpus_hash_of_the_shipped_corpus_is_stable_across_loads(
    documents: list[Document],
) -> None:
    assert corpus_hash(load_corpus()) == corpus_hash(documents)


@pytest.mark.parametrize(
    "change",
    [
        {"text": "Alpha text!"},  # one character of the text
        {"text": "Alpha text.\n"},  # a trailing newline moves nothing visible but the offsets
        {"title": "A new title"},
        {"intro_section": "Overview"},
        {"id": "c"},
    ],
)
def test_corpus_hash_changes_with_anything_that_changes_the_passages(
    change: dict[str, str],
) -> None:
    edited = _corpus()
    edited[0] = dataclasses.replace(edited[0], **change)  # type: ignore[arg-type]
    assert corpus_hash(edited) != corpus_hash(_corpus())


def test_corpus_hash_ignores_the_suggestions_which_are_not_indexed() -> None:
    edited = _corpus()
    edited[0] = dataclasses.replace(edited[0], suggestions=("Another question?",))
    assert corpus_hash(edited) == corpus_hash(_corpus())


def test_corpus_hash_changes_when_a_document_is_added_or_removed() -> None:
    assert corpus_hash(_corpus()[:1]) != corpus_hash(_corpus())
