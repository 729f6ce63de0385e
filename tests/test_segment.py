"""Sentence splitting on news abbreviations, and quotation spans."""

from __future__ import annotations

import pytest

from auditor.segment import find_quotes, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text))]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. envoy met Dr. Smith and Dr Jones at No. 10 at 9 a.m. on Monday.",
        "Rates rose to 4.25% after J. K. Rowling and George W. Bush spoke.",
        "Mr. Brown, Mrs. Green and Prof. White met Gen. Black in St. Louis.",
        "The vote, e.g. the one in Jan. 2020, was close.",
        "It rose 3.5 per cent, i.e. more than expected.",
    ],
)
def test_no_break_inside(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It fell. It rose!", ["It fell.", "It rose!"]),
        ("Was it? Yes.", ["Was it?", "Yes."]),
        ("They met at 9 a.m. The talks failed.", ["They met at 9 a.m.", "The talks failed."]),
        ("Troops in Sudzha. reports suggest more.", ["Troops in Sudzha.", "reports suggest more."]),
        ('He said: "We will win." Then he left.', ['He said: "We will win."', "Then he left."]),
        ("Shares of Acme Inc. rose. Others fell.", ["Shares of Acme Inc. rose.", "Others fell."]),
        ("Wait... and see. Done.", ["Wait... and see.", "Done."]),
    ],
)
def test_breaks(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_offsets_point_into_text() -> None:
    text = "  First one.   Second one.  "
    spans = split_sentences(text, 0, len(text))
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one."]


def test_quotes() -> None:
    text = 'He said, "The enemy blew up bridges." She said “no comment” twice.'
    assert [text[s:e] for s, e in find_quotes(text, 0, len(text))] == [
        '"The enemy blew up bridges."',
        "“no comment”",
    ]
