"""`checker claim` on a meeting the corpus describes in another mode on the same day (EVT001).

A small corpus of its own: a video call on 7 December, a summit in June. A sentence saying the two
"telefoniert" that day is supported by the video call (a video call is a call); one saying they met
in person that day is contradicted by it; one naming another day finds nothing to compare.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.claim_runs import claim_json, write_corpus
from tests.conftest import RULES

VIDEO_SENTENCE = "Bereits am 7. Dezember hatten sich Biden und Putin per Videoschaltung ausgetauscht."
ARTICLES = {
    "videocall": f" date 2021-12 Gespräch der Präsidenten\n\n{VIDEO_SENTENCE} Über die Ukraine sei offen gesprochen worden.\n",
    "summit": " date 2021-12 Rückblick\n\nBiden und Putin hatten sich im Juni in Genf getroffen.\n",
}


@pytest.fixture
def mode_corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "modes", ARTICLES)


def claim(cli, corpus: Path, text: str) -> tuple[int, dict]:
    return claim_json(cli, corpus, text, "2021-12-08")


def test_a_phone_call_is_supported_by_a_video_call_on_that_day(cli, mode_corpus):
    code, result = claim(cli, mode_corpus, "Biden und Putin haben am 7. Dezember telefoniert.")
    assert result["verdict"] == "supported" and code == 0, json.dumps(result, ensure_ascii=False)[:2000]
    (evidence,) = [item for item in result["evidence"] if item["finding"]["rule"] == "EVT001"]
    assert evidence["article"] == "videocall"
    assert evidence["quote"] == VIDEO_SENTENCE
    message = evidence["finding"]["message"]
    assert "both a call" in message and "video" in message and "phone" in message


def test_a_meeting_in_person_that_day_is_contradicted_naming_both_modes(cli, mode_corpus):
    code, result = claim(cli, mode_corpus, "Biden und Putin haben sich am 7. Dezember in Genf getroffen.")
    assert result["verdict"] == "contradicted" and code == 1, json.dumps(result, ensure_ascii=False)[:2000]
    (evidence,) = [item for item in result["evidence"] if item["finding"]["rule"] == "EVT001"]
    assert evidence["quote"] == VIDEO_SENTENCE
    assert "differ in mode (video / in_person)" in evidence["finding"]["message"]


def test_a_call_on_another_day_is_not_compared(cli, mode_corpus):
    code, result = claim(cli, mode_corpus, "Biden und Putin haben am 9. Dezember telefoniert.")
    assert result["verdict"] == "not_enough_info" and code == 0, json.dumps(result, ensure_ascii=False)[:2000]
    assert result["evidence"] == []


@pytest.mark.parametrize(
    "valid, broken, field",
    [
        ("call: [phone, video]", "call: [phone, telegram]", "options.compatible_modes.call.1"),
        ("call: [phone, video]", "call: [phone]", "options.compatible_modes.call"),
        ("same_meeting_on_same_day: true", "same_meeting_on_same_day: ja", "options.same_meeting_on_same_day"),
    ],
)
def test_bad_mode_options_fail_when_the_rule_loads(tmp_path, valid, broken, field):
    from checker.errors import InputProblem
    from checker.rules import load_rule

    text = (Path(RULES) / "EVT001-meeting-held-once.yaml").read_text(encoding="utf-8")
    assert text.count(valid) == 1
    rule_file = tmp_path / "EVT001.yaml"
    rule_file.write_text(text.replace(valid, broken), encoding="utf-8")
    with pytest.raises(InputProblem) as raised:
        load_rule(rule_file)
    assert field in str(raised.value) and "bad value" in str(raised.value)
