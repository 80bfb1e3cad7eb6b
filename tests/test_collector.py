"""The cycle collector pause: off inside the block, as it was after, even when the block raises."""
from __future__ import annotations

import gc

import pytest

from annals.collector import collector_paused


def test_collector_is_paused_inside_and_on_again_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collector_is_on_again_after_an_error():
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("interrupted")
    assert gc.isenabled()


def test_collector_stays_off_after_the_block_if_it_was_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
