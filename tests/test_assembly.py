"""Assembling sentences into events."""
from datetime import date

import pytest


def test_a_bombing_and_a_peaceful_protest_are_two_events(pipeline):
    from datetime import date

    events = pipeline.code_text("Suicide bomber kills three soldiers in Maiduguri. Students march in Maiduguri "
                                "to demand better security.", published=date(2021, 3, 10))
    assert {e.event_type for e in events} == {"Explosions/Remote violence", "Protests"}


def test_an_acled_tag_is_no_sentence_of_the_event(pipeline):
    # "[women targeted: ...]" is a tag of the note, not a report of an attack
    from eventwire.evaluate import main_event

    e = main_event(pipeline.code_text("On 2 March 2022, the Taliban arrested 5 women activists in Mazar-i-Sharif "
                                      "(Mazar-i-Sharif, Balkh) for demanding the reopening of schools. "
                                      "[women targeted: activists]"))
    assert e.event_type != "Violence against civilians"


def test_a_doubtful_follow_up_does_not_change_the_event_type(pipeline):
    from eventwire.evaluate import main_event

    e = main_event(pipeline.code_text("On 9 May 2022, gunmen abducted 11 passengers from a bus near Kachia "
                                      "(Kachia, Kaduna). No injuries were reported."))
    assert e.sub_event_type == "Abduction/forced disappearance"


def test_note_tags_are_recognised():
    from eventwire.pipeline import NOTE_TAG

    assert NOTE_TAG.match("[size=no report]") and NOTE_TAG.match(" [women targeted: girls] ")
    assert not NOTE_TAG.match("Police said [the attackers] fled.")


def test_a_dateline_on_its_own_is_no_event():
    from types import SimpleNamespace

    from eventwire.pipeline import _no_report

    text = "Clashes in the capital\nADEN, Yemen, March 2 (Arabia Wire) - Rockets struck a market."
    start = text.index("ADEN")
    dateline = (start, text.index("Rockets"))
    alone = SimpleNamespace(text=text[start:dateline[1]].strip(), start_char=start, end_char=dateline[1] - 1)
    title = SimpleNamespace(text="Clashes in the capital", start_char=0, end_char=22)
    report = SimpleNamespace(text="Rockets struck a market.", start_char=dateline[1], end_char=len(text))
    assert _no_report(alone, dateline) == "dateline"
    assert _no_report(title, dateline) == "" and _no_report(report, dateline) == ""


def test_a_dateline_split_off_by_the_parser_is_never_an_event(pipeline, monkeypatch):
    from eventwire.extract.events import Classification

    class EverySentenceAnAttack:
        def classify_all(self, texts):
            return [Classification("ATTACK", 0.9, {"ATTACK": 1}) for _ in texts]

    monkeypatch.setattr(pipeline, "classifier", EverySentenceAnAttack())
    events = pipeline.code_text("KABUL (Reuters) -- Police said gunmen killed two shopkeepers in Kabul on Monday.",
                                published=date(2021, 5, 4))
    assert events and not any(e.evidence.startswith("KABUL") for e in events)


def test_a_sentence_naming_the_clashes_continues_the_riot(pipeline):
    from datetime import date

    events = pipeline.code_text(
        "Hundreds of young men threw stones and petrol bombs at soldiers in the northern city of Tripoli on "
        "Tuesday night, setting fire to part of the municipal building. A 19-year-old man died in hospital "
        "of wounds sustained in the clashes, a medical source said.", published=date(2021, 1, 27))
    assert len(events) == 1
    assert events[0].event_type == "Riots"


def test_refers_back():
    from eventwire.pipeline import refers_back

    assert refers_back("He died of wounds sustained in the clashes.")
    assert refers_back("Police fired tear gas to disperse the crowd.")
    assert not refers_back("Gunmen attacked a second village on Friday.")


ONE_EVENT = [
    # the place protesters marched towards is not a second event
    ("Thousands of people protested against military rule in Omdurman on Thursday. Police fired tear gas as "
     "they tried to march towards a bridge leading to Khartoum, witnesses said.", date(2022, 1, 14),
     {"location": "Omdurman"}),
    # where a spokesman spoke is not where it happened
    ("Rwandan and Mozambican troops recaptured the port town of Mocimboa da Praia on Sunday after a week of "
     "fighting. Dozens of insurgents were killed in the final assault on the town, an army spokesman told "
     "reporters in Kigali.", date(2021, 8, 9), {"country": "Mozambique"}),
    # a vague date that covers the event's day is not another day
    ("Several hundred workers held a peaceful sit-in outside a textile factory in Alexandria on Sunday. "
     "The protesters went home in the evening after managers promised to meet them this week.",
     date(2023, 5, 30), {"sub_event_type": "Peaceful protest"}),
    # a town taken, and held the next day, is one event
    ("M23 rebels seized the town of Rutshuru after heavy fighting with the army on Tuesday. "
     "Government soldiers pulled out of the town, which was fully under rebel control by Wednesday morning, "
     "residents said.", date(2022, 11, 3), {"sub_event_type": "Non-state actor overtakes territory"}),
]


@pytest.mark.parametrize("text, published, expected", ONE_EVENT)
def test_one_event(pipeline, text, published, expected):
    (event,) = pipeline.code_text(text, published=published)
    assert {k: getattr(event, k) for k in expected} == expected


@pytest.mark.parametrize("text,code", [
    # a battle needs two armed sides: civilians named as the only victims make it an attack
    ("Militants of the Lakurawa group killed dozens of fishermen near Kebbe on Sunday.", "ATTACK"),
    # "people" says nothing of who died: the clash stays a clash
    ("Herder militiamen clashed with farmer militiamen near Lafia on Sunday. Nine people were killed.", "ARMED_CLASH"),
])
def test_civilian_victims_decide_between_a_clash_and_an_attack(pipeline, text, code):
    from eventwire.evaluate import main_event

    assert main_event(pipeline.code_text(text, published=date(2023, 4, 11))).sub_event_code == code
