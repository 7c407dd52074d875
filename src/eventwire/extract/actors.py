"""Actors: named armed groups and generic actors, normalised through ``data/actors.yaml``.

Named groups are found by their aliases (case-insensitive, on token boundaries; the aliases a
group lists under ``case_sensitive`` must match exactly, so that "IS" is not the verb "is").
An alias shared by several groups ("al-Shabaab" in Somalia and in Mozambique) keeps all of them
as options; the event's country picks one. Generic actors ("gunmen", "troops", "protesters")
become ACLED-style names with a country: from a nationality word in the phrase ("Iraqi troops",
"a Turkish drone strike"), else from the event's location. Each mention gets a role from the
parse: agent (subject of an active verb, "by ...") or patient. ``data/actor_roles.yaml`` then
says which actor is actor1 and which actor2 for each sub-event type.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..models import ActorMention
from ..resources import countries, load_yaml
from ..textnorm import fold
from .fatalities import headline_passive

INTER_ORDER = ["State forces", "Rebel group", "Political militia", "Identity militia", "Rioters",
               "Protesters", "Civilians", "External/Other forces"]
NONSTATE = {"Rebel group", "Political militia", "Identity militia"}


@dataclass
class ActorEntry:
    name: str
    inter: str
    generic: bool
    countries: tuple[str, ...] = ()
    fallback: bool = False
    patient_only: bool = False


@lru_cache(maxsize=None)
def actors_data() -> dict:
    """actors.yaml (with the user's additions), read once: groups, generic words and the lists
    beside them."""
    return load_yaml("actors.yaml")


@lru_cache(maxsize=None)
def home_countries() -> dict[str, str]:
    """Named group -> the name of the first country actors.yaml lists for it."""
    names = {c["iso2"]: c["name"] for c in countries()}
    return {g["name"]: names[g["countries"][0]] for g in actors_data().get("groups", [])
            if g.get("countries") and g["countries"][0] in names}


def home_country(mentions: list[ActorMention]) -> str:
    """For an event placed nowhere, the home country of the first named group in it ("" when
    none): "Al-Shabaab fighters overran a town" puts the other side in Somalia's forces."""
    return next((home_countries()[m.name] for m in mentions if m.name in home_countries()), "")


class ActorDictionary:
    """Aliases -> canonical actors, matched with spaCy PhraseMatchers."""

    def __init__(self, nlp):
        from spacy.matcher import PhraseMatcher

        data = actors_data()
        self.entries: list[ActorEntry] = []
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        for group in data.get("groups", []):
            entry = self._add(ActorEntry(group["name"], group["inter"], False,
                                         tuple(group.get("countries") or ())))
            sensitive = set(group.get("case_sensitive") or [])
            aliases = {group["name"], *(group.get("aliases") or [])} - sensitive
            self._patterns(nlp, self.lower, entry, aliases)
            self._patterns(nlp, self.exact, entry, sensitive)
        self.identity = PhraseMatcher(nlp.vocab, attr="LOWER")  # "women", "students": associated actors
        self.identity_names: list[str] = []
        for item in data.get("associated", []):
            self.identity_names.append(item["name"])
            self._patterns(nlp, self.identity, len(self.identity_names) - 1, item.get("words") or [])
        for generic in data.get("generic", []):
            entry = self._add(ActorEntry(generic["name"], generic["inter"], True,
                                         fallback=bool(generic.get("fallback")),
                                         patient_only=bool(generic.get("patient_only"))))
            words = set(generic.get("words") or [])
            words |= {w + "s" for w in words if not w.endswith("s") and " " not in w}
            self._patterns(nlp, self.lower, entry, words)
        self.demonyms = demonym_table()

    def _add(self, entry: ActorEntry) -> int:
        self.entries.append(entry)
        return len(self.entries) - 1

    @staticmethod
    def _patterns(nlp, matcher, entry: int, phrases) -> None:
        docs = [nlp.make_doc(p) for p in phrases if p]
        if docs:
            matcher.add(str(entry), docs)

    def find(self, sent, sentence_index: int = 0) -> list[ActorMention]:
        """Actor mentions in one spaCy sentence span (longest match wins on overlaps)."""
        doc = sent.doc
        spans: dict[tuple[int, int], list[int]] = {}
        for matcher in (self.lower, self.exact):
            for m, s, e in matcher(sent):
                spans.setdefault((s, e), []).append(int(doc.vocab.strings[m]))
        out, kept, last_end = [], [], -1
        for (start, end) in sorted(spans, key=lambda se: (se[0], -(se[1] - se[0]))):
            if start < last_end:
                continue
            last_end = end
            mention = self._mention(doc[start:end], spans[(start, end)], sentence_index)
            if mention.role == "patient" or not self.entries[spans[(start, end)][0]].patient_only:
                out.append(mention)
                kept.append(doc[start:end])
        mark_allies(out, kept)
        out.extend(self._nationality_actors(sent, sentence_index, out))
        quoted = source_tags(sent.text, sent.start_char)
        out = [replace(a, role="source") if any(s <= a.start < e for s, e in quoted) else a for a in out]
        return sorted(out, key=lambda a: a.start)

    def identities(self, sent) -> list[str]:
        """Identity labels of victims or crowds in a sentence ("Women ({country})"), in text order."""
        found = sorted((s, int(sent.doc.vocab.strings[m])) for m, s, e in self.identity(sent))
        return list(dict.fromkeys(self.identity_names[i] for _, i in found))

    def _mention(self, span, indexes: list[int], sentence_index: int) -> ActorMention:
        entries = [self.entries[i] for i in dict.fromkeys(indexes)]
        entry = entries[0]
        name = entry.name
        if "{country}" in name:
            country = self.nationality(span)
            if country:
                name = fill_country(name, country)
        options = [(e.name, e.inter, e.countries) for e in entries] if len(entries) > 1 else []
        return ActorMention(text=span.text, start=span.start_char, end=span.end_char,
                            sentence=sentence_index, name=name, inter=entry.inter,
                            role=role_of(span), generic=entry.generic, fallback=entry.fallback,
                            options=options)

    def _nationality_actors(self, sent, sentence_index: int, found: list[ActorMention]) -> list[ActorMention]:
        """'a Turkish drone strike', 'Russian rockets' -> Military Forces of Turkey / Russia."""
        taken = {(a.start, a.end) for a in found}
        names = {a.name for a in found}
        out = []
        for tok in sent:
            country = country_word(tok)
            head = _modified_noun(tok)
            if country and head is None and _country_strikes(tok, country):
                head = tok  # "Turkey kills four militants": the country's military
            if not country or head is None or any(s <= tok.idx < e for s, e in taken) or cause_word(tok):
                continue
            name = fill_country("Military Forces of {country}", country)
            if head is not tok and head.lemma_.lower() not in military_nouns() and (tok.dep_ != "conj" or name in names):
                continue  # 'Ukrainian and Russian forces': the second nationality is a second actor
            start = min(tok.idx, head.idx)
            out.append(ActorMention(text=sent.doc[min(tok.i, head.i): max(tok.i, head.i) + 1].text, start=start,
                                    end=max(tok.idx + len(tok), head.idx + len(head)), sentence=sentence_index,
                                    name=name, inter="State forces", role=role_of(sent.doc[head.i: head.i + 1]),
                                    generic=True))
            names.add(name)
        return out

    def nationality(self, span) -> str:
        """'Iraqi troops' -> 'Iraq'; 'the army of Mali' -> 'Mali'."""
        root = span.root
        nearby = list(root.lefts) + list(span) + [t for t in root.children if t.dep_ == "prep"]
        for tok in nearby:
            name = country_word(tok)
            if name and tok.ent_type_ != "PERSON" and not cause_word(tok):
                return name
            if tok.dep_ == "prep" and tok.lower_ == "of":
                for obj in tok.children:
                    name = country_word(obj)
                    if name:
                        return name
        return ""


@lru_cache(maxsize=None)
def demonym_table() -> dict[str, str]:
    """Folded demonym or country name -> ACLED country name ("iraqi" -> "Iraq")."""
    table = {}
    for row in countries():
        for word in [row["name"], *(row.get("demonyms") or "").split(";")]:
            if word:
                table.setdefault(fold(word), row["name"])
    return table


@lru_cache(maxsize=None)
def alias_table() -> dict[str, str]:
    """A country's one-word aliases, exactly as written ("US", "U.S.", "UAE"; not "us" or "car")."""
    return {a: row["name"] for row in countries() for a in (row.get("aliases") or "").split(";")
            if a and " " not in a}


def country_word(tok) -> str:
    """The country a word names by its demonym, name or alias, or ""."""
    return demonym_table().get(fold(tok.text)) or alias_table().get(tok.text, "")


@lru_cache(maxsize=None)
def military_nouns() -> frozenset[str]:
    """Nouns a nationality turns into that state's military ("a Turkish drone strike"): actors.yaml."""
    return frozenset(actors_data().get("military_nouns", []))


def _country_strikes(tok, country: str) -> bool:
    """A country's name (not its demonym) as the subject of a violent verb: "Turkey kills four
    militants", "Kenya bombs rebel camps"."""
    return (tok.dep_ == "nsubj" and fold(tok.text) == fold(country) and tok.head.lower_ in VIOLENCE_VERBS)


def _modified_noun(tok):
    """The noun a nationality word modifies: 'Russian column', 'Ukrainian and Russian forces'."""
    if tok.dep_ == "conj" and tok.head.dep_ in ("amod", "compound", "nmod"):
        return tok.head.head
    return tok.head if tok.dep_ in ("amod", "compound", "nmod") else None


def cause_word(tok) -> bool:
    """'pro-Palestine', 'anti-Israel': the country is a cause, not who the actor is."""
    doc = tok.doc
    if re.match(r"(?:pro|anti)-", tok.lower_):
        return True
    return tok.i >= 2 and doc[tok.i - 1].text in ("-", "\u2013") and doc[tok.i - 2].lower_ in ("pro", "anti")


SAY_LEMMAS = {"say", "report", "announce", "claim", "confirm", "tell", "state", "add"}
# a headline's source: "... - police, medics." / "...: officials." / "Police: 36 killed ..."
TRAILING_SOURCE = re.compile(r"(?:\s[-\u2013]+\s*|:\s+)((?:[\w.'\u2019]+[ ,]*){1,4})[.!?]?\s*$")
LEADING_SOURCE = re.compile(r"^\s*((?:[\w.'\u2019]+ ?){1,3}):\s")


NOT_A_SOURCE = re.compile(r"\b(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b", re.I)


def source_tags(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Character spans (document offsets) of a headline's source attribution. A tail with an
    article or a number lists people ("... were killed: two soldiers"), not a source."""
    spans = []
    for pattern in (TRAILING_SOURCE, LEADING_SOURCE):
        m = pattern.search(text)
        if m and not NOT_A_SOURCE.search(m.group(1)):
            spans.append((offset + m.start(1), offset + m.end(1)))
    return spans


# "troops backed by militiamen": whoever backs a side is its ally
BACKING_VERBS = {"back", "support", "assist", "aid", "help", "accompany", "join", "reinforce"}
# verbs whose conjoined subjects are the two sides ("Meitei and Kuki groups clashed", "the
# government and the X group signed an agreement")
RECIPROCAL_VERBS = {"clash", "fight", "exchange", "battle", "engage", "skirmish", "sign", "agree",
                    "negotiate", "swap", "reach", "conclude"}


def _climb(span) -> list:
    """The tokens from a mention's root up to the head of its noun phrase."""
    path = [span.root]
    while path[-1].dep_ in ("compound", "amod", "poss", "nmod", "appos") and path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def _phrase_head(span):
    return _climb(span)[-1]


def mark_allies(mentions: list[ActorMention], spans: list) -> None:
    """Mark the mentions that fight beside another mention of the sentence: "troops backed by
    X", "X fighters with Y units", "soldiers and X mercenaries attacked"."""
    paths = [{t.i for t in _climb(span)} for span in spans]
    for k, (mention, span) in enumerate(zip(mentions, spans)):
        partner = _ally(_phrase_head(span))
        mention.ally = partner is not None and any(partner in p for j, p in enumerate(paths) if j != k)


def role_of(span) -> str:
    """agent, patient, source (who says it: "the army said ...") or "" (unknown)."""
    tok = _phrase_head(span)
    if _reduced_passive(span, tok):
        return "patient"  # "Dozens of IS militants killed in air strikes"
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in SAY_LEMMAS:
        return "agent" if claims_attack(tok.head) or says_it_did(tok.head) else "source"
    if tok.dep_ == "nsubj" and (headline_passive(tok.head) or _objectless_violence(tok.head)):
        return "patient"  # "Twenty armed men killed near X"
    if tok.dep_ == "nsubj":
        return "agent"
    if tok.dep_ in ("nsubjpass", "dobj"):
        return "patient"
    if tok.dep_ == "pobj" and tok.head.lower_ == "by":
        return "agent"
    if tok.dep_ == "pobj" and tok.head.lower_ in ("on", "against", "at", "targeting", "down"):
        return "patient"  # "down": a particle read as a preposition ("burned down a church")
    if tok.dep_ == "conj" and tok.head is not tok:
        return role_of(tok.head.doc[tok.head.i: tok.head.i + 1])
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head is not tok:
        return role_of(tok.doc[tok.head.head.i: tok.head.head.i + 1])  # "dozens of IS militants"
    return _object_of_violence(span)


def _ally(tok) -> int | None:
    """The token of the side this phrase head fights beside, if any."""
    prep = tok.head
    if tok.dep_ == "pobj" and prep.lower_ == "by" and prep.head.lemma_.lower() in BACKING_VERBS:
        return prep.head.head.i  # "troops backed by X": the troops
    if tok.dep_ == "pobj" and prep.lower_ in ("with", "alongside") and prep.head.pos_ in ("NOUN", "PROPN"):
        return prep.head.i
    if tok.dep_ == "conj" and tok.head.i < tok.i:
        first = tok.head
        while first.dep_ == "conj":
            first = first.head
        if first.pos_ in ("NOUN", "PROPN", "ADJ") and not _two_sides(first):
            return first.i
    return None


def _two_sides(first) -> bool:
    """"Meitei and Kuki groups clashed": conjoined subjects of a verb of fighting with no other
    side named ("... clashed with 3R rebels") are the two sides."""
    while first.head.i != first.i and (first.dep_ in ("compound", "amod", "nmod")
                                       or (first.dep_ == "pobj" and first.head.lower_ == "of")):
        first = first.head.head if first.dep_ == "pobj" else first.head  # "fighters of X and Y"
    verb = first.head
    return (first.dep_ == "nsubj" and verb.lemma_.lower() in RECIPROCAL_VERBS
            and not any(_opponent(c) for c in verb.children))


WEAPONS = {"weapon", "gun", "arm", "rifle", "mortar", "artillery", "rocket", "missile", "knife", "machete",
           "stick", "stone", "grenade", "explosive", "drone", "fire"}


def _opponent(prep) -> bool:
    """"clashed with 3R rebels", not "clashed with heavy weapons"."""
    return prep.dep_ == "prep" and prep.lower_ in ("with", "against") and any(
        c.dep_ == "pobj" and c.lemma_.lower() not in WEAPONS for c in prep.children)


VICTIM_VERBS = {"kill", "execute", "behead", "massacre", "slay", "wound", "injure", "capture", "abduct", "kidnap"}


def _reduced_passive(span, head) -> bool:
    """A headline's "X militants killed in ...": the noun (or a word of the mention, or the noun
    right after it: "IS militants") carries a participle of a violent verb, without its auxiliary: X are victims."""
    doc = span.doc
    nouns = [head, *span] + [t for t in doc[span.end: span.end + 2] if t.pos_ in ("NOUN", "PROPN")][:1]
    return any(c.dep_ == "acl" and c.lemma_.lower() in VICTIM_VERBS and headline_passive(c)
               for t in nouns for c in t.children)


def _objectless_violence(verb) -> bool:
    """"X fighters reportedly killed in Y", tagged as an active past: a violent verb that needs an
    object, without object or auxiliary, is a headline's passive."""
    return (verb.lemma_.lower() in VICTIM_VERBS and verb.tag_ in ("VBD", "VBN")
            and not any(c.dep_ in ("dobj", "aux", "auxpass", "ccomp", "xcomp") for c in verb.children))


TAKING_WORDS = {"retake", "retakes", "retook", "retaken", "recapture", "recaptures", "recaptured", "capture",
                "captures", "captured", "seize", "seizes", "seized", "liberate", "liberates", "liberated",
                "repel", "repels", "repelled"}


def says_it_did(verb) -> bool:
    """'The army says it killed 40 rebels', 'Army says retook town': who says it did the violence
    (its own subject, or none) is its agent."""
    for c in verb.children:
        if c.dep_ not in ("ccomp", "xcomp") or not (c.lower_ in VIOLENCE_VERBS or c.lower_ in TAKING_WORDS):
            continue
        subjects = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        if all(s.dep_ == "nsubj" and s.lower_ in ("it", "they", "we") for s in subjects):
            return True
    return False


def claims_attack(verb) -> bool:
    """'IS claims bombing', 'X claims responsibility for ...': a claim with an object names the
    perpetrator; 'X claims 30 rebels were killed' reports, as 'says' does."""
    if verb.lemma_.lower() != "claim":
        return False
    if verb.dep_ == "compound":  # headlines parse "claims bombing" as one noun
        return True
    return any(c.dep_ == "dobj" and c.lower_ != "it" for c in verb.children)


# headline verbs whose object is the victim or target; and the words a count is made of
VIOLENCE_VERBS = {"kill", "kills", "killed", "killing", "execute", "executes", "executed", "behead",
                  "beheads", "beheaded", "attack", "attacks", "attacked", "target", "targets", "targeted",
                  "hit", "hits", "bomb", "bombs", "bombed", "pound", "pounds", "pounded", "shell", "shells",
                  "shelled", "ambush", "ambushes", "ambushed", "abduct", "abducts", "abducted", "kidnap", "kidnaps"}
COUNT_WORDS = {"of", "at", "least", "more", "than", "over", "some", "about", "around", "nearly", "almost",
               "dozens", "scores", "hundreds", "several", "many", "the", "a", "an", "up", "to"}


def _object_of_violence(span) -> str:
    """When the parse gives no role (headlines parse badly): a mention right after a violent verb
    and a count ("air strike kills six IS militants") is its object, the patient."""
    i = span.start - 1
    while i >= 0 and (span.doc[i].like_num or span.doc[i].lower_ in COUNT_WORDS):
        i -= 1
    return "patient" if i >= 0 and span.doc[i].lower_ in VIOLENCE_VERBS else ""


def resolve_options(actor: ActorMention, country_code: str) -> ActorMention:
    """For a shared alias, the group active in the event's country (else the first listed)."""
    if not actor.options:
        return actor
    chosen = next((o for o in actor.options if country_code and country_code in o[2]), None)
    chosen = chosen or next((o for o in actor.options if not o[2]), None) or actor.options[0]
    return replace(actor, name=chosen[0], inter=chosen[1], options=[])


def kind(actor: ActorMention) -> str:
    if actor.name.startswith("Government of"):
        return "government"
    return {"State forces": "state", "External/Other forces": "external", "Civilians": "civilians",
            "Protesters": "protesters", "Rioters": "rioters"}.get(actor.inter,
                                                                  "nonstate" if actor.inter in NONSTATE else "other")


@lru_cache(maxsize=None)
def role_table() -> dict:
    return load_yaml("actor_roles.yaml")


def choose_actors(code: str, mentions: list[ActorMention], country: str,
                  unnamed_victims: bool = False) -> tuple[tuple[str, str], tuple[str, str]]:
    """actor1 and actor2 as (name, inter), by the sub-event type's rule in actor_roles.yaml.

    A mention the parse marks as the victim ("air strikes kill 30 militants") is not actor1 when
    the rule has a default for actor1 and none for actor2. ``unnamed_victims``: people died who are not named as
    any actor ("bombs kill 12"); the rule's ``victims2`` then stands for actor2."""
    table = role_table()
    rule = {**table["default"], **table["codes"].get(code, {})}
    mentions = [m for m in mentions if m.role != "source"]
    if any(not m.generic and kind(m) in ("nonstate", "external") for m in mentions):
        mentions = [m for m in mentions if not m.fallback]
    # doers first, then named before generic: a group named only as a target ("civilians accused of
    # supporting X fighters") does not outrank the unnamed soldiers who did it
    ordered = sorted(mentions, key=lambda m: (m.role == "patient", m.generic, m.role != "agent", m.start))
    unique: list[ActorMention] = []
    for m in ordered:
        if m.name not in [u.name for u in unique]:
            unique.append(m)
    doers = [m for m in unique if m.role != "patient"] if _victim_not_actor1(rule) else unique
    first = _pick_main(doers, rule["actor1"], exclude=None)
    second = _pick_main(unique, rule["actor2"], exclude=first, allies=False)
    a1 = (first.name, first.inter) if first else _default(rule.get("default1"), country)
    a2 = (second.name, second.inter) if second else _default(_second_default(rule, unnamed_victims), country)
    if a2[0] and a2[0] == a1[0]:
        a2 = _default(rule.get("other2"), country) if rule.get("other2") else ("", "")
    return abroad(a1, country), abroad(a2, country)


STATE_FORCE = re.compile(r"^(?:Military|Police) Forces of (?:the )?(?P<country>.+?)(?: \(\d{4}-\d{0,4}\))?$")


def abroad(actor: tuple[str, str], country: str) -> tuple[str, str]:
    """A state's forces operating outside their country are External/Other forces (ACLED inter 8):
    Russia's military in Ukraine, US forces in Somalia."""
    m = STATE_FORCE.match(actor[0])
    if country and actor[1] == "State forces" and m and m.group("country") != country:
        return actor[0], "External/Other forces"
    return actor


def _victim_not_actor1(rule: dict) -> bool:
    """A victim can be actor1 only when the rule has no default for actor1, or when it has a
    default for the other side (a battle: whoever is named is one side, the default the other)."""
    return bool(rule.get("default1")) and not rule.get("default2")


def _second_default(rule: dict, unnamed_victims: bool) -> str | None:
    if unnamed_victims and rule.get("victims2"):
        return rule["victims2"]
    return rule.get("default2")


def _pick_main(actors: list[ActorMention], kinds: list[str], exclude: ActorMention | None,
               allies: bool = True) -> ActorMention | None:
    """The first actor of a wanted kind; an ally of another mention only when no other fits, and
    never as actor2 (the side it fights beside is named, so it is an associate)."""
    main = [a for a in actors if not a.ally]
    return _pick(main, kinds, exclude) or (_pick(actors, kinds, exclude) if allies else None)


def _pick(actors: list[ActorMention], kinds: list[str], exclude: ActorMention | None) -> ActorMention | None:
    for wanted in kinds:
        for a in actors:
            if exclude is not None and a.name == exclude.name:
                continue
            k = kind(a)
            if k == wanted or (wanted == "armed" and k in ("state", "nonstate", "external")):
                return a
    return None


@lru_cache(maxsize=None)
def became_state() -> list[dict]:
    """Groups that became a state's forces, with the day (actors.yaml, ``became_state``)."""
    return actors_data().get("became_state", [])


def as_state(name: str, inter: str, day: str) -> tuple[str, str]:
    """A group that had become the state's forces by ``day`` (ISO date) is named as those forces."""
    for rule in became_state():
        if name == rule["group"] and day and day >= str(rule["from"]):
            return rule["name"], "State forces"
    return name, inter


@lru_cache(maxsize=None)
def countries_with_the() -> frozenset[str]:
    """Countries whose name takes "the" after "of" in ACLED's state-force names (actors.yaml)."""
    return frozenset(actors_data().get("countries_with_the", []))


def fill_country(template: str, country: str) -> str:
    """'Civilians ({country})' -> 'Civilians (Nigeria)', or 'Civilians' when the country is unknown;
    'Military Forces of {country}' -> 'Military Forces of the Philippines'."""
    if "{country}" not in template:
        return template
    if country:
        if country in countries_with_the():
            template = template.replace(" of {country}", " of the {country}")
        return template.replace("{country}", country)
    return template.replace(" ({country})", "").replace(" of {country}", "")


def _default(template: str | None, country: str) -> tuple[str, str]:
    if not template:
        return "", ""
    name = fill_country(template, country)
    inter = {"Unidentified": "Political militia", "Protesters": "Protesters", "Rioters": "Rioters",
             "Civilians": "Civilians", "Police": "State forces", "Military": "State forces"}
    return name, next((v for k, v in inter.items() if name.startswith(k)), "")


def interaction(inter1: str, inter2: str) -> str:
    """ACLED's interaction text: the two actor types, lower code first ("State forces-Rebel group")."""
    if not inter1:
        return ""
    if not inter2:
        return f"{inter1} only"
    pair = sorted([inter1, inter2], key=lambda i: INTER_ORDER.index(i) if i in INTER_ORDER else 99)
    return "-".join(pair)


_DICTIONARY: ActorDictionary | None = None


def get_actor_dictionary(nlp) -> ActorDictionary:
    global _DICTIONARY
    if _DICTIONARY is None:
        _DICTIONARY = ActorDictionary(nlp)
    return _DICTIONARY
