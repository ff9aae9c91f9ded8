"""Which reminder a policy calls for on a day: pure, no database."""

import datetime as dt

from tuyengiao.notifications.choices import ReminderKind as K
from tuyengiao.notifications.reminders import Policy, reminder_kind

DEADLINE = dt.date(2024, 1, 15)
POLICY = Policy(enabled=True, days_before=3, on_the_day=True, overdue_every=3)


def day(n: int) -> dt.date:
    return DEADLINE + dt.timedelta(days=n)


def test_nothing_before_the_window_opens():
    assert reminder_kind(POLICY, DEADLINE, day(-4), None) is None


def test_one_reminder_in_the_days_before_the_deadline():
    assert reminder_kind(POLICY, DEADLINE, day(-3), None) == K.BEFORE
    assert reminder_kind(POLICY, DEADLINE, day(-2), day(-3)) is None
    # A worker that was down on day -3 catches up the next day.
    assert reminder_kind(POLICY, DEADLINE, day(-2), None) == K.BEFORE


def test_on_the_day_even_after_a_reminder_before():
    assert reminder_kind(POLICY, DEADLINE, day(0), day(-3)) == K.ON_DAY


def test_every_m_days_while_overdue():
    assert reminder_kind(POLICY, DEADLINE, day(1), day(0)) is None
    assert reminder_kind(POLICY, DEADLINE, day(2), day(0)) is None
    assert reminder_kind(POLICY, DEADLINE, day(3), day(0)) == K.OVERDUE
    assert reminder_kind(POLICY, DEADLINE, day(5), day(3)) is None
    assert reminder_kind(POLICY, DEADLINE, day(6), day(3)) == K.OVERDUE
    assert reminder_kind(POLICY, DEADLINE, day(400), None) == K.OVERDUE


def test_never_twice_a_day_and_never_when_disabled():
    assert reminder_kind(POLICY, DEADLINE, day(0), day(0)) is None
    off = Policy(enabled=False, days_before=3, on_the_day=True, overdue_every=3)
    assert reminder_kind(off, DEADLINE, day(0), None) is None


def test_a_policy_without_days_before_or_on_the_day():
    quiet = Policy(enabled=True, days_before=0, on_the_day=False, overdue_every=7)
    assert reminder_kind(quiet, DEADLINE, day(-1), None) is None
    assert reminder_kind(quiet, DEADLINE, day(0), None) is None
    assert reminder_kind(quiet, DEADLINE, day(1), None) == K.OVERDUE
    assert reminder_kind(quiet, DEADLINE, day(7), day(1)) is None
    assert reminder_kind(quiet, DEADLINE, day(8), day(1)) == K.OVERDUE
