"""Fatalities: deaths (never "wounded" or "injured") attached to killing and dying, by ACLED's rules.

For each death word in a sentence (killed, died, dead, death toll...), the noun phrases it governs
are read through spaCy's dependency parse; their numbers (digits, number words, "dozens",
"several") are summed over conjunctions ("three soldiers and a civilian" = 4). Figures of the same
kind from different sources in one sentence conflict: the lowest is kept. "At least N" gives
low = best = N; "up to N" gives high = N; "between N and M" gives low N, high M, best N.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..models import Fatalities
from ..resources import load_yaml

CIVILIAN = {"civilian", "villager", "resident", "worshipper", "passenger", "student",
            "child", "woman", "man", "farmer", "pilgrim", "shopper", "teacher", "family", "inhabitant",
            "bystander", "protester", "demonstrator", "journalist", "worker", "miner", "herder",
            "member", "boy", "girl", "men", "women", "children", "patient", "trader", "wedding", "guest"}
STATE = {"soldier", "troop", "policeman", "police", "officer", "trooper", "personnel", "serviceman",
         "servicemen", "guard", "gendarme", "commando", "paramilitary", "policemen", "army", "marine",
         "security", "cop", "militiaman", "sailor", "airman", "pilot", "constable", "jawan", "ranger"}
MILITANT = {"militant", "insurgent", "rebel", "fighter", "jihadist", "terrorist", "gunman", "attacker",
            "assailant", "bomber", "extremist", "separatist", "bandit", "combatant", "guerrilla",
            "guerilla", "kidnapper", "raider", "suspect", "jihadi"}
# singular nouns that name groups, not one person: "police killed" is not one death
COLLECTIVE = {"police", "army", "security", "military", "personnel", "staff", "force", "group", "family",
              "militia", "government", "coalition", "regime", "crowd", "convoy", "patrol", "unit",
              "battalion", "brigade", "team", "crew", "one", "none", "everyone", "anyone", "nobody"}
# an ACLED note's own statement of the coded toll: "Fatalities coded as 24."
CODED_TOLL = re.compile(r"\bfatalit(?:y|ies)\s+(?:(?:was|were|is|are)\s+)?coded\s+as\s+(?P<n>\d+)\b", re.I)
# an ACLED note that shares a toll among several events: "the fatalities were split between the two days"
SPLIT_TOLL = re.compile(r"\b(?:fatalities|deaths|toll)\b[^.]{0,40}?\bsplit\b[^.]{0,20}?\b(?:between|across|over|among)\s+"
                        r"(?:the\s+)?(?P<n>two|three|four|five|\d)\s+(?:days|events|locations|villages|attacks)\b", re.I)
HISTORY = re.compile(r"(?:ha(?:s|ve) been killed|ha(?:s|ve) died|ha(?:s|ve) (?:killed|claimed))[^.]{0,80}\b(?:in|during|since) the (?:conflict|war|insurgency|fighting|violence|crisis|uprising)|\b(?:conflict|war|insurgency|violence|uprising|crisis)\b[^.]{0,80}\bha(?:s|ve) (?:killed|claimed|left)|\b(?:since (?:the )?(?:war|conflict|insurgency|fighting|violence)|(?:has|have) (?:killed|claimed)[^.]{0,60}\bsince\b|so far this year|this year alone|since 19\d\d|since 20\d\d|in total|(?:war|conflict|insurgency) (?:that )?has (?:killed|left|claimed))", re.I)


@lru_cache(maxsize=None)
def numbers() -> dict:
    return load_yaml("numbers.yaml")


NON_COUNT_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"}
MONTHS = re.compile(r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
                    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?$")


def not_a_count(tok) -> bool:
    """A number that counts no people: a year, a day of a month, a time, a percentage or a
    distance ("27 September 2020", "at 3 pm", "10 km"). A number that modifies a noun for
    people counts them, whatever the entity recogniser says ("between 10 and 15 people")."""
    if _counts_a_noun(tok):
        return False
    doc = tok.doc
    next_to_month = any(MONTHS.match(doc[i].text) for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc))
    year = re.fullmatch(r"(?:1[89]|20)\d\d", tok.text)
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in KILLING_VERBS and not (year or next_to_month):
        return False  # "blasts kill 14", whatever the entity recogniser says
    if tok.ent_type_ in NON_COUNT_ENTS or year:
        return True  # "in 2020", "three days", "10 percent"
    return next_to_month


def _counts_a_noun(tok) -> bool:
    while tok.dep_ in ("conj", "cc", "quantmod") and tok.head is not tok and tok.head.like_num:
        tok = tok.head
    head = tok.head
    return (tok.dep_ == "nummod" and head.pos_ in ("NOUN", "PROPN") and not MONTHS.match(head.text)
            and head.lemma_.lower() not in numbers()["units"])


def word_value(word: str) -> int | None:
    """The value of one figure or number word: "40", "1,200", "twenty-five", "dozens" (a vague
    word's conventional value, numbers.yaml); None for anything else."""
    table = numbers()
    word = word.lower().strip().rstrip(",")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", word):
        return int(word.replace(",", ""))
    if "-" in word and all(p in table["words"] for p in word.split("-")):
        return sum(table["words"][p] for p in word.split("-"))
    return table["words"].get(word, table["vague"].get(word))


def parse_number(tokens: list) -> int | None:
    """The value of a number phrase ("40", "1,200", "twenty-five", "two hundred", "dozens")."""
    multipliers = numbers()["multipliers"]
    total, current, found = 0, 0, False
    for tok in tokens:
        if tok.like_num and not_a_count(tok):
            continue
        word = tok.lower_.strip()
        if word in multipliers:
            current = max(current, 1) * multipliers[word]
            if multipliers[word] >= 1000:
                total, current = total + current, 0
            found = True
        elif (value := word_value(word)) is not None:
            current += value
            found = True
    return total + current if found else None


def _range(tokens: list) -> tuple[int, int] | None:
    """Two figures joined by "and", "to", "or" or a dash: (low, high)."""
    doc = tokens[0].doc
    start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    words = [t for t in doc[start:end]]
    for k, t in enumerate(words):
        if t.lower_ in ("and", "to", "or", "-", "\u2013") and 0 < k < len(words) - 1:
            low, high = parse_number(words[:k]), parse_number(words[k + 1:])
            if low is not None and high is not None and low < high:
                return low, high
    return None


def noun_category(token) -> str:
    if token.like_num:  # "5 of the attackers": the people the number counts
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                return next((noun_category(c) for c in prep.children if c.dep_ == "pobj"), "unknown")
    lemma = token.lemma_.lower()
    text = token.lower_
    if lemma in ("member", "men", "man") and token.pos_ == "NOUN":
        # "security forces members", "armed men": the modifier says who they are
        for left in token.subtree:
            if left.i >= token.i:
                break
            if left.lower_ == "armed":
                return "militant"
            category = noun_category(left) if left.dep_ in ("compound", "nmod") else None
            if category in ("state", "militant"):
                return category
    if lemma in STATE or text in STATE:
        return "state"
    if lemma in MILITANT or text in MILITANT or text in ("himself", "herself"):
        return "militant"
    if lemma in CIVILIAN or text in CIVILIAN:
        return "civilian"
    return "unknown"


class Vague(tuple):
    """A (best, low, high) figure that is ACLED's default for an unspecified plural."""


def _unspecified(word: str, significant: bool) -> tuple[int, int, int]:
    """ACLED's 3 (limited event) or 10 (significant event) for "several", "many"..."""
    small, big = numbers()["unspecified"][word]
    value = big if significant else small
    return Vague((value, value, value))


def count_noun(noun, significant: bool, bare: bool = False) -> tuple[int, int, int] | None:
    """(best, low, high) for one noun: its numeric modifiers, determiner, or vague quantity.
    ``bare``: the noun is the victim of a killing verb, and counts even without a number."""
    table = numbers()
    num_tokens, qualifier = [], ""
    for child in _modifiers(noun):
        if child.dep_ in ("nummod", "quantmod") or child.like_num:
            num_tokens.extend(t for t in child.subtree if t.like_num or t.lower_ in table["words"]
                              or t.lower_ in table["multipliers"] or t.lower_ in table["vague"])
            qualifier += " ".join(t.lower_ for t in child.subtree if not t.like_num) + " "
        elif child.dep_ in ("det", "amod", "advmod") and child.lower_ in table["unspecified"]:
            return _unspecified(child.lower_, significant)
        elif child.dep_ == "det" and child.lower_ in ("a", "an", "one"):
            num_tokens.append(child)
    if noun.lower_ in table["vague"] or noun.lower_ in table["words"] or noun.like_num:
        num_tokens.append(noun)
    if not num_tokens:
        num_tokens = _leading_number(noun)
    if noun.lower_ in ("himself", "herself"):
        return 1, 1, 1  # "killing seven people and himself": the attacker counts
    if not num_tokens:
        for left in noun.lefts:
            if left.lower_ in table["unspecified"]:
                return _unspecified(left.lower_, significant)
        return _quantity_of(noun, significant) or (_bare_noun(noun, significant) if bare else None)
    ranged = _range(num_tokens)
    if ranged:
        low, high = ranged
        return low, low, high  # "between 10 and 15", "10 to 12": the lowest figure is coded
    value = parse_number(num_tokens)
    if value is None:
        return None
    low = high = value
    if re.search(r"\b(?:up to|nearly|almost|as many as|close to)\b", qualifier):
        low = 0
    if re.search(r"\b(?:more than|over|at least|upwards of)\b", qualifier):
        high = value * 2
    return value, low, high


def _modifiers(noun):
    """A noun's children, and the numbers put on its compound ("11 ISWAP fighters": 11 hangs on ISWAP)."""
    for child in noun.children:
        yield child
        if child.dep_ == "compound" and child.i < noun.i:
            yield from (c for c in child.children if c.dep_ == "nummod")


def _leading_number(noun) -> list:
    """The number that opens a noun phrase whose name the parser reads as compounds, the number
    among them: "Twenty Boko Haram fighters", "Twenty Islamic State's militants"."""
    table = numbers()
    out = []
    for tok in noun.doc[noun.left_edge.i: noun.i]:
        if tok.like_num and not not_a_count(tok) or tok.lower_ in table["words"] or tok.text in ("-", "\u2013"):
            out.append(tok)
        elif out or tok.dep_ != "compound":
            break
    return [t for t in out if t.text not in ("-", "\u2013")]


def _quantity_of(noun, significant: bool) -> tuple[int, int, int] | None:
    """"dozens of militants": the quantity the noun is counted by."""
    for prep in noun.children:  # "a family of five"
        if prep.dep_ == "prep" and prep.lower_ == "of" and noun.lemma_.lower() in ("family", "group"):
            number = [c for c in prep.children if c.dep_ == "pobj" and c.like_num]
            if number:
                return count_noun(number[0], significant)
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head is not noun:
        quantity = prep.head
        if quantity.lower_ in numbers()["vague"] or quantity.lower_ in numbers()["unspecified"] or quantity.like_num:
            return count_noun(quantity, significant)
    return None


def _bare_noun(noun, significant: bool) -> tuple[int, int, int] | None:
    """A victim named without any number, as headlines do: a singular noun is one death ("Rebel
    commander killed"); a plural word for people is an unspecified plural, ACLED's 3 or 10
    ("Civilians killed in air strikes")."""
    lemma = noun.lemma_.lower()
    if lemma in DEATH_LEMMAS or lemma in COLLECTIVE or noun.lower_ in COLLECTIVE:
        return None
    if noun.tag_ == "NN":
        return 1, 1, 1
    if noun.tag_ == "NNS" and (noun_category(noun) != "unknown" or lemma in ("people", "person")):
        return _unspecified("several", significant)
    return None


def phrase_nouns(head) -> list:
    """A noun and the nouns conjoined with it ("three soldiers and a civilian")."""
    nouns = [head]
    for tok in head.conjuncts:
        if tok.pos_ in ("NOUN", "PROPN", "NUM", "PRON") and not _injured(tok):
            nouns.append(tok)
    return nouns


def _injured(tok) -> bool:
    """"1 person dead and 10 injured": a figure followed by an injury word counts the hurt."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.lemma_.lower() in INJURY_LEMMAS


# verbs whose object or passive subject is the dead
KILLING_VERBS = frozenset({"kill", "slay", "behead", "execute", "massacre", "murder", "assassinate", "lynch",
                           "slaughter", "decapitate"})


def victims_of(trigger) -> list:
    """The noun phrases a death word governs."""
    lemma = trigger.lemma_.lower()
    heads = []
    if lemma in KILLING_VERBS:
        if trigger.tag_ == "VBN" and trigger.dep_ in ("acl", "amod", "relcl") and trigger.head.pos_ in ("NOUN", "PROPN", "NUM"):
            heads.append(trigger.head)  # "40 people killed in ..."
        heads.extend(_objects(trigger))
        if trigger.dep_ == "xcomp" and not heads:
            # "2 soldiers were reported killed": the dead are the subject of "reported"
            heads.extend(c for c in trigger.head.children if c.dep_ == "nsubjpass")
        if headline_passive(trigger):
            heads.extend(c for c in trigger.children if c.dep_ == "nsubj")  # "Twenty men killed near ..."
    elif lemma in ("die", "perish"):
        for child in trigger.children:
            if child.dep_ == "nsubj":
                heads.append(child)
        if trigger.dep_ in ("relcl", "acl") and trigger.head.pos_ in ("NOUN", "PROPN", "NUM"):
            heads.append(trigger.head)
    elif lemma == "dead" or trigger.lower_ == "dead":
        if trigger.head.pos_ in ("NOUN", "PROPN", "NUM") and trigger.dep_ in ("amod", "acomp", "oprd", "npadvmod"):
            heads.append(trigger.head)
        for child in trigger.children:
            if child.dep_ in ("npadvmod", "nummod", "nsubj") or child.like_num:
                heads.append(child)
        head = trigger.head
        if trigger.dep_ in ("acomp", "oprd", "ccomp", "xcomp", "advmod") and head.pos_ in ("VERB", "AUX"):
            for child in head.children:
                if child.dep_ in ("nsubj", "dobj", "nsubjpass") and child is not trigger:
                    heads.append(child)
        if trigger.pos_ in ("NOUN", "ADJ") and trigger.dep_ in ("dobj", "nsubj", "pobj", "conj"):
            # "leaving 6 dead": the figure is counted once, on "dead"
            heads = [h for h in heads if not (h.head.i == trigger.i and h.dep_ == "nummod")]
            heads.append(trigger)
    elif lemma in ("death", "fatality"):
        heads.extend(_put_to_death(trigger) or [trigger])
    elif lemma in ("toll",):
        for tok in trigger.head.subtree if trigger.dep_ == "nsubj" else trigger.subtree:
            if tok.like_num and tok.dep_ in ("pobj", "attr", "dobj", "nummod", "npadvmod", "appos"):
                heads.append(tok)
                break
    elif lemma == "life" and trigger.head.lemma_ in ("claim", "lose", "take"):
        for child in trigger.children:
            if child.dep_ == "prep":
                heads.extend(c for c in child.children if c.dep_ == "pobj")
        if trigger.head.lemma_ == "lose":
            heads.extend(c for c in trigger.head.children if c.dep_ == "nsubj")
    return heads


def _objects(verb) -> list:
    """Who a verb acts on; verbs conjoined without their own object share the next one's
    ("lynched and burned four suspects")."""
    found = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    if not found:
        for conj in verb.conjuncts:
            found = [c for c in conj.children if c.dep_ in ("nsubjpass", "dobj")]
            if found:
                break
    return [_antecedent(tok, verb) for tok in found]


def _antecedent(tok, verb):
    """"caught 3 suspects and burned them to death": "them" is the object of the first verb."""
    if tok.lower_ not in ("them", "him", "her") or verb.dep_ != "conj":
        return tok
    first = [c for c in verb.head.children if c.dep_ == "dobj"]
    return first[0] if first else tok


def _put_to_death(death) -> list:
    """"beat two thieves to death", "was stoned to death": the victims of the verb."""
    prep = death.head
    verb = prep.head
    if verb.lemma_.lower() in ("sentence", "condemn"):
        return []  # a death sentence is not a death
    if death.dep_ == "pobj" and prep.lower_ == "to" and verb.pos_ in ("VERB", "AUX"):
        return _objects(verb)
    return []


def headline_passive(verb) -> bool:
    """A headline's passive without its auxiliary ("Twenty armed men killed near X": spaCy reads
    "men" as the subject of "killed"): a past participle with no auxiliary and no object."""
    if any(c.dep_ in ("aux", "auxpass") or c.dep_ == "dobj" and not _after_source_mark(verb, c)
           for c in verb.children):
        return False
    if verb.tag_ == "VBD":  # "Seven militants reportedly killed in ...", tagged as an active past
        return (verb.lemma_.lower() in KILLING_VERBS and not any(c.dep_ == "ccomp" for c in verb.children)
                and not any(c.dep_ == "dobj" for conj in verb.conjuncts for c in conj.children))
    return verb.tag_ == "VBN"


def _after_source_mark(verb, obj) -> bool:
    """The object lies after a colon or a spaced dash: a headline's source tag ("... killed:
    police", "... killed - army spokesman") that the parser took for an object."""
    doc = verb.doc
    between = doc[verb.i + 1: obj.i] if obj.i > verb.i else []
    return any(t.text == ":" or t.text in ("-", "\u2013", "\u2014") and doc[t.i - 1].whitespace_ for t in between)


INJURY_LEMMAS = {"injure", "wound", "hurt", "injured", "wounded"}


def _casualty_figure(trigger) -> bool:
    """"40 killed, injured", "killed or wounded": one figure for the dead and the hurt together."""
    nxt = trigger.doc[trigger.i + 1: trigger.i + 3]
    if len(nxt) == 2 and nxt[0].lower_ in (",", "and", "or", "/") and nxt[1].lemma_.lower() in INJURY_LEMMAS:
        return True
    return _injured(trigger)


KILLING = KILLING_VERBS | {"die", "perish"}
DEATH_LEMMAS = KILLING | {"dead", "death", "fatality", "toll", "life"}


def sentence_fatalities(sent, significant: bool = False) -> Fatalities | None:
    """Deaths reported in one spaCy sentence span, or None when it reports none."""
    if HISTORY.search(sent.text):
        return None
    coded = CODED_TOLL.search(sent.text)
    if coded:
        n = int(coded["n"])
        return Fatalities(best=n, low=n, high=n, deaths_unknown=n, evidence=sent.text, coded=True)
    groups: dict[str, list[tuple[int, int, int]]] = {}
    seen = set()
    vague = True
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma not in DEATH_LEMMAS and tok.lower_ not in DEATH_LEMMAS:
            continue
        if _negated(tok):
            continue
        # nouns of one phrase ("five women and two children") add up; the same kind of victim
        # counted again under another death word is another report of the same deaths
        per_trigger: dict[str, tuple[int, int, int]] = {}
        casualties = _casualty_figure(tok)
        heads = victims_of(tok)
        # a bare noun ("commander killed") counts one, unless a victim of the same word is counted
        # ("kills five in Baghdad shrine neighbourhood": the parser's second object is no victim)
        counts = [(noun, count_noun(noun, significant)) for head in heads for noun in phrase_nouns(head)]
        bare = lemma in KILLING and not any(counted for _, counted in counts)
        for noun, counted in counts:
            if noun.i in seen:
                continue
            seen.add(noun.i)
            if counted is None and bare:
                counted = count_noun(noun, significant, bare=True)
            if counted is None:
                continue
            if casualties:  # ACLED records deaths, not casualties: the dead are an unspecified plural
                counted = _unspecified("several", significant)
            vague = vague and isinstance(counted, Vague)
            cat = noun_category(noun)
            prev = per_trigger.get(cat, (0, 0, 0))
            per_trigger[cat] = tuple(a + b for a, b in zip(prev, counted))
        for cat, counted in per_trigger.items():
            groups.setdefault(cat, []).append(counted)
    if not groups:
        return _regex_fatalities(sent)
    fat = _combine(groups, sent.text)
    fat.vague = vague
    split = SPLIT_TOLL.search(sent.text)
    return _shared(fat, split["n"]) if split else fat


def _shared(fat: Fatalities, parts: str) -> Fatalities:
    """One event's share of a toll split evenly (the first share takes what does not divide)."""
    n = word_value(parts)
    for name in ("best", "low", "high", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown"):
        setattr(fat, name, -(-getattr(fat, name) // n))
    return fat


def _negated(tok) -> bool:
    return any(c.dep_ == "neg" for c in tok.children) or any(c.dep_ == "neg" for c in tok.head.children if tok.dep_ in ("acomp", "xcomp"))


def _combine(groups: dict[str, list[tuple[int, int, int]]], text: str) -> Fatalities:
    fat = Fatalities(evidence=text)
    for category, figures in groups.items():
        # several figures for the same kind of victim in one sentence: conflicting reports -> lowest
        best = min(f[0] for f in figures)
        low = min(f[1] for f in figures)
        high = max(f[2] for f in figures)
        fat.best += best
        fat.low += low
        fat.high += high
        if category == "state":
            fat.deaths_a += best
        elif category == "militant":
            fat.deaths_b += best
        elif category == "civilian":
            fat.deaths_civilians += best
        else:
            fat.deaths_unknown += best
    return fat


_REGEX = re.compile(
    r"\b(?P<n>\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|hundreds)"
    r"\s+(?:\w+\s+){0,3}?(?:were\s+|have\s+been\s+|had\s+been\s+|was\s+)?(?:killed|dead|died|slain)\b", re.I)


_REGEX_OBJECT = re.compile(
    r"\b(?:kills|killed|killing|executes|executed)\s+(?:at least\s+|some\s+|about\s+|nearly\s+|more than\s+)?"
    r"(?P<n>\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|hundreds)\b", re.I)


def _regex_fatalities(sent) -> Fatalities | None:
    """Fallback for sentences the parser misreads: "<number> ... killed", "kills <number> ..."
    (never a year or a date)."""
    text = sent.text
    found = [*_REGEX.finditer(text), *_REGEX_OBJECT.finditer(text)]
    m = next((m for m in found if not _date_at(sent, m.start("n"))), None)
    if not m:
        return None
    value = word_value(m.group("n"))
    if value is None:
        return None
    return Fatalities(best=value, low=value, high=value, deaths_unknown=value, evidence=text)



def _date_at(sent, offset: int) -> bool:
    """The number at this character offset of the sentence is a date, a year or a time."""
    tok = sent.char_span(offset, offset + 1, alignment_mode="expand")
    return tok is not None and len(tok) > 0 and not_a_count(tok[0])
