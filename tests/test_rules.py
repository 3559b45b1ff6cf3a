"""The event coder's rules: each is registered with a name, a step, a docstring and an example
whose coding it changes, and a run can switch any of them off by name."""

import pytest

from newsmill import errors
from newsmill.events import rules
from newsmill.records import Article, Event


def _events(body: str, published: str | None) -> list[Event]:
    from newsmill.events import code_events
    from newsmill.nlp import NlpStage
    from newsmill.statements import find_statements

    doc = NlpStage()([Article("a", "a", "text", body, published=published)])[0]
    return list(code_events(find_statements(doc)).events)


def test_every_rule_has_a_step_a_docstring_and_an_example() -> None:
    names = rules.names()
    assert len(names) == len(set(names)) >= 25
    for name in names:
        rule = rules.REGISTRY[name]
        assert rule.step in rules.STEPS, name
        assert rule.doc and rule.example.strip(), name


def test_an_unknown_rule_is_an_error_that_lists_the_known_ones() -> None:
    with pytest.raises(errors.UsageError) as caught, rules.switched_off(["no-such-rule"]):
        pass
    assert "no-such-rule" in str(caught.value) and "topic" in str(caught.value)


def test_switching_off_lasts_for_the_with_block_only() -> None:
    assert rules.is_on("purpose")
    with rules.switched_off({"purpose", "topic"}) as off:
        assert off == {"purpose", "topic"}
        assert not rules.is_on("purpose") and not rules.is_on("topic") and rules.is_on("condition")
    assert rules.is_on("purpose") and rules.is_on("topic")
@pytest.mark.slow
@pytest.mark.parametrize("name", rules.names())
def test_each_rule_changes_the_coding_of_its_own_example(name: str) -> None:
    rule = rules.REGISTRY[name]
    with_rule = _events(rule.example, rule.published)
    with rules.switched_off({name}):
        without = _events(rule.example, rule.published)
    assert with_rule != without, f"{name} changes nothing in its example {rule.example!r}"
