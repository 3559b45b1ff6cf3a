import dataclasses
import pickle

import pytest

from newsmill.records import (
    Actor,
    Article,
    Document,
    Event,
    Mention,
    Page,
    Place,
    Skipped,
    Statement,
)

ARTICLE = Article("a1", "a1.html", "html", "Body text.", title="T", authors=("Jane Doe",))
RECORDS = [
    Page("a1", "a1.html", "html", "<p>x</p>", url="https://example.org/a1"),
    ARTICLE,
    Mention(0, 4, "Body", "ORG"),
    Statement("Body text", 0, 9, "direct", speaker="Jane Doe", cue="said"),
    Event("PROTEST", "Body text.", 0, 10, mode="demonstrate",
          actors=(Actor("protesters", "KAZ", "CVL"),), place=Place("Almaty", "KAZ", 43.2, 76.9)),
    Document(ARTICLE, mentions=(Mention(0, 4, "Body", "ORG"),)),
    Skipped("a2", "a2.txt", "ingest", "a2.txt: the file is empty"),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_records_pickle_and_compare_by_value(record: object) -> None:
    assert pickle.loads(pickle.dumps(record)) == record


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_records_are_frozen(record: object) -> None:
    field = dataclasses.fields(record)[0].name  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(record, field, None)


def test_document_parse_is_neither_compared_nor_kept() -> None:
    with_parse = Document(ARTICLE, parse=object())
    assert with_parse == Document(ARTICLE)
    assert with_parse.without_parse().parse is None
