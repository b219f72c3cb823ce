"""Loading the catalog: the shipped article, errors that name the culprit, the corpus hash."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from corpus.chunking import chunk_document
from corpus.documents import DEFAULT_DIR, Document, PassageQuestions, corpus_hash, load_corpus
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
    assert article.summary_section == "Key Takeaways"
    assert article.clinic == "Emerge Wellness"
    assert "What is CBT?" in article.suggestions
    assert len(article.suggestions) >= 3


def test_a_catalog_entry_gives_title_section_and_suggestions(tmp_path: Path) -> None:
    catalog = (
        '[[document]]\nfile = "note.txt"\ntitle = "A Note"\nintro_section = "Overview"\n'
        'suggestions = ["What is rest?", "Why sleep?"]\nsummary_section = "In short"\n'
        'clinic = "Rest Clinic"\n[[document]]\nfile = "other.txt"\n'
    )
    docs = load_corpus(_write(tmp_path, catalog, note="Rest.", other="Sleep."))
    assert docs == [
        Document(
            "note",
            "A Note",
            "Rest.",
            "Overview",
            ("What is rest?", "Why sleep?"),
            "In short",
            clinic="Rest Clinic",
        ),
        Document("other", "other", "Sleep.", "Introduction", ()),
    ]


def test_a_questions_file_gives_each_quote_its_questions(tmp_path: Path) -> None:
    catalog = ENTRY + 'questions = "note.questions.toml"\n'
    (tmp_path / "note.questions.toml").write_text(
        '[[passage]]\nquote = "Rest."\nquestions = ["why rest?", " ", "is a nap ok"]\n',
        encoding="utf-8",
    )
    [doc] = load_corpus(_write(tmp_path, catalog, note="Rest."))
    assert doc.questions == (PassageQuestions("Rest.", ("why rest?", "is a nap ok")),)


@pytest.mark.parametrize(
    ("questions_file", "match"),
    [
        (None, r"lists questions in note\.questions\.toml, which does not exist"),
        ("[[passage]\n", r"questions file .*note\.questions\.toml is not valid TOML"),
        ('[[passage]]\nquestions = ["why?"]\n', r"\[\[passage\]\] number 1 has no 'quote'"),
        ('[[passage]]\nquote = "Rest."\nquestions = "why?"\n', r"number 1 needs a list"),
    ],
    ids=["missing-file", "bad-toml", "no-quote", "questions-not-a-list"],
)
def test_an_unusable_questions_file_is_a_corpus_error_naming_it(
    tmp_path: Path, questions_file: str | None, match: str
) -> None:
    catalog = ENTRY + 'questions = "note.questions.toml"\n'
    if questions_file is not None:
        (tmp_path / "note.questions.toml").write_text(questions_file, encoding="utf-8")
    with pytest.raises(CorpusError, match=match):
        load_corpus(_write(tmp_path, catalog, note="Rest."))


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["windows-crlf", "old-mac-cr"])
def test_a_wrapped_paragraph_saved_with_other_line_endings_is_one_passage(
    tmp_path: Path, newline: str
) -> None:
    text = "A paragraph that\nwraps once.\n\nNext Heading\n\nBody.\n".replace("\n", newline)
    [doc] = load_corpus(_write(tmp_path, note=text))
    assert doc.text == "A paragraph that\nwraps once.\n\nNext Heading\n\nBody.\n"
    passages = chunk_document(doc).passages
    assert [p.text for p in passages] == ["A paragraph that\nwraps once.", "Body."]
    assert all(doc.text[p.start : p.end] == p.text for p in passages)


def test_a_byte_order_mark_is_not_part_of_the_text(tmp_path: Path) -> None:
    _write(tmp_path)
    (tmp_path / "note.txt").write_bytes("Rest.".encode("utf-8-sig"))
    assert load_corpus(tmp_path)[0].text == "Rest."


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


def test_a_document_that_is_not_utf8_is_a_corpus_error_naming_file_and_line(
    tmp_path: Path,
) -> None:
    _write(tmp_path)
    text = "Plain first line.\nCafé and the patient’s pain."
    (tmp_path / "note.txt").write_bytes(text.encode("cp1252"))  # as Windows editors save it
    with pytest.raises(CorpusError, match=r"note\.txt is not UTF-8 \(line 2\b"):
        load_corpus(tmp_path)


def test_a_document_that_cannot_be_read_is_a_corpus_error(tmp_path: Path) -> None:
    _write(tmp_path)
    (tmp_path / "note.txt").mkdir()
    with pytest.raises(CorpusError, match=r"cannot read document .*note\.txt"):
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


@pytest.mark.parametrize(
    "questions",
    [
        (PassageQuestions("Alpha", ("what is alpha?",)),),
        (PassageQuestions("Alpha text", ("what is alpha?",)),),
        (PassageQuestions("Alpha", ("what is alpha?", "alpha?")),),
    ],
)
def test_corpus_hash_changes_with_the_questions_which_are_indexed(
    questions: tuple[PassageQuestions, ...],
) -> None:
    base = _corpus()
    base[0] = dataclasses.replace(base[0], questions=(PassageQuestions("Alpha", ("alpha?",)),))
    edited = list(base)
    edited[0] = dataclasses.replace(base[0], questions=questions)
    assert corpus_hash(edited) != corpus_hash(base)


def test_corpus_hash_changes_when_a_document_is_added_or_removed() -> None:
    assert corpus_hash(_corpus()[:1]) != corpus_hash(_corpus())
