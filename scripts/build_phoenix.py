"""Compile the Phoenix / PETRARCH2 dictionaries (MIT) into the events stage's data files.

Reads ``../shared/data/phoenix-dictionaries`` and ``../shared/data/plover/CAMEO2PLOVER-2021.txt``
and writes ``src/newsmill/events/phoenix/``:

- ``agents.txt``: generic agents by PLOVER sector ("riot police" COP, "protesters" CVL);
- ``discards.txt``: phrases whose story (``story:``) is no political event (sports leagues,
  film awards);
- ``LICENSE``: the dictionaries' MIT notice.

The dictionaries' named actors with dated roles, CAMEO verb patterns and sentence-level discards
were compiled and measured too (``benchmarks/events_ablation.py``): each cost the event sets
more than it gave, so they are not built (git history has the code, commit 3e6ec81).

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
    story, _ = discards(src / "Phoenix.discards.txt")
    (OUT / "discards.txt").write_text(header + f"story: {', '.join(story)}\n", "utf-8")
    (OUT / "LICENSE").write_text((src / "LICENSE").read_text("utf-8"), "utf-8")
    print(f"agents {sum(map(len, found.values()))}, story discards {len(story)} -> {OUT}")


if __name__ == "__main__":
    main()
