"""A full-text query in SQLite FTS5's syntax as a PostgreSQL ``tsquery``: one query language
for both stores.

The query is parsed as FTS5 parses it (phrases in double quotes, barewords, ``word*``
prefixes, ``AND``, ``OR``, ``NOT``, parentheses, ``NEAR(...)``, ``column:`` filters; NOT binds
tightest, then AND, written or implied, then OR) and written as SQL that builds the tsquery
from the query's own words, each a bound parameter stemmed by PostgreSQL itself
(``phraseto_tsquery``, ``plainto_tsquery``, ``to_tsquery`` for a prefix). A query FTS5 would
refuse raises ``BadQuery`` with FTS5's words, so both stores refuse the same queries.

Column filters and ``NEAR``'s distance are accepted and searched across title and body, the
words anywhere: the one place PostgreSQL finds more than SQLite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CONFIG = "newsmill"  # the text search configuration of migration 0003 (English stems, no stopwords)
COLUMNS = ("title", "body")
_TOKEN = re.compile(r'\s*(?:(?P<string>"(?:[^"]|"")*"?)|(?P<word>(?:[A-Za-z0-9_]|[^\x00-\x7f])+)'
                    r'|(?P<punct>[():*^+{},])|(?P<other>\S))')


class BadQuery(ValueError):
    """Not a query in FTS5's syntax; the message is FTS5's."""


@dataclass
class Query:
    """The SQL of a tsquery and the parameters it binds."""

    sql: str
    params: dict[str, str] = field(default_factory=dict)


def _tokens(query: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup
        if kind is None:
            continue
        value = m.group(kind)
        if kind == "string" and (len(value) < 2 or not value.endswith('"')
                                 or value.count('"') % 2):
            raise BadQuery("unterminated string")
        if kind == "other":
            raise BadQuery(f'fts5: syntax error near "{value}"')
        out.append((kind, value))
    return out


class _Parser:
    def __init__(self, query: str, prefix: str) -> None:
        self.tokens = _tokens(query)
        self.at = 0
        self.prefix = prefix
        self.params: dict[str, str] = {}

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.peek()
        if token is None:
            raise BadQuery('fts5: syntax error near ""')
        self.at += 1
        return token

    def error(self) -> BadQuery:
        token = self.peek()
        return BadQuery(f'fts5: syntax error near "{token[1] if token else ""}"')

    def bind(self, value: str) -> str:
        name = f"{self.prefix}{len(self.params)}"
        self.params[name] = value
        return f":{name}"

    def is_op(self, word: str) -> bool:
        return self.peek() == ("word", word)

    def starts_term(self) -> bool:
        token = self.peek()
        if token is None:
            return False
        kind, value = token
        if kind == "word":
            return value not in ("AND", "OR", "NOT")
        return kind == "string" or value in ("(", "^", "{")

    def parse(self) -> str:
        sql = self.or_()
        if self.peek() is not None:
            raise self.error()
        return sql

    def or_(self) -> str:
        sql = self.and_()
        while self.is_op("OR"):
            self.take()
            sql = f"({sql} || {self.and_()})"
        return sql

    def and_(self) -> str:
        sql = self.not_()
        while True:
            if self.is_op("AND"):
                self.take()
            elif not self.starts_term():
                return sql
            sql = f"({sql} && {self.not_()})"

    def not_(self) -> str:
        sql = self.primary()
        while self.is_op("NOT"):
            self.take()
            sql = f"({sql} && !!{self.primary()})"
        return sql

    def primary(self) -> str:
        kind, value = self.take()
        if value == "(" and kind == "punct":
            sql = self.or_()
            if self.take() != ("punct", ")"):
                raise self.error()
            return sql
        if kind == "word" and value == "NEAR" and self.peek() == ("punct", "("):
            return self.near()
        if value == "{" and kind == "punct":  # {title body}: a column list
            while self.peek() != ("punct", "}"):
                self.column(self.take())
            self.take()
            return self.after_columns()
        if kind == "word" and self.peek() == ("punct", ":"):
            self.column((kind, value))
            return self.after_columns()
        self.at -= 1
        return self.phrase()

    def column(self, token: tuple[str, str]) -> None:
        if token[0] != "word" or token[1] not in COLUMNS:
            raise BadQuery(f"no such column: {token[1]}")

    def after_columns(self) -> str:
        if self.take() != ("punct", ":"):
            raise self.error()
        if self.peek() == ("punct", "("):
            self.take()
            sql = self.or_()
            if self.take() != ("punct", ")"):
                raise self.error()
            return sql
        return self.phrase()

    def near(self) -> str:
        self.take()  # (
        parts = [self.phrase()]
        while self.peek() not in (("punct", ")"), ("punct", ","), None):
            parts.append(self.phrase())
        if self.peek() == ("punct", ","):
            self.take()
            kind, value = self.take()
            if kind != "word" or not value.isdigit():
                raise BadQuery(f'fts5: syntax error near "{value}"')
        if self.take() != ("punct", ")"):
            raise self.error()
        return "(" + " && ".join(parts) + ")"

    def phrase(self) -> str:
        """One phrase, or several joined by ``+``: their words in a row."""
        if self.peek() == ("punct", "^"):
            self.take()
        words: list[str] = []
        prefix = False
        while True:
            kind, value = self.take()
            if kind == "string":
                words.append(value[1:-1].replace('""', '"'))
            elif kind == "word" and value not in ("AND", "OR", "NOT"):
                words.append(value)
            else:
                raise BadQuery(f'fts5: syntax error near "{value}"')
            prefix = self.peek() == ("punct", "*")
            if prefix:
                self.take()
            if self.peek() != ("punct", "+"):
                break
            self.take()
        text = " ".join(words)
        if prefix and re.fullmatch(r"\w+", text):
            return f"to_tsquery('{CONFIG}', {self.bind(text.lower() + ':*')})"
        return f"phraseto_tsquery('{CONFIG}', {self.bind(text)})"


def translate(query: str, prefix: str = "tq") -> Query:
    """The tsquery SQL of an FTS5 query; its parameters are named ``prefix`` and a number."""
    parser = _Parser(query, prefix)
    return Query(parser.parse(), parser.params)
