"""Compile the nouns WordNet 3.0 gives a person as their first sense into the statements
stage's ``person_nouns.txt``.

A definite description such as "the actor" or "the interviewer" that speaks goes back to a
person the story named; "the brokerage", "the military" or "the hunger" do not. Which nouns
mean a person is taken from WordNet (Princeton University, the WordNet 3.0 licence, kept in the
file's header): a single-word noun whose most frequent sense (the first in ``index.noun``) is in
the lexicographer file ``noun.person`` and is a kind of person, not one person ("Aaron").

Reads the database of Debian's ``wordnet-base`` package (``apt-get install wordnet-base``:
``/usr/share/wordnet``). The file is committed, so newsmill needs nothing of WordNet at run
time; run this again to rebuild it: ``python scripts/build_wordnet.py [--wordnet DIR]``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsmill" / "statements" / "person_nouns.txt"
NOUN_PERSON = 18  # lexicographer file number of noun.person (WordNet's lexnames)
LICENSE = """\
WordNet Release 3.0. This software and database is being provided to you, the LICENSEE, by
Princeton University under the following license. By obtaining, using and/or copying this
software and database, you agree that you have read, understood, and will comply with these
terms and conditions.: Permission to use, copy, modify and distribute this software and
database and its documentation for any purpose and without fee or royalty is hereby granted,
provided that you agree to comply with the following copyright notice and statements,
including the disclaimer, and that the same appear on ALL copies of the software, database and
documentation, including modifications that you make for internal use or for distribution.
WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. THIS SOFTWARE AND
DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES,
EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO
REPRESENTATIONS OR WARRANTIES OF MERCHANT- ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR
THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD
PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS. The name of Princeton University or
Princeton may not be used in advertising or publicity pertaining to distribution of the
software and/or database. Title to copyright in this software, database and any associated
documentation shall at all times remain with Princeton University and LICENSEE agrees to
preserve same."""


def _lines(path: Path) -> list[list[str]]:
    """The entry lines of a WordNet database file, split (its licence header left out)."""
    return [line.split() for line in path.read_text(encoding="latin-1").splitlines()
            if line and not line.startswith(" ")]


def person_nouns(wordnet: Path) -> list[str]:
    synsets_of = _lines(wordnet / "data.noun")
    lexfile = {fields[0]: int(fields[1]) for fields in synsets_of}
    instances = {fields[0] for fields in synsets_of if "@i" in fields}  # "Aaron", "Aalto":
    # one named person, not a kind of person
    found = []
    for fields in _lines(wordnet / "index.noun"):
        lemma, synsets, pointers = fields[0], int(fields[2]), int(fields[3])
        offsets = fields[4 + pointers + 2:]  # after the pointer symbols, sense and tagsense
        if len(offsets) != synsets:  # counts
            raise SystemExit(f"{wordnet / 'index.noun'}: unexpected line for {lemma!r}")
        if ("_" not in lemma and lexfile[offsets[0]] == NOUN_PERSON
                and offsets[0] not in instances and lemma[0].isalpha()):
            found.append(lemma)
    return sorted(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    args = parser.parse_args()
    if not (args.wordnet / "index.noun").is_file():
        sys.exit(f"{args.wordnet}: no WordNet database here; install it with "
                 "`apt-get install wordnet-base` or pass --wordnet DIR")
    words = person_nouns(args.wordnet)
    header = ["Nouns whose first sense in WordNet 3.0 is a person (noun.person), one per line;",
              "built by scripts/build_wordnet.py from Debian's wordnet-base.", "",
              *LICENSE.splitlines()]
    OUT.write_text("".join(f"# {line}".rstrip() + "\n" for line in header)
                   + "".join(f"{w}\n" for w in words), encoding="utf-8")
    print(f"{OUT}: {len(words)} nouns")


if __name__ == "__main__":
    main()
