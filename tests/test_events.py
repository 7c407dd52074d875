"""The rule classifier: each sub-event type with our own sentences, priority rules and non-events."""
import re
from pathlib import Path

import pytest

from eventwire.extract.events import RuleClassifier, get_classifier, literal_hints, load_rules
from eventwire.extract.model import read_snippets

SNIPPETS = Path(__file__).resolve().parents[1] / "training" / "snippets"

CASES = [
    ("Government troops recaptured the town of Marka from al-Shabaab militants after heavy fighting.", "GOV_REGAINS_TERIT"),
    ("Rebels seized control of the district headquarters after overrunning an army garrison.", "NON_STATE_ACTOR_OVERTAKES_TER"),
    ("Soldiers clashed with militants near the border village, leaving four dead.", "ARMED_CLASH"),
    ("Security forces opened fire on protesters in the capital, killing three.", "FORCE_AGAINST_PROTEST"),
    ("Police fired tear gas to disperse hundreds of students demonstrating outside parliament.", "PROTEST_WITH_INTER"),
    ("Thousands of nurses marched peacefully through the city to demand better pay.", "PEACE_PROTEST"),
    ("Protesters torched police vehicles and hurled stones at officers.", "VIOL_DEMONSTR"),
    ("An angry mob lynched two men accused of stealing a motorbike.", "MOB_VIOL"),
    ("Activists accused government forces of a chlorine gas attack on the besieged suburb.", "CHEM_WEAP"),
    ("Warplanes bombed a market in the rebel-held town on Sunday.", "AIR_STRIKE"),
    ("A suicide bomber blew himself up at a checkpoint, killing six policemen.", "SUIC_BOMB"),
    ("Artillery shells slammed into residential areas of the city overnight.", "ART_MISS_ATTACK"),
    ("A roadside bomb struck a military convoy on the highway.", "REM_EXPLOS"),
    ("Attackers hurled a grenade into a crowded bar, wounding nine people.", "GRENADE"),
    ("Women in the camp said they were raped by armed men in uniform.", "SEX_VIOL"),
    ("Gunmen killed 12 villagers in an overnight raid on the settlement.", "ATTACK"),
    ("Armed men kidnapped three aid workers on the road to the town.", "ABDUCT_DISSAP"),
    ("The two sides signed a ceasefire agreement on Friday.", "AGREEMENT"),
    ("Police arrested the opposition leader at his home before dawn.", "ARREST"),
    ("The army deployed reinforcements to the northern province.", "CHANGE_TO_GROUP_ACT"),
    ("Bomb disposal experts defused an explosive device planted near the school.", "DISR_WEAP"),
    ("The militia established a new base on the outskirts of the town.", "HQ_ESTABLISHED"),
    ("Fighters looted shops and set homes ablaze as residents fled.", "PROPERTY_DISTRUCT"),
    ("Rebels entered the town unopposed after government troops withdrew.", "NON_VIOL_TERRIT_TRANSFER"),
    ("Soldiers staged a coup and detained the president.", "OTHER"),
]


@pytest.fixture(scope="module", params=["rules", "model"])
def clf(request):
    """Every case must hold for the rules alone and for the default (model + rules)."""
    return get_classifier(request.param)


@pytest.mark.parametrize("text,code", CASES)
def test_each_sub_event_type(clf, text, code):
    assert clf.classify(text).code == code


@pytest.mark.parametrize("text,code", [
    # an air strike during a ground battle is a battle
    ("Troops fought militants for hours in the village as air strikes pounded their positions, and several fighters were killed in the clashes.", "ARMED_CLASH"),
    # a defused bomb is a disrupted weapon, not an explosion
    ("Police found and defused a roadside bomb near the bridge.", "DISR_WEAP"),
    # grenade beats the generic explosion word
    ("A grenade explosion at the market killed two.", "GRENADE"),
    # arrests at a protest are a protest with intervention
    ("Police detained 40 protesters at the rally.", "PROTEST_WITH_INTER"),
    # demonstrators who are violent make a riot, whatever force is used against them
    ("Police shot dead three demonstrators who had torched the district office in Kavre.", "VIOL_DEMONSTR"),
    ("Protesters hurled stones at officers, who fired tear gas to disperse them.", "VIOL_DEMONSTR"),
    # demonstrators clashing with police are rioters, not two armed sides
    ("Hundreds of demonstrators clashed with police in Mombasa on Tuesday.", "VIOL_DEMONSTR"),
    # "riot police" are police: dispersing a peaceful crowd stays a protest with intervention
    ("Riot police fired water cannon to disperse teachers protesting outside the ministry.", "PROTEST_WITH_INTER"),
    ("Eleven people were arrested in Leeds after bottles were thrown at officers during a protest march.", "VIOL_DEMONSTR"),
    ("Police fired tear gas as the rally against fuel prices descended into violence in Harare.", "VIOL_DEMONSTR"),
    # a device destroyed before it goes off is a disrupted weapon, not an explosion
    ("Army engineers destroyed a roadside improvised explosive device near Gereshk on Monday.", "DISR_WEAP"),
])
def test_priority(clf, text, code):
    assert clf.classify(text).code == code


# Wire-headline style: no articles, present tense, passive without "were", trailing sources.
@pytest.mark.parametrize("text", [
    "Army kills 12 in raid on hideout near Korvana.",
    "Militia fighters kill seven rebel commanders in Dallen - website.",
    "Rebel commander killed near Ostmark: officials.",
    "18 killed in Velaria on violent weekend.",
    "Twelve armed men killed northwest of Ostmark.",
    "Provincial army says over 30 insurgents killed, injured in raids.",
    "Violence kills 22 as capital braces for vote.",
    "Gunmen kill 9 Velarian security forces members.",
    "Jihadists execute journalist in Dallen.",
    "Troops repel insurgent attack on Korvana airport.",
    "Insurgents launch major assault on Dallen.",
    "Wave of bombings kills 30 people in Velarian capital.",
])
def test_headline_style_events(clf, text):
    label = clf.classify(text)
    assert label.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians"), label


@pytest.mark.parametrize("text", [
    "Insurgents storm army base near Dallen.",  # "storm" the verb is not the weather
])
def test_storm_the_verb_is_not_weather(text):
    assert get_classifier("rules").classify(text).reason != "nonpolitical"


def test_poised_for_assault_is_not_yet_an_event():
    assert get_classifier("rules").classify("Troops poised for final assault on rebel-held Dallen.").code is None


@pytest.mark.parametrize("text", [
    "Unrest kills nine in Dallen: officials.",
])
def test_number_words_after_kills(text):
    assert get_classifier("rules").classify(text).event_type in ("Battles", "Violence against civilians")


@pytest.mark.parametrize("text,event_type", [
    ("Government forces oust rebels from key border town.", "Battles"),
    ("Troops free centre of Korvana.", "Battles"),
    ("Army makes fresh gains in western Dallen - website.", "Battles"),
    ("Troops face stiff resistance from rebels in eastern Dallen.", "Battles"),
    ("Army breaks rebels' siege of Korvana.", "Battles"),
    ("Government forces fire into rebel-held Dallen.", "Battles"),
    ("More than 200 soldiers wounded in Dallen offensive.", "Battles"),
    ("Air force destroys rebel depots west of Korvana.", "Explosions/Remote violence"),
    ("Rebels storm army base near Dallen.", "Battles"),
])
def test_headline_advances_and_fighting(text, event_type):
    assert get_classifier("rules").classify(text).event_type == event_type


def test_a_storm_over_towns_is_weather_not_a_battle():
    assert get_classifier("rules").classify("Storm batters coastal towns, killing four.").event_type != "Battles"


# Political violence that looks like crime or like a riot, and statements that look like events
# (cattle raids, gangs, settlers, police killing suspects, cross-border fire; conventions 1.2).
@pytest.mark.parametrize("text,codes", [
    ("Armed youths raided two cattle camps near Marol, killing six herders and driving off cattle.", {"ATTACK"}),
    ("Cattle raiders attacked the village of Kainuk, killing two people, in the latest wave of livestock theft.", {"ATTACK"}),
    ("Gang members attacked residents of Bon Repos on Tuesday, killing five people.", {"ATTACK"}),
    ("Israeli settlers attacked the village of Sinjil, beating residents and burning a car.", {"ATTACK"}),
    ("Police shot dead three suspected robbers in the Kariobangi area on Friday.", {"ATTACK"}),
    ("Police killed two alleged kidnappers in a shootout near Lokoja.", {"ARMED_CLASH"}),
    ("Troops exchanged fire across the Line of Control in the Rajouri sector overnight.", {"ARMED_CLASH"}),
    ("Police arrested 15 participants of a march against fuel prices in Abuja.", {"PROTEST_WITH_INTER"}),
    ("Supporters of the two rival parties clashed with sticks and stones in Kakamega, injuring seven.",
     {"MOB_VIOL", "VIOL_DEMONSTR"}),
])
def test_violence_that_looks_like_crime_or_riot(clf, text, codes):
    assert clf.classify(text).code in codes


def test_ongoing_fighting_since_a_day_is_still_an_event():
    assert get_classifier("rules").classify("Rebels have been fighting the army in the hills since Monday.").code == "ARMED_CLASH"


def test_retreat_ahead_of_a_counter_offensive_triggers_no_battle():
    text = 'A spokesman said four soldiers had died and that troops had "tactically repositioned" to Gubio ahead of a counter-offensive.'
    assert not get_classifier("rules").classify(text).matched
    assert get_classifier("model").classify(text).code is None


@pytest.mark.parametrize("text", [
    "Three men were picked up by police from a hideout in the old city on Sunday.",
    "The suspect was handed over to the CID for questioning after his arrest at the bus stand.",
    "Two activists were sent to jail on Monday for organising the blockade.",
])
def test_arrest_wording_of_local_news(text):
    from eventwire.extract.events import RuleClassifier

    assert RuleClassifier().classify(text).matched.get("ARREST")


# Commentary, statements and other senses of trigger words: no new event (conventions: ACLED codes
# concrete new events only). Each sentence is our own.
@pytest.mark.parametrize("text", [
    # what riots or violence in general did to business (general gate)
    "The riots have been a major setback to business in the old town, traders said.",
    "Since the violence broke out, the riots have cost the port dearly.",
    # deployments and deals proposed, promised or called for (modal gate)
    "The minister said the government would deploy more police to the region next month.",
    "Opposition leaders called for an immediate ceasefire in the eastern provinces.",
    # protest and demonstrate in another sense (PEACE_PROTEST unless)
    "The accused man protested his innocence throughout the hearing.",
    "The foreign ministry sent a letter of protest to the embassy.",
    "The study helped to demonstrate that the killings were targeted.",
    "The old Protestant chapel on the hill was restored last spring.",
    # figurative battles and fights (ARMED_CLASH unless)
    "The senator toured a crucial Senate battleground on Monday.",
    "If we lose the battle against terrorism, the minister said, we all lose.",
    "Reporters asked about infighting in the governing party.",
    # suicide that is no bombing (SUIC_BOMB unless; nonpolitical gate)
    "Police said the father had killed his family before he committed suicide.",
    "Details of a suicide prevention hotline are given at the end of the article.",
    # missile tests and missile defence (ART_MISS_ATTACK unless)
    "The country carried out another missile test on Tuesday.",
    "Missile defence systems cannot stop an intercontinental ballistic missile in flight.",
    "The new frigates are designed to shoot down cruise missiles far out at sea.",
    "The radar is designed to intercept drones flying low over the hills.",
    # mergers and recruiting of firms and councils (CHANGE_TO_GROUP_ACT unless)
    "Two regional banks agreed to merge their operations next year.",
    "The agency has been recruiting retired nurses for private clinics.",
    # a threat, a disaster, a robbery, diplomacy, a war's cumulative toll
    "Rebels vowed to march on the capital within weeks.",
    "A powerful earthquake killed 40 people in the mountain province.",
    "Armed robbers stole jewellery worth a million dollars.",
    "The foreign ministers met in Geneva for talks on the border dispute.",
    "The war has killed more than 300,000 people since 2011.",
    # crime: betting, robbery, cattle theft
    "Police arrested nine men for betting on a cricket match on Saturday.",
    "Armed robbers shot dead a shopkeeper in Eldoret and fled with cash, police said.",
    "Thieves stole 40 cows from a ranch near Nanyuki, police said.",
    # an intention and a long-running war (modal and general gates)
    "The defence minister said the armed forces would continue operations against the rebels until a formal ceasefire was agreed.",
    "The rebels have been fighting the army in the northern hills since 2017.",
])
def test_commentary_statements_and_other_senses_are_no_event(clf, text):
    assert clf.classify(text).code is None


def test_a_day_that_follows_since_the_fighting_began_is_still_an_event():
    text = "It was the bloodiest day since the fighting erupted on Tuesday, with 40 civilians killed."
    assert get_classifier("rules").classify(text).code is not None


# ---- literal hints: a cheap check before each trigger regex ----------------------------------

@pytest.mark.parametrize("pattern,expected", [
    (r"\b(?:killed|slain)\b", ("killed", "slain")),
    (r"(?:foo|)bar", ("bar",)),  # an optional branch gives nothing; the literal after it does
    (r"\bgrenades?\b", ("grenade",)),
    (r"[^.;]{0,25}", None),  # nothing is certain
    (r"a?b*", None),
    (r"\bAttack", ("Attack",)),
    (r"(?i)shot", None),  # case-insensitive: folding maps more than lower-casing ("ſhot")
])
def test_literal_hints(pattern, expected):
    assert literal_hints(pattern) == expected


def test_no_hints_for_patterns_that_ignore_case():
    assert literal_hints("Shot dead", re.I) is None


def test_every_trigger_match_contains_one_of_its_hints():
    """The hints may only skip searches that would fail: checked on the training snippets."""
    rules, _ = load_rules()
    texts = [text.lower() for text, _label in read_snippets([SNIPPETS])]
    for rule in rules:
        for pattern, hint in zip(rule.patterns, rule.hints):
            for text in texts:
                if hint and pattern.search(text):
                    assert any(h in text for h in hint), (rule.code, pattern.pattern, text)


def test_hints_change_no_label():
    rules, _ = load_rules()
    texts = ["Gunmen killed 12 villagers near Gao on Monday.", "Police fired tear gas at protesters in Nairobi.",
             "The army retook the town of Palma from insurgents.", "Talks on the border dispute resumed in Geneva."]
    hinted = [RuleClassifier().classify(t) for t in texts]
    saved = [r.hints for r in rules]
    try:
        for r in rules:
            r.hints = [None] * len(r.patterns)
        plain = [RuleClassifier().classify(t) for t in texts]
    finally:
        for r, h in zip(rules, saved):
            r.hints = h
    assert hinted == plain


@pytest.mark.parametrize("text", [
    "A furnace at a cast iron plant exploded on Thursday, injuring 12 workers.",
    "Hundreds of residents were treated after a chlorine gas leak at the water works.",
    "A gas cylinder explosion at a restaurant killed four people.",
    "One person died in a multi-vehicle crash and explosion on the highway.",
])
def test_industrial_and_traffic_accidents_are_not_events(text):
    label = get_classifier("rules").classify(text)
    assert label.code is None and label.reason == "accident"


@pytest.mark.parametrize("text,code", [
    ("A bomb planted by militants exploded at a cement factory in Quetta, killing three workers.", "REM_EXPLOS"),
    ("A fuel tanker exploded after an air strike on the convoy near Saraqib.", "AIR_STRIKE"),
    ("A roadside mine explosion killed four villagers near Dantewada.", "REM_EXPLOS"),
    ("A tanker laden with explosives exploded at an army checkpoint, killing six soldiers.", "REM_EXPLOS"),
    ("Police fired tear gas at relatives protesting after the mine explosion at the colliery.", "PROTEST_WITH_INTER"),
])
def test_an_explosion_with_an_attacker_is_no_accident(text, code):
    """Attack words, mines and protests about an accident keep the event."""
    assert get_classifier("rules").classify(text).code == code


@pytest.mark.parametrize("text,not_code", [
    # the riot rule's words in other senses: no violent demonstration
    ("Demonstrators broke into song outside parliament.", "VIOL_DEMONSTR"),
    ("Police erected barricades around the federally owned building.", "VIOL_DEMONSTR"),
    ("Soldiers set up barricades on the road after the March 3 ambush.", "VIOL_DEMONSTR"),
    ("Crowds fled as government troops clashed with rebels near Goma.", "VIOL_DEMONSTR"),
    ("Armed youths clashed with soldiers near the market.", "VIOL_DEMONSTR"),
    ("Riot-police fired tear gas to disperse teachers protesting outside the ministry.", "VIOL_DEMONSTR"),
    ("The crowd threw fireworks to celebrate the victory.", "VIOL_DEMONSTR"),
    ("The peaceful rally descended into chaos when the sound system failed.", "VIOL_DEMONSTR"),
    # a device that destroyed something went off: no disrupted weapon
    ("The vehicle was destroyed by an IED near Kandahar, killing four soldiers.", "DISR_WEAP"),
    ("Insurgents destroyed the school using improvised explosive devices.", "DISR_WEAP"),
])
def test_look_alikes_of_riots_and_disrupted_weapons(text, not_code):
    assert RuleClassifier().classify(text).code != not_code


def test_a_protest_calling_for_a_ceasefire_is_a_protest_but_a_call_for_one_is_no_agreement():
    rules = RuleClassifier()
    assert rules.classify("Hundreds of demonstrators rallied in Lyon on Sunday, calling for a ceasefire in Gaza.").code \
        == "PEACE_PROTEST"
    call = rules.classify("The UN called for a humanitarian truce to be declared before the holiday.")
    assert call.code is None and call.reason == "proposal"


@pytest.mark.parametrize("text,code", [
    ("Commandos captured three rebel camps in the forest over the weekend.", "GOV_REGAINS_TERIT"),
    ("Insurgents set upon an army outpost at dawn, killing four soldiers.", "ARMED_CLASH"),
    ("Militants charged a camp hosting government soldiers late on Friday.", "ARMED_CLASH"),
    ("Police clashed on Sunday with hundreds of protesters near the stadium.", "VIOL_DEMONSTR"),
    ("Police fired tear gas at activists who broke into the ministry compound.", "VIOL_DEMONSTR"),
    ("Raids by army helicopters hit rebel positions in the hills.", "AIR_STRIKE"),
    ("Security forces have jailed 40 suspected militants in the province.", "ARREST"),
    ("Soldiers took dozens of young men in a series of night raids.", "ARREST"),
    ("More than 300 rifles and 9,000 rounds were seized at the port.", "DISR_WEAP"),
    ("A cache of firearms was found buried behind the warehouse.", "DISR_WEAP"),
    ("Customs officers intercepted a shipment of rifles at the border.", "DISR_WEAP"),
    ("The army established two new barracks near the border.", "HQ_ESTABLISHED"),
    ("Government troops took control of several towns without any armed clashes.", "NON_VIOL_TERRIT_TRANSFER"),
    ("Rebels seized a deserted army post on the ridge.", "NON_VIOL_TERRIT_TRANSFER"),
    ("Police deployed tear gas to disperse students marching on parliament.", "PROTEST_WITH_INTER"),
    # protests are political whatever they are about, and protesters denounce
    ("Supporters of the president staged protests over alleged voter fraud.", "PEACE_PROTEST"),
    ("Demonstrators marched in three cities to denounce the killing of a journalist.", "PEACE_PROTEST"),
    ("Thousands rallied in the capital against sanctions imposed after the coup.", "PEACE_PROTEST"),
    # a diplomatic protest is no demonstration
    ("The ministry condemned the strike and said it would summon the ambassador to protest.", None),
    ("Soldiers opened fire on militants trying to cross the border near the ridge.", "ARMED_CLASH"),
    ("A resurgence of mob violence against the minority was reported in the district last week.", "MOB_VIOL"),
    ("Border units were reinforced with 300 troops and a column of tanks on Monday.", "CHANGE_TO_GROUP_ACT"),
    ("Soldiers broke into shops in the central market overnight and carted off goods, traders said.", "PROPERTY_DISTRUCT"),
    # background, a drill and a figurative fight
    ("The coalition has been bombing rebel positions across the north since the end of March.", None),
    ("Air defence units are ready to counter an air strike by a mock enemy during the drill.", None),
    ("The activist, who has been fighting deportation for a year, was detained by immigration agents.", "ARREST"),
    ("Government forces captured a rebel-held neighbourhood in the east of the city on Saturday.", "GOV_REGAINS_TERIT"),
    ("Fighters of the Oromo Liberation Army overran a federal police camp in the outskirts.", "NON_STATE_ACTOR_OVERTAKES_TER"),
    ("Police attacked a peaceful human chain outside the press club, activists said.", "PROTEST_WITH_INTER"),
    ("Warplanes destroyed an arms depot of the militants in the hills.", "AIR_STRIKE"),
    ("Troops found an arms depot hidden in a cave near the border.", "DISR_WEAP"),
    # the claim or denial comes after the event: the event stands
    ("A bomb hidden on a bus exploded at the terminal, killing eight, police said, and the group denied involvement.", "REM_EXPLOS"),
    ("Gunmen abducted a village chief after accusing him of spying for the army, residents said.", "ABDUCT_DISSAP"),
    # the statement comes first: a statement, also about a protest
    ("The bloc strongly condemned the crackdown on protesters in the capital.", None),
    ("The interior minister blamed foreign agents for the riots that hit the city last month.", None),
])
def test_codebook_lines_drawn_in_the_seventh_session(text, code):
    assert RuleClassifier().classify(text).code == code


@pytest.mark.parametrize("text,reason", [
    # claims, denials and suspicion: who did it, not what happened
    ("The Islamic State group took credit for the bombing of a bus station in Kabul.", "statement"),
    ("The defence ministry denied that its aircraft were responsible for the strike on the clinic.", "statement"),
    ("Two brothers from the border town are suspected to be behind the market blast, police said.", "statement"),
    # states reacting to an attack
    ("Ten diplomats were expelled after the poisoning of a defector with a nerve agent.", "reaction"),
    ("The bloc imposed sanctions on three generals over the chlorine attacks on the suburb.", "reaction"),
    # accidents and disasters
    ("It is believed the blast occurred in a tank containing solvents.", "accident"),
    ("A storage bunker at an industrial waste plant exploded overnight.", "accident"),
    ("The army mobilised to help clear roads blocked by heavy snow.", "nonpolitical"),
])
def test_statements_reactions_accidents_and_disasters_are_no_event(text, reason):
    label = RuleClassifier().classify(text)
    assert label.code is None and label.reason == reason


@pytest.mark.parametrize("text,not_code", [
    ("Highway patrol officers intercepted a suspected human trafficker and rescued six women.", "DISR_WEAP"),
    ("The rebel commander was jailed for 20 years by a military court.", "ARREST"),
    ("Gunmen stormed the embassy and killed two diplomats after a siege.", None),
])
def test_look_alikes_of_the_seventh_session_triggers(text, not_code):
    assert RuleClassifier().classify(text).code != not_code

@pytest.mark.parametrize("text,not_code", [
    # a review's look-alikes of the seventh session's triggers and gates
    ("Troops seized five rifles from an insurgent hideout in the district.", "GOV_REGAINS_TERIT"),
    ("Jihadists killed 10 soldiers and overran government-held positions near the lake.", "GOV_REGAINS_TERIT"),
    ("Three soldiers were captured at their camp near the border by the rebels.", "GOV_REGAINS_TERIT"),
    ("A rally was held in Lahore to denounce the arrest of the opposition leader.", None),
    ("In an attack blamed on the insurgents, gunmen killed 12 farmers near Gwoza.", None),
    ("Israel has been bombing Gaza since October; on Sunday an air strike killed 20 in Rafah.", None),
    ("Despite heavy snowfall, troops clashed with militants near the Line of Control.", None),
    ("Opposition supporters protesting alleged election fraud clashed with police in the capital.", None),
    ("A drone strike on an ammunition depot in Crimea set off explosions for hours.", "DISR_WEAP"),
    ("Police expelled protesters from the square after they refused to leave.", None),
    ("Activists said gunmen broke into the house and shot dead a journalist.", "VIOL_DEMONSTR"),
    ("The bodies of three men, their arms tied behind their backs, were found near the river.", "DISR_WEAP"),
    ("Soldiers opened fire on villagers they mistook for militants, killing six.", "ARMED_CLASH"),
    ("Prosecutors charged the base commander with murder on Friday.", "ARMED_CLASH"),
    ("A mob set upon a police officer who tried to arrest a trader.", "ARMED_CLASH"),
    ("Gunmen attacked the convoy with machine guns and anti-aircraft fire.", "AIR_STRIKE"),
    ("Government forces took two villages in dawn raids near the river.", "ARREST"),
    ("Insurgents opened fire at the police barracks in Maiduguri, killing two.", "HQ_ESTABLISHED"),
    ("Officers deployed teargas and rubber bullets against the crowd in Kampala.", "CHANGE_TO_GROUP_ACT"),
    ("Police officers were assaulted by demonstrators outside the court.", "PROTEST_WITH_INTER"),
    ("The general strike passed off without any clashes in the capital.", "NON_VIOL_TERRIT_TRANSFER"),
    ("Suspected saboteurs blew up an oil pipeline in the delta, causing a huge explosion.", None),
    ("Cow vigilantes beat a Muslim trader to death on the highway.", "PEACE_PROTEST"),
    ("Unions called in members from all regions to protest outside parliament.", None),
])
def test_look_alikes_found_in_review(text, not_code):
    assert RuleClassifier().classify(text).code != not_code
