"""Tests for the go-channel kata: every schedule of senders, receivers and closers, explored.

Each test writes a scenario, a function of the runtime ``rt`` that builds channels, starts
named threads and asserts, and hands it to the scheduler in ``checker/harness/schedule.py``:
a systematic search runs the schedules with the fewest preemptions first, a random walk
samples longer runs. A failure prints the schedule step by step (thread, operation, object)
and a ``--katas-replay`` command that runs exactly that schedule again. A thread that waits
for a wake-up nobody will send is reported as a Deadlock; one that polls in a loop instead of
waiting is stopped by the step bound and reported as a livelock. Time is virtual: it moves only
when every thread waits. One test runs the same code once on real threads.
"""

from __future__ import annotations

from collections import Counter

import pytest

from checker.harness.schedule import explore, join_threads, run_real, run_threads, start_threads
from katas.stage4_concurrency.channel import Channel, ClosedChannelError, select

HINT = "Try `katas hint go-channel`."
# Steps that mean "this thread waited for another": a select with a default must take none.
BLOCKING = {
    ("Condition", "wait"),
    ("Condition", "wake"),
    ("Event", "wait"),
    ("Semaphore", "acquire"),
    ("BoundedSemaphore", "acquire"),
    ("Queue", "get"),
    ("Queue", "put"),
}
SELECT_SCHEDULES = 12


def _raises_closed(call) -> str:
    """'raised' if ``call()`` raised ClosedChannelError, else what it returned."""
    try:
        got = call()
    except ClosedChannelError:
        return "raised"
    return f"returned {got!r}"


# -- one thread -----------------------------------------------------------------------------------


def test_a_buffered_channel_gives_values_back_in_the_order_they_were_sent():
    def scenario(rt):
        ch = Channel(3, rt, name="ch")
        for value in ("a", "b", "c"):
            ch.send(value)
        got = [ch.recv() for _ in range(3)]
        assert got == [("a", True), ("b", True), ("c", True)], (
            "send('a'), send('b'), send('c') on Channel(3, rt), then three recv() gave "
            f"{got}; expected [('a', True), ('b', True), ('c', True)]: first in, first out."
        )

    explore(scenario, schedules=1, what="One thread used Channel(3, rt)")


def test_a_negative_capacity_is_refused_with_value_error():
    def scenario(rt):
        try:
            Channel(-1, rt)
        except ValueError:
            return
        raise AssertionError(
            "Channel(-1, rt) returned a channel; it should raise ValueError: capacity 0 is "
            "unbuffered, and below that means nothing."
        )

    explore(scenario, schedules=1, what="Called Channel(-1, rt)")


def test_recv_after_close_drains_the_buffer_then_says_closed():
    def scenario(rt):
        ch = Channel(2, rt, name="ch")
        ch.send("a")
        ch.send("b")
        ch.close()
        got = [ch.recv() for _ in range(4)]
        expected = [("a", True), ("b", True), (None, False), (None, False)]
        assert got == expected, (
            "send('a'), send('b'), close(), then four recv() on Channel(2, rt) gave "
            f"{got}; expected {expected}: values sent before close are still received, then "
            "every recv says (None, False)."
        )

    explore(scenario, schedules=1, what="recv on a closed Channel(2, rt)")


def test_send_on_a_closed_channel_raises_closed_channel_error():
    def scenario(rt):
        for capacity in (0, 1):
            ch = Channel(capacity, rt, name="ch")
            ch.close()
            what = _raises_closed(lambda ch=ch: ch.send("late"))
            assert what == "raised", (
                f"send('late') on a closed Channel({capacity}, rt) {what}; it should raise "
                "ClosedChannelError, as Go panics: a value sent into a closed channel would be "
                "lost without anyone knowing. " + HINT
            )
            assert ch.recv() == (None, False), "The late value must not be received either."

    explore(scenario, schedules=1, what="send on a closed channel")


def test_closing_a_channel_twice_raises_closed_channel_error():
    def scenario(rt):
        ch = Channel(1, rt, name="ch")
        ch.close()
        what = _raises_closed(ch.close)
        assert what == "raised", (
            f"A second close() on Channel(1, rt) {what}; it should raise ClosedChannelError, "
            "as Go panics: two owners closing one channel is a bug to report, not hide."
        )

    explore(scenario, schedules=1, what="close() twice")


# -- blocking and hand-off ------------------------------------------------------------------------


def test_an_unbuffered_send_returns_only_after_a_receiver_has_come_for_the_value():
    """On every schedule, S's send returns after R has called recv: a rendezvous, no buffer."""

    def scenario(rt):
        ch = Channel(0, rt, name="ch")
        log: list[str] = []
        got = {}

        def sender():
            ch.send("v")
            log.append("S: send returned")

        def receiver():
            log.append("R: recv called")
            got["R"] = ch.recv()

        run_threads(rt, S=sender, R=receiver)
        assert log.index("S: send returned") > log.index("R: recv called"), (
            "On Channel(0, rt) (unbuffered), S called send('v') and R called recv(). The "
            f"order of events was {log}: send returned before any receiver came for the value, "
            "so it was sitting in a buffer. An unbuffered send must wait until a receiver takes "
            "its value. " + HINT
        )
        assert got["R"] == ("v", True), f"R's recv() gave {got['R']}; expected ('v', True)."

    explore(scenario, strategy="dfs", schedules=200, what="send and recv on Channel(0, rt)")


def test_an_unbuffered_send_waits_in_virtual_time_for_a_late_receiver():
    def scenario(rt):
        ch = Channel(0, rt, name="ch")
        log = {}

        def sender():
            ch.send("v")
            log["send returned at"] = rt.monotonic()

        def receiver():
            rt.sleep(2.0)
            log["recv gave"] = ch.recv()

        run_threads(rt, S=sender, R=receiver)
        expected = {"send returned at": 2.0, "recv gave": ("v", True)}
        assert log == expected, (
            "On Channel(0, rt), S called send('v') at t=0 and R called recv() at t=2. They gave "
            f"{log}; expected {expected}: the send returns when the receiver takes the value. "
            + HINT
        )

    explore(scenario, strategy="dfs", schedules=100, what="send at t=0, recv at t=2")


def test_a_send_on_a_full_buffer_waits_until_a_recv_makes_room():
    def scenario(rt):
        ch = Channel(1, rt, name="ch")
        ch.send("first")
        log = {}

        def sender():
            ch.send("second")
            log["send returned at"] = rt.monotonic()

        def receiver():
            rt.sleep(1.5)
            log["recv gave"] = ch.recv()

        run_threads(rt, S=sender, R=receiver)
        expected = {"send returned at": 1.5, "recv gave": ("first", True)}
        assert log == expected, (
            "Channel(1, rt) held 'first'; S called send('second') at t=0 and R called recv() at "
            f"t=1.5. They gave {log}; expected {expected}. " + HINT
        )
        assert ch.recv() == ("second", True), "Then recv() should give ('second', True)."

    explore(scenario, strategy="dfs", schedules=100, what="send on a full Channel(1, rt)")


# -- many senders and receivers ---------------------------------------------------------------


def _fan_in_fan_out(capacity: int):
    """S1 and S2 send two values each, R1 and R2 receive until closed, main closes."""

    def scenario(rt):
        ch = Channel(capacity, rt, name="ch")
        sent = {"S1": ["a1", "a2"], "S2": ["b1", "b2"]}
        got: dict[str, list] = {"R1": [], "R2": []}

        def sender(name):
            for value in sent[name]:
                ch.send(value)

        def receiver(name):
            for value in ch:
                got[name].append(value)

        senders = start_threads(rt, S1=lambda: sender("S1"), S2=lambda: sender("S2"))
        receivers = start_threads(rt, R1=lambda: receiver("R1"), R2=lambda: receiver("R2"))
        join_threads(senders)
        ch.close()
        join_threads(receivers)
        return sent, got

    return scenario


def _every_value_once_in_order(result) -> None:
    sent, got = result
    # Counted by repr, so a value of any type (hashable or not) is reported, not crashed on.
    want = Counter(repr(v) for values in sent.values() for v in values)
    have = Counter(repr(v) for values in got.values() for v in values)
    lost, extra = sorted((want - have).elements()), sorted((have - want).elements())
    assert not lost and not extra, (
        f"Senders sent {sent}; the receivers' `for value in ch` loops got {got}. Lost: "
        f"{lost or 'none'}; received more often than sent: {extra or 'none'}. Every value "
        "sent must be received exactly once. " + HINT
    )
    for receiver, values in got.items():
        for sender, order in sent.items():
            mine = [v for v in values if v in order]
            assert mine == sorted(mine, key=order.index), (
                f"{receiver} received {sender}'s values in the order {mine}, but {sender} sent "
                f"them in the order {order}: a channel is first in, first out."
            )


@pytest.mark.parametrize("capacity", [0, 1], ids=["unbuffered", "buffered"])
def test_every_value_sent_is_received_exactly_once_in_order(capacity):
    """Two senders, two receivers looping until close: each value arrives once, in FIFO order."""
    explore(
        _fan_in_fan_out(capacity),
        strategy="dfs",
        schedules=50,
        check=_every_value_once_in_order,
        what=f"S1, S2 sent 2 values each on Channel({capacity}, rt); R1, R2 looped until close",
    )


@pytest.mark.parametrize("capacity", [0, 2], ids=["unbuffered", "buffered"])
def test_a_range_loop_ends_when_the_channel_is_closed(capacity):
    def scenario(rt):
        ch = Channel(capacity, rt, name="ch")
        got: list = []

        def producer():
            for value in range(3):
                ch.send(value)
            ch.close()

        run_threads(rt, P=producer, C=lambda: got.extend(ch))
        assert got == [0, 1, 2], (
            f"P sent 0, 1, 2 on Channel({capacity}, rt) and closed it; C's `for value in ch` "
            f"loop collected {got}; expected [0, 1, 2], then the loop should end. " + HINT
        )

    explore(
        scenario,
        strategy="dfs",
        schedules=100,
        max_steps=500,
        what=f"for value in Channel({capacity}, rt), closed after three sends",
    )


# -- close wakes everybody -------------------------------------------------------------------------


def test_close_wakes_every_blocked_receiver_with_none_and_false():
    def scenario(rt):
        ch = Channel(0, rt, name="ch")
        got = {}

        def receiver(name):
            got[name] = ch.recv()

        run_threads(rt, R1=lambda: receiver("R1"), R2=lambda: receiver("R2"), C=ch.close)
        assert got == {"R1": (None, False), "R2": (None, False)}, (
            "R1 and R2 called recv() on an empty Channel(0, rt) and C closed it; their recv() "
            f"gave {got}; expected (None, False) for both: a closed, drained channel says "
            "so. " + HINT
        )

    explore(scenario, strategy="dfs", schedules=60, what="close() with two receivers waiting")


def test_close_wakes_every_blocked_sender_with_closed_channel_error():
    def scenario(rt):
        ch = Channel(1, rt, name="ch")
        ch.send("kept")
        what = {}

        def sender(name):
            what[name] = _raises_closed(lambda: ch.send(name))

        def closer():
            rt.sleep(1.0)  # after both senders are waiting on the full buffer
            ch.close()

        run_threads(rt, S1=lambda: sender("S1"), S2=lambda: sender("S2"), C=closer)
        assert what == {"S1": "raised", "S2": "raised"}, (
            "Channel(1, rt) held 'kept'; S1 and S2 called send() and waited; C closed the "
            f"channel at t=1. The senders' sends: {what}; expected both to raise "
            "ClosedChannelError, like Go's panic: their values will never be received. " + HINT
        )
        rest = [ch.recv(), ch.recv()]
        assert rest == [("kept", True), (None, False)], (
            f"After close, two recv() gave {rest}; expected [('kept', True), (None, False)]: "
            "the buffered value stays, the blocked senders' values are gone."
        )

    explore(scenario, strategy="dfs", schedules=60, what="close() with two senders waiting")


# -- select ----------------------------------------------------------------------------------------


def test_select_takes_a_ready_case():
    def scenario(rt):
        a, b, c = (Channel(1, rt, name=n) for n in "abc")
        b.send("hi")
        first = select([("recv", a), ("recv", b)])
        assert first == (1, "hi", True), (
            "select([('recv', a), ('recv', b)]) with only b holding 'hi' returned "
            f"{first!r}; expected (1, 'hi', True): the index of the ready case and what recv "
            "gave. " + HINT
        )
        second = select([("recv", a), ("send", c, 5)], default=True)
        assert second == (1, None, True) and c.recv() == (5, True), (
            "select([('recv', a), ('send', c, 5)], default=True) with a empty and c's buffer "
            f"free returned {second!r}; expected (1, None, True), with 5 then in c: a ready "
            "case must be taken, not the default."
        )
        a.close()
        third = select([("recv", a)], default=True)
        assert third == (0, None, False), (
            f"select([('recv', a)], default=True) on a closed, empty a returned {third!r}; "
            "expected (0, None, False): a closed channel is always ready to receive from."
        )

    explore(scenario, schedules=1, what="select in one thread")


def test_select_with_a_default_returns_at_once_when_no_case_is_ready():
    def scenario(rt):
        a, b = Channel(1, rt, name="a"), Channel(0, rt, name="b")
        a.send("full")
        got = select([("recv", b), ("send", a, "more"), ("send", b, "x")], default=True)
        assert got == (-1, None, False), (
            "select([('recv', b), ('send', a, 'more'), ('send', b, 'x')], default=True) with "
            f"a full and no one at unbuffered b returned {got!r}; expected (-1, None, False). "
            + HINT
        )
        assert rt.monotonic() == 0.0 and a.recv() == ("full", True)

    explore(scenario, schedules=1, what="select with a default and nothing ready")


def test_select_with_a_default_never_waits_for_another_thread():
    """S polls with select(default=True) while P sends; S's steps hold no wait of any kind."""

    def scenario(rt):
        a, b = Channel(1, rt, name="a"), Channel(1, rt, name="b")
        seen = []

        def poller():
            for _ in range(3):
                seen.append(select([("recv", a), ("recv", b)], default=True))

        def producer():
            a.send(1)
            b.send(2)

        run_threads(rt, S=poller, P=producer)
        return seen

    def check(outcome):
        waits = [str(s) for s in outcome.steps if s.thread == "S" and (s.kind, s.op) in BLOCKING]
        assert not waits, (
            "S called select(..., default=True) three times while P sent; S's steps include "
            f"waits: {waits[:5]}. With a default, select only looks at the cases (under each "
            "channel's lock) and returns: it never waits for another thread. " + HINT
        )
        bad = [
            r for r in outcome.result if r not in ((-1, None, False), (0, 1, True), (1, 2, True))
        ]
        assert not bad, (
            f"select(..., default=True) returned {outcome.result}; each call should give "
            "(-1, None, False), (0, 1, True) or (1, 2, True)."
        )

    explore(
        scenario,
        strategy="random",
        schedules=SELECT_SCHEDULES,
        check_outcome=check,
        what="S called select([('recv', a), ('recv', b)], default=True) three times while P "
        "sent on a and b",
    )


def test_select_without_a_default_waits_until_a_case_is_ready():
    def scenario(rt):
        a, b = Channel(0, rt, name="a"), Channel(1, rt, name="b")
        log = {}

        def selector():
            got = select([("recv", a), ("recv", b)])
            log["select"] = (got, rt.monotonic())

        def late():
            rt.sleep(1.0)
            b.send("late")

        run_threads(rt, S=selector, T=late)
        expected = ((1, "late", True), 1.0)
        assert log["select"] == expected, (
            "S called select([('recv', a), ('recv', b)]) at t=0; T sent 'late' on b at t=1. "
            f"select gave ((index, value, ok), time) {log['select']}; expected {expected}. " + HINT
        )

    explore(
        scenario,
        strategy="dfs",
        schedules=100,
        max_steps=400,
        what="select([('recv', a), ('recv', b)]) with no default, b sent to at t=1",
    )


def test_select_hands_a_value_to_a_receiver_waiting_on_an_unbuffered_channel():
    def scenario(rt):
        ch = Channel(0, rt, name="ch")
        log = {}

        def receiver():
            log["recv"] = ch.recv()

        def selector():
            rt.sleep(1.0)  # R is waiting in recv by now
            log["select"] = select([("send", ch, 7)], default=True)

        run_threads(rt, R=receiver, S=selector)
        expected = {"recv": (7, True), "select": (0, None, True)}
        assert log == expected, (
            "R waited in recv() on Channel(0, rt); at t=1 S called select([('send', ch, 7)], "
            f"default=True). They gave {log}; expected {expected}: a receiver blocked in recv "
            "makes a send case on an unbuffered channel ready. " + HINT
        )

    explore(scenario, strategy="dfs", schedules=100, what="select send to a waiting receiver")


# -- real threads ----------------------------------------------------------------------------------


def test_the_channel_runs_on_real_threads():
    def scenario(rt):
        jobs, results = Channel(0, rt, name="jobs"), Channel(64, rt, name="results")

        def worker():
            for job in jobs:
                results.send(job)

        def feeder():
            for job in range(60):
                jobs.send(job)
            jobs.close()

        run_threads(rt, W1=worker, W2=worker, W3=worker, F=feeder)
        results.close()
        return [select([("recv", results)]) for _ in range(61)]

    what = (
        "On real threads, a feeder sent 0..59 on an unbuffered channel to three workers, each "
        "forwarding what it got to a buffered channel until the first was closed; then main "
        "closed the second and called select([('recv', results)]) 61 times"
    )
    try:
        # The guard only stops a hang (a lost wake-up the scheduled tests did not reach).
        picked = [repr(p) for p in run_real(scenario, seconds=1.5)]
    except AssertionError as hang:  # a thread raised, or the run hung
        raise AssertionError(f"{what}. {hang} " + HINT) from None
    expected = [repr((0, job, True)) for job in range(60)] + [repr((0, None, False))]
    assert sorted(picked[:60]) == sorted(expected[:60]) and picked[60] == expected[60], (
        f"{what}. Unexpected results: {sorted(set(picked) - set(expected))[:5] or picked[60:]}; "
        "expected (0, job, True) once per job, then (0, None, False). " + HINT
    )
