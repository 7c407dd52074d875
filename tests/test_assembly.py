"""Assembling sentences into events."""


def test_a_bombing_and_a_peaceful_protest_are_two_events(pipeline):
    from datetime import date

    events = pipeline.code_text("Suicide bomber kills three soldiers in Maiduguri. Students march in Maiduguri "
                                "to demand better security.", published=date(2021, 3, 10))
    assert {e.event_type for e in events} == {"Explosions/Remote violence", "Protests"}
