"""Ctrl-C remembered between documents: raised where it lands, and again at the next check."""
from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from annals.interrupt import interrupt_checkpoint


def test_interrupt_is_raised_where_it_lands_and_again_at_the_check():
    with interrupt_checkpoint() as check:
        check()  # nothing received yet
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(5)  # the handler runs here
        with pytest.raises(KeyboardInterrupt):
            check()  # the first one was handled (or lost): the check raises it again


def test_interrupt_handler_is_put_back_after_the_block():
    before = signal.getsignal(signal.SIGINT)
    with interrupt_checkpoint():
        assert signal.getsignal(signal.SIGINT) is not before
    assert signal.getsignal(signal.SIGINT) is before


def test_interrupt_checkpoint_off_the_main_thread_only_checks():
    seen = []

    def work():
        before = signal.getsignal(signal.SIGINT)
        with interrupt_checkpoint() as check:
            check()
            seen.append(signal.getsignal(signal.SIGINT) is before)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [True]
