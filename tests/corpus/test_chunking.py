"""Chunking: offsets are the proof of verbatim; headings become sections; lists stay whole."""

from __future__ import annotations

from corpus.chunking import chunk_document, split_sentences
from corpus.documents import Document

TINY = (
    "Intro sentence one. Intro sentence two.\n\n"
    "First Heading\n\n"
    "These are the items:\n\n"
    "  • Apple – a fruit\n"
    "  • Pear – another\n\n"
    "Dangling lead-in with no list:\n\n"
    "Second Heading\n\n"
    "A wrapped paragraph that goes\non over two lines. And ends here."
)


def _doc(text: str = TINY) -> Document:
    return Document(id="tiny", title="Tiny", text=text, intro_section="Intro")


def test_every_passage_is_an_exact_slice_of_the_real_article(documents: list[Document]) -> None:
    for doc in documents:
        for passage in chunk_document(doc).passages:
            assert doc.text[passage.start : passage.end] == passage.text
            for start, end in passage.sentences:
                assert passage.start <= start < end <= passage.end


def test_headings_become_sections_and_text_before_them_is_the_intro() -> None:
    sections = [p.section for p in chunk_document(_doc()).passages]
    assert sections == ["Intro", "First Heading", "Second Heading"]


def test_a_lead_in_keeps_its_list() -> None:
    passage = chunk_document(_doc()).passages[1]
    assert passage.text.startswith("These are the items:")
    assert passage.text.endswith("Pear – another")
    assert [passage.slice(s) for s in passage.sentences] == [
        "These are the items:",
        "Apple – a fruit",
        "Pear – another",
    ]


def test_a_dangling_lead_in_is_left_out_and_reported() -> None:
    chunks = chunk_document(_doc())
    assert all("Dangling" not in p.text for p in chunks.passages)
    assert len(chunks.warnings) == 1
    assert "line 10" in chunks.warnings[0] and "Dangling lead-in" in chunks.warnings[0]


def test_the_article_s_missing_list_is_reported(documents: list[Document]) -> None:
    chunks = chunk_document(documents[0])
    line = "Studies have shown ketamine to be effective in treating:"
    assert all(line not in p.text for p in chunks.passages)
    assert any(line in w for w in chunks.warnings)


def test_a_list_without_lead_in_gives_one_passage_per_item(documents: list[Document]) -> None:
    takeaways = [p for p in chunk_document(documents[0]).passages if p.section == "Key Takeaways"]
    assert len(takeaways) == 5
    assert takeaways[0].text.startswith("Chronic pain and depression often occur together")


def test_real_sections(documents: list[Document]) -> None:
    passages = chunk_document(documents[0]).passages
    cbt = next(p for p in passages if "Cognitive Behavioral Therapy (CBT)" in p.text)
    assert cbt.section == "Talk Therapy"
    assert passages[0].section == "Introduction"
    fibro = next(p for p in passages if "Fibromyalgia" in p.text)
    assert fibro.text.startswith("The same study also showed")


def test_sentences_split_with_offsets_across_wrapped_lines() -> None:
    text = "A wrapped paragraph that goes\non over two lines. And ends “here.” Then more."
    spans = split_sentences(text, 0, len(text))
    assert [text[s:e] for s, e in spans] == [
        "A wrapped paragraph that goes\non over two lines.",
        "And ends “here.”",
        "Then more.",
    ]
