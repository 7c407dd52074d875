"""Assembling sentences into events."""


def test_a_bombing_and_a_peaceful_protest_are_two_events(pipeline):
    from datetime import date

    events = pipeline.code_text("Suicide bomber kills three soldiers in Maiduguri. Students march in Maiduguri "
                                "to demand better security.", published=date(2021, 3, 10))
    assert {e.event_type for e in events} == {"Explosions/Remote violence", "Protests"}


def test_a_wire_slug_is_not_read_as_text(pipeline):
    from datetime import date

    from eventwire.textnorm import mask_wire_slugs

    text = "UPDATE 2-Car bomb kills six. WRAPUP 1-Clashes go on."
    masked = mask_wire_slugs(text)
    assert len(masked) == len(text) and masked.split() == "Car bomb kills six. Clashes go on.".split()
    (e,) = pipeline.code_text("UPDATE 2-Mogadishu car bomb kills six.", published=date(2021, 3, 10))
    assert e.location == "Mogadishu" and e.fatalities == 6


def test_a_claim_in_the_next_sentence_names_the_perpetrator(pipeline):
    from datetime import date

    events = pipeline.code_text("A car bomb killed seven people in Mogadishu on Monday. Al Shabaab claimed "
                                "responsibility for the attack.", published=date(2020, 1, 8))
    assert [(e.actor1, e.fatalities) for e in events] == [("Al Shabaab", 7)]


def test_a_quoted_number_is_read_as_a_number(pipeline):
    from datetime import date

    from eventwire.textnorm import mask_number_quotes

    text = 'Somali forces kill "34 Al Shabaab" militants in Jilib.'
    assert len(mask_number_quotes(text)) == len(text) and '"' not in mask_number_quotes(text)
    assert mask_number_quotes('He said "we will win" today.') == 'He said "we will win" today.'
    (e,) = pipeline.code_text(text, published=date(2021, 3, 10))
    assert e.fatalities == 34
