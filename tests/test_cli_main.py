"""The `checker` entry point's process settings."""

from __future__ import annotations

import gc

import pytest

from checker import cli


def test_main_collects_cycles_in_large_batches(monkeypatch):
    # A run's collector passes over the imported modules cost ~0.1 s at the default threshold (700).
    before = gc.get_threshold()
    monkeypatch.setattr("sys.argv", ["checker", "--help"])
    try:
        with pytest.raises(SystemExit):
            cli.main()
        assert gc.get_threshold()[0] == cli.GC_THRESHOLD
    finally:
        gc.set_threshold(*before)


def test_main_leaves_the_run_out_of_the_final_collection(monkeypatch):
    monkeypatch.setattr("sys.argv", ["checker", "--help"])
    before = gc.get_threshold()
    try:
        with pytest.raises(SystemExit):
            cli.main()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
