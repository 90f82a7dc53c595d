"""Build pipeline/nlp/data/world_given_names.json from names-dataset (not a runtime dependency).

    pip install names-dataset==3.3.1 && python scripts/build_world_given_names.py

names-dataset ships 727,556 first names from 105 countries with their popularity rank per country; loading it
takes about 900 MB and 5 s, so the pipeline reads this extract instead: every alphabetic, capitalised first name
that ranks in the top 6,000 of at least one country (244,348 names). The wider the list, the fewer names
the NER calls organisations are dropped: at 1,000 (49,750 names) "Ridley Scott" is lost. Each name keeps its
gender where names-dataset gives one at least 90% of its bearers ("m" or "f"; else ""): a pronoun's antecedent
must agree with it.
"""

import gzip
import json
import pickle
from importlib import resources
from pathlib import Path

MAX_RANK = 6000
MIN_GENDER_SHARE = 0.9
OUT = Path(__file__).resolve().parent.parent / "pipeline" / "nlp" / "data" / "world_given_names.json"


def main() -> None:
    with resources.files("names_dataset").joinpath("v3/first_names.pkl.gz").open("rb") as raw:
        names = pickle.load(gzip.open(raw))
    kept = {name: _gender(info["gender"]) for name, info in sorted(names.items())
            if info["rank"] and min(info["rank"].values()) <= MAX_RANK and name.isalpha() and name[:1].isupper()}
    about = ("First names worldwide, to tell a person's name the NER labels an organisation (\"Milan Baros\", "
             "\"Dai Young\") from a body's (\"Hewlett Packard\", \"Polar Express\"). Every alphabetic, capitalised "
             f"first name ranked in the top {MAX_RANK:,} of at least one of the 105 countries of names-dataset 3.3.1 "
             "(Philippe Remy, MIT licence, https://github.com/philipperemy/name-dataset; names from public "
             "profiles, so some are also words: 'Apple', 'Sky'), each with its gender where at least "
             f"{MIN_GENDER_SHARE:.0%} of its bearers share it ('m', 'f'; else ''). Built by "
             "scripts/build_world_given_names.py.")
    text = json.dumps({"about": about, "names": kept}, ensure_ascii=False, separators=(",", ":"))
    OUT.write_text(text + "\n", encoding="utf-8")
    print(f"{len(kept)} names -> {OUT}")


def _gender(shares: dict | None) -> str:
    shares = shares or {}
    return "m" if shares.get("M", 0) >= MIN_GENDER_SHARE else "f" if shares.get("F", 0) >= MIN_GENDER_SHARE else ""


if __name__ == "__main__":
    main()
