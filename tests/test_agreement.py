"""evaluation/agreement.py on the stored second annotations (tests/gold/agreement/)."""

import importlib.util
import sys

from conftest import GOLD, REPO


def _agreement():
    sys.path.insert(0, str(REPO / "evaluation"))
    spec = importlib.util.spec_from_file_location("agreement", REPO / "evaluation" / "agreement.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_second_annotations_cover_their_sets_and_agree_on_speakers():
    agreement = _agreement()
    seconds = sorted((GOLD / "agreement").glob("*.jsonl"))
    assert seconds
    for second in seconds:
        first = agreement._records(GOLD / second.name)
        other = agreement._records(second)
        assert set(other) == set(first)
        itself = agreement.compare(first, first)
        assert itself["same_speaker"] == itself["matched"] == itself["first"] and not itself["disagreements"]
        result = agreement.compare(first, other)
        assert result["same_speaker"] + len(result["disagreements"]) == result["matched"]
        # the README's claim: careful annotators agree on nearly every speaker
        assert result["same_speaker"] / result["matched"] >= 0.95


def test_speakers_agree_only_when_both_unknown_both_anonymous_or_the_same_name():
    same = _agreement().same_speaker
    person = {"speaker": "Tony Blair", "speaker_type": "person"}
    assert same(person, dict(person))
    assert not same(person, {"speaker": "Mr Blair", "speaker_type": "person"})
    assert same({"speaker": None, "speaker_type": "unknown"}, {"speaker": "unknown", "speaker_type": "unknown"})
    assert same({"speaker": "a spokesman", "speaker_type": "anonymous"},
                {"speaker": "a Labour spokesman", "speaker_type": "anonymous"})
    assert not same(person, {"speaker": None, "speaker_type": "unknown"})
