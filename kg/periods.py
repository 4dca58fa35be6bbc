"""Dates and periods: an article's date as a month, quarter or year, and the days a partial date spans.

Article dates are ISO strings of three precisions (``2024-03-05``,
``2024-03``, ``2024``); a period is written ``2024-03``, ``2024-Q1`` or
``2024``. A date less precise than the period asked for belongs to none.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

from kg.config import Period

__all__ = ["period_of", "days_of", "shift_days", "is_day"]

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})")
_YEAR = re.compile(r"^(\d{4})")


def is_day(date: str) -> bool:
    """Whether ``date`` names one day.

    >>> is_day("2024-03-05"), is_day("2024-03")
    (True, False)
    """
    return bool(_DAY.match(date or ""))


def period_of(date: str, period: Period) -> str:
    """The period ``date`` falls in, "" when the date is undated or too coarse for it.

    >>> [period_of("2024-05-20", p) for p in Period]
    ['2024', '2024-Q2', '2024-05']
    >>> period_of("2024", Period.MONTH), period_of("", Period.YEAR)
    ('', '')
    """
    year = _YEAR.match(date or "")
    if year is None:
        return ""
    if period == Period.YEAR:
        return year.group(1)
    month = _MONTH.match(date)
    if month is None:
        return ""
    if period == Period.QUARTER:
        return f"{month.group(1)}-Q{(int(month.group(2)) - 1) // 3 + 1}"
    return f"{month.group(1)}-{month.group(2)}"


def days_of(date: str) -> tuple[str, str] | None:
    """The first and last day a date of any precision spans, None when it is no date.

    >>> days_of("2024-02"), days_of("2023"), days_of("2024-03-05")
    (('2024-02-01', '2024-02-29'), ('2023-01-01', '2023-12-31'), ('2024-03-05', '2024-03-05'))
    """
    if is_day(date):
        return date, date
    month = _MONTH.match(date or "")
    if month is not None and len(date) == 7:
        y, m = int(month.group(1)), int(month.group(2))
        if 1 <= m <= 12:
            return f"{date}-01", f"{date}-{calendar.monthrange(y, m)[1]:02d}"
        return None
    if _YEAR.match(date or "") and len(date) == 4:
        return f"{date}-01-01", f"{date}-12-31"
    return None


def shift_days(date: str, days: int) -> str:
    """The day ``days`` after (or before) a day, "" when ``date`` names no day.

    >>> shift_days("2024-03-01", -1)
    '2024-02-29'
    """
    try:
        return (dt.date.fromisoformat(date) + dt.timedelta(days=days)).isoformat()
    except (TypeError, ValueError):
        return ""
