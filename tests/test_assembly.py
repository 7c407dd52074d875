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


def test_the_place_protesters_marched_towards_is_not_a_second_event(pipeline):
    from datetime import date

    events = pipeline.code_text(
        "Thousands of people protested against military rule in Omdurman on Thursday. Police fired tear gas as "
        "they tried to march towards a bridge leading to Khartoum, witnesses said.", published=date(2022, 1, 14))
    assert len(events) == 1
    assert events[0].location == "Omdurman"


def test_where_a_spokesman_spoke_is_not_where_it_happened(pipeline):
    from datetime import date

    events = pipeline.code_text(
        "Rwandan and Mozambican troops recaptured the port town of Mocimboa da Praia on Sunday after a week of "
        "fighting. Dozens of insurgents were killed in the final assault on the town, an army spokesman told "
        "reporters in Kigali.", published=date(2021, 8, 9))
    assert len(events) == 1
    assert events[0].country == "Mozambique" and events[0].location.startswith("Moc")


def test_a_vague_date_covering_the_event_day_is_not_another_day(pipeline):
    from datetime import date

    events = pipeline.code_text(
        "Several hundred workers held a peaceful sit-in outside a textile factory in Alexandria on Sunday. "
        "The protesters went home in the evening after managers promised to meet them this week.",
        published=date(2023, 5, 30))
    assert len(events) == 1


def test_a_town_taken_and_held_the_next_day_is_one_event(pipeline):
    from datetime import date

    events = pipeline.code_text(
        "M23 rebels seized the town of Rutshuru after heavy fighting with the army on Tuesday. "
        "Government soldiers pulled out of the town, which was fully under rebel control by Wednesday morning, "
        "residents said.", published=date(2022, 11, 3))
    assert len(events) == 1
    assert events[0].sub_event_type == "Non-state actor overtakes territory"
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
