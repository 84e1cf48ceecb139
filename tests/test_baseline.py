"""The baseline file: round trip, kept reasons, stale entries, corrupt files as input errors, atomic writes."""

from __future__ import annotations

import json
import os
import time

import pytest

from checker.atomic import ABANDONED_AFTER_SECONDS, keep_replacing, remove_abandoned_temporaries, write_atomic
from checker.baseline import BaselineEntry, load_baseline, mark_new, stale_entries, write_baseline
from checker.check import CheckResult
from checker.errors import InputProblem
from report_frames import finding_row, findings_frame


def findings(*fingerprints: str):
    return findings_frame([finding_row(fp, "QTY001", "contradiction", [f"{fp}#1", f"{fp}#2"], ["x", "y"], message=f"Meldung {fp}") for fp in fingerprints]).drop("new")


def test_round_trip_sorted_by_fingerprint(tmp_path):
    path = tmp_path / "reports" / "baseline.json"
    assert write_baseline(path, findings("bbb", "aaa")) == 2
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["version"] == 1
    assert [entry["fingerprint"] for entry in document["findings"]] == ["aaa", "bbb"]
    assert document["findings"][0] == {"fingerprint": "aaa", "rule": "QTY001", "kind": "contradiction", "summary": "Meldung aaa", "reason": None}
    assert load_baseline(path)["bbb"] == BaselineEntry("bbb", "QTY001", "contradiction", "Meldung bbb", None)


def test_writing_twice_gives_the_same_bytes(tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    write_baseline(first, findings("aaa", "bbb"))
    write_baseline(second, findings("bbb", "aaa"))
    assert first.read_bytes() == second.read_bytes()


def test_reasons_given_earlier_are_kept_for_the_same_fingerprint(tmp_path):
    path = tmp_path / "baseline.json"
    previous = {"aaa": BaselineEntry("aaa", "QTY001", "contradiction", "alt", "zwei Zählweisen"), "gone": BaselineEntry("gone", "QTY001", "update", "weg", "egal")}
    write_baseline(path, findings("aaa", "bbb"), previous)
    entries = load_baseline(path)
    assert entries["aaa"].reason == "zwei Zählweisen"
    assert entries["bbb"].reason is None
    assert "gone" not in entries


def test_new_known_and_stale():
    baseline = {"aaa": BaselineEntry("aaa", "QTY001", "contradiction", "s"), "zzz": BaselineEntry("zzz", "QTY001", "update", "s")}
    marked = mark_new(findings("aaa", "bbb"), baseline)
    assert dict(zip(marked["fingerprint"], marked["new"])) == {"aaa": False, "bbb": True}
    assert [entry.fingerprint for entry in stale_entries(marked, baseline)] == ["zzz"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "corrupt baseline"),
        ('{"findings": [', "corrupt baseline"),
        ("[]", "expected an object with a 'findings' list"),
        ('{"version": 2, "findings": []}', "unsupported baseline version"),
        ('{"findings": [{"fingerprint": "a", "rule": "R"}]}', "findings[0]"),
        ('{"findings": [{"fingerprint": "a", "rule": "R", "kind": "update", "summary": "s", "reason": 3}]}', "findings[0].reason"),
        ('{"findings": [{"fingerprint": "a", "rule": "R", "kind": "update", "summary": "s"}, {"fingerprint": "a", "rule": "R", "kind": "update", "summary": "s"}]}', "appears twice"),
    ],
    ids=["empty", "truncated", "not-an-object", "version", "missing-fields", "reason-type", "duplicate"],
)
def test_a_corrupt_baseline_is_an_input_error_naming_the_file(tmp_path, content, expected):
    path = tmp_path / "baseline.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputProblem) as raised:
        load_baseline(path)
    assert raised.value.error.path == str(path)
    assert expected in str(raised.value.error)


def test_a_missing_baseline_given_explicitly_is_an_input_error(tmp_path):
    with pytest.raises(InputProblem, match="baseline file not found"):
        load_baseline(tmp_path / "nowhere.json")


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "baseline.json"
    write_atomic(path, "old\n")

    def failing_replace(source, target):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        write_atomic(path, "new\n")
    assert path.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["baseline.json"]


def test_a_kept_file_replaces_its_older_copies_without_waiting_for_the_disk(tmp_path, monkeypatch):
    """A parse or a mark that checks passed is work saved, not data: a crash costs only the work again."""
    synced = []
    monkeypatch.setattr(os, "fsync", lambda descriptor: synced.append(descriptor))
    (tmp_path / "words.old.pickle").write_bytes(b"old")
    keep_replacing(tmp_path / "words.new.pickle", b"new", "words.*.pickle")
    assert [p.name for p in tmp_path.iterdir()] == ["words.new.pickle"] and synced == []


@pytest.mark.parametrize("durable, syncs", [(True, 1), (False, 0)])
def test_only_a_durable_write_waits_for_the_disk(tmp_path, monkeypatch, durable, syncs):
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda descriptor: synced.append(descriptor) or real_fsync(descriptor))
    path = tmp_path / "file.bin"
    write_atomic(path, b"old")
    synced.clear()
    write_atomic(path, b"new", durable=durable)
    assert path.read_bytes() == b"new" and len(synced) == syncs
    assert [p.name for p in tmp_path.iterdir()] == ["file.bin"]


def test_exit_codes(tmp_path):
    from checker.pipeline import Extraction
    from checker.errors import InputError
    from report_frames import articles_frame, claims_frame

    def result(kinds_new: list[tuple[str, bool]], errors=()):
        rows = [finding_row(f"f{i}", "QTY001", kind, [], [], new=new) for i, (kind, new) in enumerate(kinds_new)]
        extraction = Extraction(articles_frame({}, {}), claims_frame([]), list(errors))
        return CheckResult(extraction, findings_frame(rows), [], None)

    assert result([("contradiction", False), ("update", True)]).exit_code("contradiction") == 0
    assert result([("contradiction", True)]).exit_code("contradiction") == 1
    assert result([("update", True)]).exit_code("update") == 1
    assert result([("confirmation", True)]).exit_code("update") == 0
    assert result([("contradiction", True)]).exit_code("never") == 0
    assert result([("contradiction", True)], [InputError("x.txt", "bad")]).exit_code("contradiction") == 2
    assert result([], [InputError("x.txt", "bad")]).exit_code("never") == 2


def test_atomic_writes_get_the_usual_file_mode_not_the_temporary_one(tmp_path):
    import stat

    umask = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.json"
        write_atomic(fresh, "x")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        kept = tmp_path / "kept.json"
        kept.write_text("old")
        kept.chmod(0o640)
        write_atomic(kept, "new")
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640 and kept.read_text() == "new"
    finally:
        os.umask(umask)


def test_only_old_temporaries_are_removed_as_abandoned(tmp_path):
    old, fresh, other = tmp_path / ".segment-a.tmp", tmp_path / ".segment-b.tmp", tmp_path / ".files-c.tmp"
    for path in (old, fresh, other):
        path.write_bytes(b"partial")
    long_ago = time.time() - ABANDONED_AFTER_SECONDS - 60
    os.utime(old, (long_ago, long_ago))
    os.utime(other, (long_ago, long_ago))
    remove_abandoned_temporaries(tmp_path, ".segment-*.tmp")
    assert not old.exists() and fresh.exists() and other.exists()  # a young one may still be written
