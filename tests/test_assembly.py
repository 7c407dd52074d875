"""Assembling sentences into events."""


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
