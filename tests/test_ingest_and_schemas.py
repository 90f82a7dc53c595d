import shutil

import pandas as pd
import pytest
from conftest import SEEDS

from pipeline.ingest import SeedsFolderError, read_seeds
from schemas.validation import SchemaLevelError, validate_table


def test_missing_seeds_folder_is_a_clear_error(tmp_path):
    with pytest.raises(SeedsFolderError, match="does not exist"):
        read_seeds(tmp_path / "nope")


def test_sidecar_metadata_and_its_problems_are_recorded(tmp_path):
    for path in SEEDS.glob("00[01]_*.txt"):
        shutil.copy(path, tmp_path)
    first, second = sorted(p.stem for p in tmp_path.glob("*.txt"))
    (tmp_path / "metadata.toml").write_text(
        f'[{first}]\noutlet = "The Irish Times"\npublished_date = 2024-09-22\n'
        f'[{second}]\npublished_date = "22/09/2024"\ncolour = "red"\n'
    )
    (tmp_path / "notes.docx").write_bytes(b"PK")
    articles, problems = read_seeds(tmp_path)
    meta = {a.article_id: a.metadata for a in articles}
    assert meta[first] == {"outlet": "The Irish Times", "published_date": pd.Timestamp("2024-09-22").date()}
    reasons = " | ".join(p.reason for p in problems)
    assert "not a YYYY-MM-DD date" in reasons and "unknown metadata key 'colour'" in reasons
    assert "not a .txt article file" in reasons


def _articles():
    return pd.DataFrame({
        "article_id": ["a1"], "source_path": ["seeds/a1.txt"], "content_sha256": ["0" * 64], "title": ["T"],
        "outlet": [None], "published_date": [pd.Timestamp("2024-06-02")], "published_date_status": ["explicit"],
        "published_earliest": [pd.Timestamp("2024-06-02")], "published_latest": [pd.Timestamp("2024-06-02")],
        "text": ["Kirby said “no changes” today."],
    })


def _quotes(**overrides):
    row = {"quote_id": "a1:q000", "article_id": "a1", "text": "no changes", "start_char": 12, "end_char": 22,
           "speaker": "John Kirby", "speaker_type": "person", "cue": "say", "kind": "term",
           "speaker_mention": "Kirby"}
    row.update(overrides)
    return pd.DataFrame([row])


def test_valid_rows_pass_and_bad_rows_go_to_quarantine_with_reason():
    articles, quarantine, report = validate_table("articles", _articles())
    assert report.passed and len(articles) == 1
    good = pd.concat([_quotes(), _quotes(quote_id="a1:q001", text="no changes!"),
                      _quotes(quote_id="a1:q002", speaker_type="martian"),
                      _quotes(quote_id="a1:q003", article_id="zz"),
                      _quotes(quote_id="a1:q004", start_char=12, end_char=10_000),
                      _quotes(quote_id="a1:q005", speaker="Jane Nobody", speaker_mention="Nobody")], ignore_index=True)
    valid, quarantine, report = validate_table("quotes", good, articles)
    assert list(valid["quote_id"]) == ["a1:q000"]
    assert set(quarantine["row_id"]) == {"a1:q001", "a1:q002", "a1:q003", "a1:q004", "a1:q005"}
    checks = dict(zip(quarantine["row_id"], quarantine["check"]))
    assert checks["a1:q001"] == "text_at_offsets" and checks["a1:q003"] == "article_exists"
    assert checks["a1:q004"] == "offsets_in_article" and checks["a1:q005"] == "speaker_in_article"
    assert "isin" in checks["a1:q002"]


def test_missing_column_is_a_schema_level_error():
    with pytest.raises(SchemaLevelError, match="speaker_type"):
        validate_table("quotes", _quotes().drop(columns=["speaker_type"]), validate_table("articles", _articles())[0])
