"""Dates: find date expressions and resolve them against the publication date.

ACLED time_precision: 1 exact day, 2 a week or similar span (midpoint coded) or an approximate
day ("on or around 3 June", "Around 10 May (between 8 and 12 May)"), 3 a month (midpoint, or the
first/last day for "beginning"/"end of"; or a day whose note says "(month of)"). Nothing is ever resolved against today's date:
without a publication date, relative expressions stay unresolved (day=None, precision 3).
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ..models import DateMention

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "several": 3, "a few": 3, "few": 3}
BACKGROUND_DAYS = 31  # an event dated more than this before publication is background

M = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
D = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
Y = r"(?P<year>(?:19|20)\d{2})"
WD = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# ACLED's notes qualify a date: "Around 10 May 2022 (between 8 and 12 May)", "On or around 3 June",
# "Around 15 September 2021 (month of)": an approximate day is precision 2, a month's 3
APPROX = r"(?P<approx>\b(?:on\s+or\s+)?(?:around|about|approximately|circa)\s+(?:the\s+)?)?"
NOTE_BODY = r"(?:between|week|month|year|sometime|on or|around|exact date)[^)]{0,60}"
NOTE = rf"(?:\s*\((?P<note>{NOTE_BODY})\))?"
PATTERNS = [
    ("iso", r"\b(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})\b"),
    # ACLED's "during the week of 8-14 January 2024": a week, coded to its midpoint
    ("week_of", rf"\bweek\s+of\s+(?P<first>\d{{1,2}})\s*(?:-|\u2013|to)\s*{D}\s+{M}(?:,?\s+{Y})?\b"),
    ("dmy", rf"{APPROX}\b{D}\s+(?:of\s+)?{M}(?:,?\s+{Y})?\b{NOTE}"),
    ("mdy", rf"{APPROX}\b{M}\s+{D}(?:,?\s+{Y})?\b{NOTE}"),
    ("two_weekdays", r"\b(?:on\s+)?(?P<wd1>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:and|to|through|-)\s+(?P<wd2>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"),
    ("weekday", rf"\b(?:(?:late|early)\s+)?(?:last\s+)?{WD}(?:\s+(?:night|morning|evening|afternoon))?\b"),
    ("yesterday", r"\b(?:yesterday|last night)\b"),
    ("overnight", r"\bovernight\b"),
    ("today", r"\b(?:today|this morning|this afternoon|this evening|tonight|earlier today)\b"),
    ("last_weekend", r"\b(?:last|over the|this past|at the)\s+weekend\b"),
    ("last_week", r"\b(?:last|past|previous)\s+week\b"),
    ("this_week", r"\b(?:earlier\s+this|this)\s+week\b"),
    ("last_month", r"\b(?:last|past|previous)\s+month\b"),
    ("this_month", r"\b(?:earlier\s+this|this)\s+month\b"),
    ("month_part", rf"\b(?P<part>early|mid|late|beginning of|end of|the end of|the beginning of|the middle of)[\s-]+{M}(?:\s+{Y})?\b"),
    ("month", rf"\b(?:in|during|since|of)\s+{M}(?:\s+{Y})?\b"),
    ("year", rf"\b(?:in|since|during)\s+{Y}\b"),
    ("days_span", r"\b(?:in|over|during|after)\s+(?:the\s+(?:past|last)\s+)?(?P<n>two|three|four|five|six|seven|several|\d)\s+days\b"),
]
COMPILED = [(name, re.compile(p, re.I)) for name, p in PATTERNS]
DATE_NOTE = re.compile(rf"\s*\({NOTE_BODY}\)", re.I)
# a date right after a verb of saying: the day of the statement, not of the event
REPORTED_ON = re.compile(r"\b(?:said|says|say|told|announced|reported|confirmed|claimed|denied|denies|"
                         r"(?:took|takes|claimed) (?:credit|responsibility)|condemned|stated|added)\s+"
                         r"(?:(?:late|early)\s+)?(?:on\s+)?$", re.I)


def strip_date_notes(text: str) -> str:
    """A sentence without its date notes: "(between 8 and 12 May)" is no clash "between" two sides."""
    return DATE_NOTE.sub("", text)


def find_dates(text: str, published: date | None, offset: int = 0, sentence: int = 0) -> list[DateMention]:
    """All date expressions in ``text`` (one sentence), resolved against ``published``."""
    taken: list[tuple[int, int]] = []
    found = []
    for name, rx in COMPILED:
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            mention = RESOLVERS[name](m, published)
            if mention is None:
                continue
            taken.append((m.start(), m.end()))
            mention.text, mention.start, mention.end = m.group(0), offset + m.start(), offset + m.end()
            mention.sentence = sentence
            if published and mention.day and (published - mention.day).days > BACKGROUND_DAYS:
                mention.background = True
            mention.reported = bool(REPORTED_ON.search(text, 0, m.start()))
            found.append(mention)
    return sorted(found, key=lambda d: d.start)


def _mention(day: date | None, precision: int, end_day: date | None = None) -> DateMention:
    return DateMention(text="", start=0, end=0, sentence=0, day=day, end_day=end_day, precision=precision)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, published: date | None, year: str | None) -> int | None:
    if year:
        return int(year)
    if not published:
        return None
    # no year given: the most recent such date on or before publication (allow 2 days ahead for time zones)
    candidate = _safe_date(published.year, month, min(day, 28) if month == 2 and day > 28 else day)
    if candidate and (candidate - published).days > 2:
        return published.year - 1
    return published.year


def resolve_calendar(m: re.Match, published: date | None) -> DateMention | None:
    month = int(m.group("mnum")) if "mnum" in m.groupdict() and m.group("mnum") else MONTHS[m.group("month").lower().rstrip(".")]
    day = int(m.group("day"))
    year = _year_for(month, day, published, m.group("year"))
    if year is None:
        return _mention(None, 3)
    d = _safe_date(year, month, day)
    return _mention(d, _calendar_precision(m)) if d else None


def _calendar_precision(m: re.Match) -> int:
    """1 for a day; 2 for an approximate day or a span in a note; 3 when the note says the month
    ("(month of)") or the year."""
    note = (m.groupdict().get("note") or "").lower()
    if re.search(r"\b(?:month|year)\b", note):
        return 3
    return 2 if note or m.groupdict().get("approx") else 1


def resolve_week_of(m: re.Match, published: date | None) -> DateMention | None:
    last = resolve_calendar(m, published)
    if last is None or last.day is None:
        return last
    first = last.day - timedelta(days=int(m.group("day")) - int(m.group("first")))
    return _mention(first + (last.day - first) // 2, 2)


def most_recent_weekday(weekday: int, published: date) -> date:
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def resolve_weekday(m: re.Match, published: date | None) -> DateMention:
    if not published:
        return _mention(None, 3)
    day = most_recent_weekday(WEEKDAYS[m.group("weekday").lower()], published)
    if m.group(0).lower().startswith("last ") and day == published:
        day -= timedelta(days=7)
    return _mention(day, 1)


def resolve_two_weekdays(m: re.Match, published: date | None) -> DateMention:
    if not published:
        return _mention(None, 3)
    second = most_recent_weekday(WEEKDAYS[m.group("wd2").lower()], published)
    first = second - timedelta(days=(WEEKDAYS[m.group("wd2").lower()] - WEEKDAYS[m.group("wd1").lower()]) % 7)
    return _mention(first, 1, second)


def _relative(days: int, precision: int = 1):
    def resolve(m: re.Match, published: date | None) -> DateMention:
        if not published:
            return _mention(None, 3)
        return _mention(published - timedelta(days=days), precision)
    return resolve


def resolve_last_week(m: re.Match, published: date | None) -> DateMention:
    if not published:
        return _mention(None, 3)
    monday = published - timedelta(days=published.weekday() + 7)
    return _mention(monday + timedelta(days=2), 2)  # Wednesday: the week's midpoint (ACLED: Wed or Thu)


def resolve_this_week(m: re.Match, published: date | None) -> DateMention:
    if not published:
        return _mention(None, 3)
    monday = published - timedelta(days=published.weekday())
    return _mention(monday + (published - monday) // 2, 2)


def resolve_weekend(m: re.Match, published: date | None) -> DateMention:
    if not published:
        return _mention(None, 3)
    return _mention(most_recent_weekday(5, published - timedelta(days=1)), 2)


def _mid_month(year: int, month: int) -> date:
    return date(year, month, 15)


def resolve_last_month(m: re.Match, published: date | None) -> DateMention:
    if not published:
        return _mention(None, 3)
    first = published.replace(day=1) - timedelta(days=1)
    return _mention(_mid_month(first.year, first.month), 3)


def resolve_this_month(m: re.Match, published: date | None) -> DateMention:
    if not published:
        return _mention(None, 3)
    return _mention(min(_mid_month(published.year, published.month), published), 3)


def resolve_month(m: re.Match, published: date | None) -> DateMention:
    month = MONTHS[m.group("month").lower().rstrip(".")]
    year = _year_for(month, 1, published, m.group("year"))
    if year is None:
        return _mention(None, 3)
    part = (m.groupdict().get("part") or "").lower()
    if part in ("early", "beginning of", "the beginning of"):
        day = 1
    elif part in ("late", "end of", "the end of"):
        day = calendar.monthrange(year, month)[1]
    else:
        day = 15
    d = date(year, month, day)
    if published and d > published and d.month == published.month and d.year == published.year:
        d = published
    return _mention(d, 3)


def resolve_year(m: re.Match, published: date | None) -> DateMention:
    """A bare year is below ACLED's precision: kept only to mark background."""
    year = int(m.group("year"))
    mention = _mention(None, 3)
    mention.background = bool(published and year < published.year)
    return mention


def resolve_days_span(m: re.Match, published: date | None) -> DateMention:
    raw = m.group("n").lower()
    n = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw, 3)
    if not published:
        return _mention(None, 3)
    end = published - timedelta(days=1)
    return _mention(end - timedelta(days=n - 1), 1, end)


RESOLVERS = {
    "iso": resolve_calendar, "week_of": resolve_week_of, "dmy": resolve_calendar, "mdy": resolve_calendar,
    "two_weekdays": resolve_two_weekdays, "weekday": resolve_weekday,
    "yesterday": _relative(1), "overnight": _relative(1), "today": _relative(0),
    "last_weekend": resolve_weekend, "last_week": resolve_last_week, "this_week": resolve_this_week,
    "last_month": resolve_last_month, "this_month": resolve_this_month,
    "month_part": resolve_month, "month": resolve_month, "year": resolve_year,
    "days_span": resolve_days_span,
}


def event_date(mentions: list[DateMention], published: date | None) -> DateMention | None:
    """The date of an event from its sentence's mentions: the first non-background day-level date,
    a statement's day ("IS took credit on Tuesday for Monday's bombing") only when there is no other."""
    usable = [d for d in mentions if not d.background and (d.day is not None)]
    if usable:
        return sorted(usable, key=lambda d: (d.reported, d.precision, d.start))[0]
    return None
