"""The Passage: a stable id, slices only inside itself, a highlight that defaults sensibly."""

from __future__ import annotations

import dataclasses

import pytest

from corpus.passage import Passage

TEXT = "Rest helps. Sleep helps more."


def _passage(**changes: object) -> Passage:
    # The passage sits at offset 100 of its document, so spans are absolute, not relative.
    passage = Passage(
        doc_id="doc",
        source="Doc",
        section="Sleep",
        text=TEXT,
        start=100,
        end=100 + len(TEXT),
        sentences=((100, 111), (112, 129)),
    )
    return dataclasses.replace(passage, **changes)  # type: ignore[arg-type]


def test_id_names_the_document_and_the_offsets() -> None:
    assert _passage().id == "doc:100-129"


def test_slice_reads_absolute_spans() -> None:
    assert _passage().slice((112, 129)) == "Sleep helps more."


@pytest.mark.parametrize("span", [(0, 11), (99, 111), (112, 130), (120, 110)])
def test_slice_refuses_a_span_outside_the_passage(span: tuple[int, int]) -> None:
    with pytest.raises(ValueError, match=r"lies outside passage doc:100-129"):
        _passage().slice(span)


def test_highlight_text_is_the_chosen_sentence() -> None:
    assert _passage(highlight=(112, 129)).highlight_text == "Sleep helps more."


def test_highlight_text_defaults_to_the_first_sentence_then_the_whole_text() -> None:
    assert _passage().highlight_text == "Rest helps."
    assert _passage(sentences=()).highlight_text == TEXT
