"""Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) that keep the precision they were written with."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .errors import shown
from .i18n import Message

# ASCII digits only: \d would also take "２０２４" or "١٩٩٩", which no other tool reads as a date.
_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse a date as written; raise ValueError naming what is wrong (its argument a Message)."""
        match = _DATE.match(text)
        if not match:
            raise ValueError(Message("date {date} is not YYYY, YYYY-MM or YYYY-MM-DD", date=shown(text)))
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None
        if year == 0:
            raise ValueError(
                Message("date {date} has no year 0: the calendar goes from 1 BC to AD 1", date=shown(text))
            )
        if month is not None and not 1 <= month <= 12:
            raise ValueError(Message("date {date} has no month {month}", date=shown(text), month=month))
        if day is not None:
            assert month is not None
            last = days_in_month(year, month)
            if not 1 <= day <= last:
                raise ValueError(
                    Message(
                        "date {date} does not exist: that month has {days} days", date=shown(text), days=last
                    )
                )
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        month = self.month or 12
        return dt.date(self.year, month, self.day or days_in_month(self.year, month))

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return text


def parse(text: str) -> PartialDate:
    return PartialDate.parse(text)


def days_in_month(year: int, month: int) -> int:
    """28 to 31, leap years counted (what calendar.monthrange gives, without importing calendar)."""
    if month == 12:
        return 31  # (and 9999-12 has no following month in datetime)
    return (dt.date(year, month + 1, 1) - dt.timedelta(days=1)).day
