"""Chunking: offsets are the proof of verbatim; headings become sections; lists stay whole."""

from __future__ import annotations

import itertools

import pytest

from corpus.chunking import (
    BlockKind,
    chunk_corpus,
    chunk_document,
    place_questions,
    split_blocks,
    split_sentences,
)
from corpus.documents import Document, PassageQuestions
from corpus.passage import Passage

DANGLING = "Studies have shown ketamine to be effective in treating:"

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


def _doc(text: str = TINY, *, intro: str = "Intro") -> Document:
    return Document(id="tiny", title="Tiny", text=text, intro_section=intro)


def _sentences(passage: Passage) -> list[str]:
    return [passage.slice(span) for span in passage.sentences]


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# The real article


def test_every_passage_of_the_article_is_an_exact_slice(article: Document) -> None:
    passages = chunk_document(article).passages
    assert len(passages) > 20
    for passage in passages:
        assert article.text[passage.start : passage.end] == passage.text
        assert passage.sentences, passage.id
        for start, end in passage.sentences:
            assert passage.start <= start < end <= passage.end
            assert article.text[start:end] == passage.slice((start, end))


def test_passages_follow_the_article_in_order_without_overlap(article: Document) -> None:
    passages = chunk_document(article).passages
    for before, after in itertools.pairwise(passages):
        assert before.end <= after.start
    for passage in passages:
        starts = [start for start, _ in passage.sentences]
        assert starts == sorted(starts)


def test_every_sentence_of_the_article_is_quoted_somewhere(article: Document) -> None:
    quoted = " ".join(s for p in chunk_document(article).passages for s in _sentences(p))
    for sentence in (
        "Chronic pain is defined as pain that lasts for more than three months.",
        "Ketamine also has anti-inflammatory effects.",
        "Side effects are generally mild and may include temporary dizziness or mild"
        " disorientation.",
    ):
        assert sentence in quoted


def test_the_first_paragraph_has_the_catalog_s_intro_section(article: Document) -> None:
    first = chunk_document(article).passages[0]
    assert first.section == article.intro_section == "Introduction"
    assert first.start == 0
    assert first.text.startswith("Chronic pain and depression are two of the most challenging")


@pytest.mark.parametrize(
    ("quote", "section"),
    [
        ("Cognitive Behavioral Therapy (CBT)", "Talk Therapy"),
        ("Some antidepressants are also prescribed", "Antidepressants"),
        ("Exercise and movement therapy", "Physiotherapy"),
        ("Nearly 40% of adults", "How Common Is Chronic Pain and Depression?"),
        ("relief within hours or days", "Ketamine Therapy for Chronic Pain and Depression"),
        ("Emerge Wellness offers specialized care", "Ketamine Treatment at Emerge Wellness"),
    ],
)
def test_headings_of_the_article_become_sections(
    article: Document, quote: str, section: str
) -> None:
    passage = next(p for p in chunk_document(article).passages if quote in p.text)
    assert passage.section == section


def test_no_heading_is_quoted_as_a_passage(article: Document) -> None:
    texts = {p.text for p in chunk_document(article).passages}
    assert not texts & {"Talk Therapy", "Antidepressants", "Key Takeaways", "Physiotherapy"}


def test_a_lead_in_of_the_article_keeps_its_bullet_list(article: Document) -> None:
    passage = next(p for p in chunk_document(article).passages if "These included:" in p.text)
    assert passage.text.startswith("The same study also showed")
    assert passage.text.endswith("Temporal mandibular disorder – pain affecting the jaw")
    assert _sentences(passage)[-4:] == [
        "These included:",
        "Fibromyalgia – widespread pain in muscles and joints throughout the body",
        "Complex regional pain syndrome (CRPS) – ongoing pain triggered by an injury,"
        " generally in the arm or leg",
        "Temporal mandibular disorder – pain affecting the jaw",
    ]
    assert not any(p.text.startswith("•") for p in chunk_document(article).passages)


def test_the_article_s_dangling_lead_in_is_left_out_and_named(article: Document) -> None:
    chunks = chunk_document(article)
    assert all(DANGLING not in p.text for p in chunks.passages)
    assert len(chunks.warnings) == 1
    warning = chunks.warnings[0]
    assert DANGLING in warning
    assert f"line {_line_of(article.text, DANGLING)}:" in warning
    assert article.id in warning


def test_the_paragraph_after_the_dangling_line_is_still_quoted(article: Document) -> None:
    passages = chunk_document(article).passages
    after = next(p for p in passages if "usually administered through IV infusions" in p.text)
    assert after.text.startswith("Ketamine is usually administered")


def test_key_takeaways_give_one_passage_per_item(article: Document) -> None:
    takeaways = [p for p in chunk_document(article).passages if p.section == "Key Takeaways"]
    tail = article.text[article.text.index("Key Takeaways") :]
    assert len(takeaways) == tail.count("•") == 5
    assert takeaways[0].text.startswith("Chronic pain and depression often occur together")
    assert takeaways[-1].text.endswith("specialized clinics like Emerge Wellness.")
    for item in takeaways:
        assert "•" not in item.text and "\n" not in item.text
        assert _sentences(item) == [item.text]


def test_chunk_corpus_keeps_catalog_order_and_collects_warnings() -> None:
    first = Document(id="a", title="A", text="Alpha one.\n\nLead:")
    second = Document(id="b", title="B", text="Beta one.")
    chunks = chunk_corpus([first, second])
    assert [(p.doc_id, p.source, p.text) for p in chunks.passages] == [
        ("a", "A", "Alpha one."),
        ("b", "B", "Beta one."),
    ]
    assert len(chunks.warnings) == 1 and chunks.warnings[0].startswith("a line 3:")


def test_questions_go_to_the_one_passage_holding_their_quote() -> None:
    doc = Document(
        id="a",
        title="A",
        text="Rest helps. Sleep too.\n\nWalking helps.",
        questions=(
            PassageQuestions("Sleep too", ("is sleep good?", "naps?")),
            PassageQuestions("Walking", ("should i walk",)),
        ),
    )
    placed, warnings = place_questions(doc, chunk_document(doc).passages)
    assert placed == [(0, "is sleep good?"), (0, "naps?"), (1, "should i walk")]
    assert warnings == []


@pytest.mark.parametrize(
    ("quote", "where"),
    [("helps", "2 passages"), ("Swimming", "no passage"), ("too.\n\nWalking", "no passage")],
    ids=["in-two-passages", "edited-away", "across-two-passages"],
)
def test_questions_whose_quote_no_single_passage_holds_are_left_out_and_named(
    quote: str, where: str
) -> None:
    doc = Document(
        id="a",
        title="A",
        text="Rest helps. Sleep too.\n\nWalking helps.",
        questions=(PassageQuestions(quote, ("why?",)),),
    )
    placed, warnings = place_questions(doc, chunk_document(doc).passages)
    assert placed == []
    assert warnings == [
        f"a: the questions quoting {quote!r} were left out: {where} of the document holds"
        " that quote (fix the questions file)"
    ]


def test_chunk_corpus_places_each_document_s_questions_among_all_passages() -> None:
    first = Document(id="a", title="A", text="Alpha one.\n\nAlpha two.")
    second = Document(
        id="b", title="B", text="Beta one.", questions=(PassageQuestions("Beta", ("beta?",)),)
    )
    assert chunk_corpus([first, second]).questions == [(2, "beta?")]


def test_every_question_of_the_shipped_catalog_finds_its_passage(article: Document) -> None:
    chunks = chunk_corpus([article])
    assert not [w for w in chunks.warnings if "questions" in w]
    assert len(chunks.questions) == sum(len(entry.questions) for entry in article.questions)
    per_passage = [
        sum(1 for i, _ in chunks.questions if i == n) for n in range(len(chunks.passages))
    ]
    assert min(per_passage) >= 8  # every passage, in visitors' words


# Tiny documents


def test_headings_become_sections_and_text_before_them_is_the_intro() -> None:
    sections = [p.section for p in chunk_document(_doc()).passages]
    assert sections == ["Intro", "First Heading", "Second Heading"]


def test_every_tiny_passage_is_an_exact_slice() -> None:
    doc = _doc()
    for passage in chunk_document(doc).passages:
        assert doc.text[passage.start : passage.end] == passage.text
        assert passage.doc_id == "tiny" and passage.source == "Tiny"


def test_a_lead_in_keeps_its_list() -> None:
    passage = chunk_document(_doc()).passages[1]
    assert passage.text.startswith("These are the items:")
    assert passage.text.endswith("Pear – another")
    assert _sentences(passage) == ["These are the items:", "Apple – a fruit", "Pear – another"]


def test_a_dangling_lead_in_is_left_out_and_reported() -> None:
    chunks = chunk_document(_doc())
    assert all("Dangling" not in p.text for p in chunks.passages)
    assert len(chunks.warnings) == 1
    assert "line 10" in chunks.warnings[0] and "Dangling lead-in" in chunks.warnings[0]


@pytest.mark.parametrize(
    "text",
    [
        "Intro.\n\nThe items are:",  # the document ends on the lead-in
        "Intro.\n\nThe items are:\n\nA Heading\n\nBody.",  # a heading follows it
        "Intro.\n\nThe items are:\n\nA paragraph, not a list.",  # a paragraph follows it
    ],
)
def test_a_lead_in_without_a_list_is_reported_wherever_it_is(text: str) -> None:
    chunks = chunk_document(_doc(text))
    assert all("The items are:" not in p.text for p in chunks.passages)
    assert len(chunks.warnings) == 1 and "line 3" in chunks.warnings[0]


def test_a_wrapped_paragraph_is_one_passage() -> None:
    last = chunk_document(_doc()).passages[-1]
    assert last.text == "A wrapped paragraph that goes\non over two lines. And ends here."
    assert _sentences(last) == [
        "A wrapped paragraph that goes\non over two lines.",
        "And ends here.",
    ]


def test_a_title_case_line_that_wraps_is_a_paragraph_not_a_heading() -> None:
    passages = chunk_document(_doc("Short Title Case Line\nthat wraps.\n\nNext.")).passages
    assert [(p.section, p.text) for p in passages] == [
        ("Intro", "Short Title Case Line\nthat wraps."),
        ("Intro", "Next."),
    ]


def test_a_list_without_lead_in_gives_one_passage_per_item() -> None:
    text = "Summary\n\n  • First point.\n  • Second point\n    wraps here.\n  • Third point."
    passages = chunk_document(_doc(text)).passages
    assert [p.text for p in passages] == [
        "First point.",
        "Second point\n    wraps here.",
        "Third point.",
    ]
    assert {p.section for p in passages} == {"Summary"}


def test_a_numbered_list_keeps_its_lead_in() -> None:
    text = "Steps to follow:\n\n1. Rest.\n2) Stretch.\n10. Walk."
    (passage,) = chunk_document(_doc(text)).passages
    assert passage.text == text
    assert _sentences(passage) == ["Steps to follow:", "Rest.", "Stretch.", "Walk."]


@pytest.mark.parametrize(
    ("block", "kind"),
    [
        ("How Common Is Chronic Pain and Depression?", BlockKind.HEADING),
        ("Pain Versus Mood", BlockKind.HEADING),
        ("Antidepressants", BlockKind.HEADING),
        ("A sentence in sentence case", BlockKind.PARAGRAPH),
        ("Title Case But Ends With A Stop.", BlockKind.PARAGRAPH),
        ("Title Case Lead In:", BlockKind.PARAGRAPH),
        ("Two Lines\nIn Title Case", BlockKind.PARAGRAPH),
        ("Very " * 20 + "Long", BlockKind.PARAGRAPH),
        ("2024", BlockKind.PARAGRAPH),
        ("  • an item", BlockKind.LIST),
        ("- an item", BlockKind.LIST),
        ("3) an item", BlockKind.LIST),
    ],
)
def test_split_blocks_tells_headings_lists_and_paragraphs_apart(
    block: str, kind: BlockKind
) -> None:
    blocks = split_blocks(block + "\n\nA following paragraph.")
    assert blocks[0].kind is kind
    assert blocks[1].kind is BlockKind.PARAGRAPH


def test_a_title_case_last_line_is_a_paragraph_not_a_heading() -> None:
    passages = chunk_document(_doc("Intro.\n\nContact Us Today")).passages
    assert [p.text for p in passages] == ["Intro.", "Contact Us Today"]


def test_split_blocks_offsets_exclude_indentation_and_blank_lines() -> None:
    text = "\n\n  First block\n\n\n   • item one\n   • item two\n\n"
    blocks = split_blocks(text)
    assert [text[b.start : b.end] for b in blocks] == [
        "First block",
        "• item one\n   • item two",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("Is it? Yes! Fine.", ["Is it?", "Yes!", "Fine."]),
        ("He said “stop.” Then left.", ["He said “stop.”", "Then left."]),
        ('She said "go." Then went.', ['She said "go."', "Then went."]),
        ("It hurt (a lot.) Then less.", ["It hurt (a lot.)", "Then less."]),
        ("Nearly half. 40% of adults agree.", ["Nearly half.", "40% of adults agree."]),
        ("Use ice, e.g. packs. Then rest.", ["Use ice, e.g. packs.", "Then rest."]),
        ("Version 2.5 works. Done.", ["Version 2.5 works.", "Done."]),
        ("No final stop", ["No final stop"]),
        ("Wrapped over\ntwo lines. Next one.", ["Wrapped over\ntwo lines.", "Next one."]),
        ("  • first item\n  • second item", ["first item", "second item"]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    spans = split_sentences(text, 0, len(text))
    assert [text[start:end] for start, end in spans] == expected


def test_split_sentences_gives_absolute_offsets_inside_the_range() -> None:
    text = "IGNORED. First one.  Second one.  IGNORED TOO."
    start = text.index("First")
    end = text.index("IGNORED TOO")
    spans = split_sentences(text, start, end)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one."]
    assert all(start <= s < e <= end for s, e in spans)
