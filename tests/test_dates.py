from datetime import date

import pytest

from eventwire.extract.dates import event_date, find_dates

PUB = date(2019, 3, 14)  # a Thursday


def first(text, published=PUB):
    found = find_dates(text, published)
    assert found, f"no date in {text!r}"
    return found[0]


@pytest.mark.parametrize("text,expected,precision", [
    ("Fighters attacked on Tuesday.", date(2019, 3, 12), 1),
    ("The blast happened on Thursday morning.", date(2019, 3, 14), 1),  # publication day itself
    ("Gunmen struck late Sunday night.", date(2019, 3, 10), 1),
    ("Clashes erupted yesterday.", date(2019, 3, 13), 1),
    ("Shelling continued overnight.", date(2019, 3, 13), 1),
    ("Police dispersed a march last week.", date(2019, 3, 6), 2),
    ("Fighting broke out over the weekend.", date(2019, 3, 9), 2),
    ("Rebels seized the town last month.", date(2019, 2, 15), 3),
    ("Protests began earlier this month.", date(2019, 3, 14), 3),
    ("The attack took place on March 3.", date(2019, 3, 3), 1),
    ("The attack took place on 3 March 2018.", date(2018, 3, 3), 1),
    ("The attack took place on 2018-11-02.", date(2018, 11, 2), 1),
    ("The raid came on Dec. 28.", date(2018, 12, 28), 1),  # no year, later than publication -> last year
    ("Troops retook the area in early February.", date(2019, 2, 1), 3),
    ("The offensive ended at the end of January.", date(2019, 1, 31), 3),
])
def test_resolution(text, expected, precision):
    d = first(text)
    assert (d.day, d.precision) == (expected, precision)


def test_no_publication_date_leaves_relative_dates_unresolved():
    d = first("Fighters attacked on Tuesday.", published=None)
    assert d.day is None and d.precision == 3


def test_explicit_date_with_year_needs_no_publication_date():
    assert first("It happened on 5 May 2020.", published=None).day == date(2020, 5, 5)


def test_two_weekdays_give_a_range():
    d = first("Clashes on Monday and Tuesday killed 12 people.")
    assert (d.day, d.end_day) == (date(2019, 3, 11), date(2019, 3, 12))


def test_days_span():
    d = first("At least 40 people died in three days of fighting.")
    assert (d.day, d.end_day) == (date(2019, 3, 11), date(2019, 3, 13))


def test_background_dates_are_marked():
    found = find_dates("In 2017 the army retook the town.", PUB)
    assert found and all(d.background for d in found)
    assert first("The town fell in June 2018.").background
    assert event_date(find_dates("The town fell in June 2018.", PUB), PUB) is None


def test_event_date_prefers_day_precision():
    found = find_dates("Last week's unrest spread, and on Tuesday police fired tear gas.", PUB)
    assert event_date(found, PUB).day == date(2019, 3, 12)


@pytest.mark.parametrize("text,published,day,precision", [
    ("Around 10 May 2022 (between 8 and 12 May), gunmen raided a village.", date(2022, 5, 14), date(2022, 5, 10), 2),
    ("Around 15 September 2021 (month of), soldiers clashed with rebels.", date(2021, 9, 30), date(2021, 9, 15), 3),
    ("On or around 3 June, police arrested four traders.", date(2022, 6, 10), date(2022, 6, 3), 2),
    ("On 3 June 2022, police arrested four traders.", date(2022, 6, 10), date(2022, 6, 3), 1),
    ("Fighting resumed in mid-March.", date(2022, 3, 25), date(2022, 3, 15), 3),
])
def test_acled_note_precision(text, published, day, precision):
    found = event_date(find_dates(text, published), published)
    assert (found.day, found.precision) == (day, precision)


def test_an_approximate_day_reaches_the_event(pipeline):
    (e,) = pipeline.code_text("On or around 3 June 2022, gunmen killed two farmers near Maiduguri.",
                              published=date(2022, 6, 10))
    assert (e.event_date, e.time_precision) == ("2022-06-03", 2)


def test_date_notes_are_not_read_as_event_text():
    from eventwire.extract.dates import strip_date_notes

    text = "Around 10 May 2022 (between 8 and 12 May), gunmen raided a village (Oudalan, Sahel)."
    assert strip_date_notes(text) == "Around 10 May 2022, gunmen raided a village (Oudalan, Sahel)."


@pytest.mark.parametrize("text, expected", [
    ("During the week of 8-14 March 2022, militias clashed near the river.", date(2022, 3, 11)),
    ("In the week of 2 to 6 May 2022, the town was shelled.", date(2022, 5, 4)),
])
def test_a_week_is_coded_to_its_midpoint(text, expected):
    (d,) = find_dates(text, None)
    assert (d.day, d.precision) == (expected, 2)


@pytest.mark.parametrize("text,day", [
    # the day of a claim or a statement is not the event's day when the event has its own
    ("The group took credit on Tuesday for a suicide bombing that killed 12 people on Monday.", date(2019, 3, 11)),
    ("Police said on Tuesday that gunmen had killed five villagers on Sunday.", date(2019, 3, 10)),
    # ... and is used when it is the only day given
    ("Gunmen killed five villagers in Zurmi, police said on Tuesday.", date(2019, 3, 12)),
])
def test_a_statement_day_yields_to_the_event_day(text, day):
    assert event_date(find_dates(text, PUB), PUB).day == day
