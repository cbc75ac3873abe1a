"""Hypothesis properties of the checksum and date rules."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import ric, uscc

from app.core.dates import add_months, expiry_of
from app.core.rules.identity import credit_code_problem, id_number_problem

TODAY = date(2026, 11, 23)
areas = st.from_regex(r"[1-8][0-9]{5}", fullmatch=True)
births = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)
seqs = st.from_regex(r"[0-9]{3}", fullmatch=True)


@st.composite
def id_bodies(draw) -> str:
    return draw(areas) + draw(births).strftime("%Y%m%d") + draw(seqs)


@given(id_bodies())
def test_id_with_computed_check_digit_is_valid(body: str) -> None:
    assert id_number_problem(body + ric.calc_check_digit(body + "0"), TODAY) is None


@given(id_bodies(), st.sampled_from("0123456789X"))
def test_any_other_check_digit_is_a_checksum_error(body: str, digit: str) -> None:
    if digit != ric.calc_check_digit(body + "0"):
        assert id_number_problem(body + digit, TODAY) == "checksum"


@given(id_bodies(), st.integers(0, 16), st.sampled_from("0123456789"))
def test_a_single_changed_digit_is_always_caught(body: str, pos: int, new: str) -> None:
    """GB 11643's ISO 7064 MOD 11-2 detects every single-digit substitution."""
    number = body + ric.calc_check_digit(body + "0")
    if number[pos] == new:
        return
    changed = number[:pos] + new + number[pos + 1:]
    assert id_number_problem(changed, TODAY) in ("checksum", "birth_date")


USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
uscc_bodies = st.builds(lambda a, b: a + b, st.from_regex(r"[1-9][1-9][0-9]{6}", fullmatch=True),
                        st.text(USCC_ALPHABET, min_size=9, max_size=9))


@given(uscc_bodies)
def test_credit_code_with_computed_check_is_valid(body: str) -> None:
    assert credit_code_problem(body + uscc.calc_check_digit(body + "0")) is None


@given(uscc_bodies, st.sampled_from(USCC_ALPHABET))
def test_credit_code_wrong_check_character(body: str, check: str) -> None:
    if check != uscc.calc_check_digit(body + "0"):
        assert credit_code_problem(body + check) == "checksum"


days = st.dates(min_value=date(1990, 1, 1), max_value=date(2098, 12, 31))


@given(days, st.integers(-36, 36))
def test_add_months_lands_in_the_right_month_and_never_overshoots(day: date, months: int) -> None:
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day <= day.day


@given(days, days)
def test_expiry_states_partition_the_calendar(end: date, today: date) -> None:
    state = expiry_of(end, today).state
    if end < today:
        assert state == "expired"
    elif end <= today + timedelta(days=7):
        assert state == "expiring_soon"
    else:
        assert state == "valid"


def _ctx(today: date, **values):
    from app.core.draft import parse_draft
    from app.core.rules.engine import RuleContext

    return RuleContext(parse_draft({"form": "general", "values": values}), today)


@given(days, days)
def test_letter_date_is_accepted_exactly_within_three_calendar_months(letter: date, today: date) -> None:
    from app.core.rules.dates import letter_date_future, letter_date_too_old

    ctx = _ctx(today)
    field = ctx.form.field("commitment_letter_date")
    future = bool(letter_date_future(ctx, field, letter.isoformat()))
    too_old = bool(letter_date_too_old(ctx, field, letter.isoformat()))
    assert future == (letter > today)
    assert too_old == (letter < add_months(today, -3))


@given(days, days)
def test_range_order_flags_exactly_start_after_end(start: date, end: date) -> None:
    from app.core.rules.dates import date_range_order

    ctx = _ctx(TODAY, admin_id_valid_from=start.isoformat(), admin_id_valid_to=end.isoformat())
    flagged = [field for field, _ in date_range_order(ctx)]
    assert flagged == (["admin_id_valid_to"] if start > end else [])
