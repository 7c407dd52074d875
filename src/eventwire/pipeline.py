"""The coding pipeline: Article -> spaCy Doc -> sentence findings -> Events.

Each sentence is classified (extract.events), and its dates, fatalities and actors are read
(extract.dates, extract.fatalities, extract.actors); places are found and resolved over the whole
document (extract.places). Sentences that report the same event (same place and day, compatible
type) are merged; totals over several days are split per day, as ACLED does.
"""
from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from . import __version__
from .extract.actors import (ActorMention, as_state, choose_actors, fill_country, get_actor_dictionary,
                             home_country, interaction, kind, resolve_options, role_table)
from .extract.dateline import dateline_span
from .extract.dates import event_date, find_dates, strip_date_notes
from .extract.events import Classification, get_classifier
from .extract.fatalities import sentence_fatalities
from .extract.places import PlaceFinder, doc_text, event_location, focus_country
from .gazetteer import Gazetteer, get_gazetteer
from .models import Article, CodedArticle, DateMention, Event, Fatalities, PlaceMention
from .nlp import get_nlp
from .resources import by_code, countries, load_yaml, priority
from .textnorm import mask_for_parsing

LOW_CONFIDENCE = 0.6
MAX_SPLIT_DAYS = 7
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
# an ACLED note's tag standing as a sentence of its own: "[size=hundreds]", "[women targeted: girls]"
NOTE_TAG = re.compile(r"^\s*\[[^\[\]]{1,80}\]\s*$")
UPDATED_TOLL = re.compile(r"\b(?:rose|rises|risen|climbed|climbs|increased|increases|jumped|jumps|reached|reaches|"
                          r"has risen|went up|goes up)\s+to\b|\brevised\b", re.I)
CLAIM = re.compile(r"\bclaim(?:s|ed|ing)?\s+(?:responsibility|credit)\b", re.I)
MAJOR = ("massacre", "major", "large-scale", "deadliest", "heavy fighting", "fierce")


def _no_report(sent, dateline: tuple[int, int] | None) -> str:
    """Why a sentence can report no event: a bracketed note tag ("[Size: 300]"), or a dateline
    the parser split off on its own ("ADEN, Yemen, March 2 (Arabia Wire) -"); else ""."""
    if NOTE_TAG.match(sent.text):
        return "tag"
    if dateline and sent.start_char >= dateline[0] and sent.end_char <= dateline[1]:  # (its span ends after the dash)
        return "dateline"
    return ""


@dataclass
class SentenceFinding:
    index: int
    text: str
    start: int
    end: int
    label: Classification
    dates: list[DateMention]
    fatalities: Fatalities | None
    actors: list[ActorMention]
    identities: list[str] = field(default_factory=list)
    root: int | None = None  # character offset of the sentence's main verb
    refers_back: bool = False  # names an event already reported ("sustained in the clashes")


@dataclass
class Draft:
    """An event being assembled from one or more sentences."""

    code: str
    confidence: float
    sentences: list[SentenceFinding] = field(default_factory=list)
    day: DateMention | None = None
    place: PlaceMention | None = None
    geo_precision: int | None = None

    @property
    def first(self) -> SentenceFinding:
        return self.sentences[0]


class Pipeline:
    def __init__(self, gazetteer: Gazetteer | None = None, classifier: str | None = None, nlp=None):
        self.nlp = nlp or get_nlp()
        self.gazetteer = gazetteer or get_gazetteer()
        self.places = PlaceFinder(self.gazetteer)
        self.actors = get_actor_dictionary(self.nlp)
        self.classifier = get_classifier(classifier or os.environ.get("EVENTWIRE_CLASSIFIER") or "model")
        self.regions = {r["name"]: r for r in countries()}

    # ---- public API ----------------------------------------------------------------------
    def code_articles(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[CodedArticle]:
        stream = ((mask_for_parsing(a.text), a) for a in articles)
        for doc, article in self.nlp.pipe(stream, batch_size=batch_size, as_tuples=True):
            yield self.code_doc(doc, article)

    def code_text(self, text: str, published: date | None = None, **meta) -> list[Event]:
        article = Article(text=text, published=published, **meta)
        return next(self.code_articles([article])).events

    # ---- per document --------------------------------------------------------------------
    def code_doc(self, doc, article: Article) -> CodedArticle:
        dateline = dateline_span(doc_text(doc))
        sents = list(doc.sents)
        mentions = self.places.find(doc, sents)
        for m in mentions:
            m.dateline = bool(dateline and dateline[0] <= m.start < dateline[1])
        places = self.places.resolve(doc, mentions)
        labels = self.classifier.classify_all([strip_date_notes(sent.text) for sent in sents])
        labels = [Classification(None, 0.0, reason=reason) if (reason := _no_report(sent, dateline)) else label
                  for sent, label in zip(sents, labels)]
        findings = [self.read_sentence(i, sent, label, article.published)
                    for i, (sent, label) in enumerate(zip(sents, labels))]
        if dateline:
            for f in findings:
                f.dates = [d for d in f.dates if not dateline[0] <= d.start < dateline[1]]
        drafts = self.assemble(findings, places, article.published)
        events = []
        for draft in drafts:
            events.extend(self.to_events(draft, article, places))
        return CodedArticle(article=article, events=events, places=places)

    def read_sentence(self, i: int, sent, label: Classification, published: date | None) -> SentenceFinding:
        text = sent.text
        significant = any(w in text.lower() for w in MAJOR)
        return SentenceFinding(
            index=i, text=text, start=sent.start_char, end=sent.end_char, label=label,
            dates=find_dates(text, published, sent.start_char, i),
            fatalities=sentence_fatalities(sent, significant),
            actors=self.actors.find(sent, i) if label.code or label.matched or CLAIM.search(text) else [],
            identities=self.actors.identities(sent) if label.code else [],
            root=sent.root.idx,
            refers_back=refers_back(text),
        )

    def assemble(self, findings: list[SentenceFinding], places: list[PlaceMention],
                 published: date | None) -> list[Draft]:
        drafts: list[Draft] = []
        last_day: DateMention | None = None
        focus = focus_country(places)
        for f in findings:
            own_day = event_date(f.dates, published)
            background = any(d.background for d in f.dates) and own_day is None
            if own_day is not None:
                last_day = own_day
            if f.label.code is None or background:
                self._attach_fatalities(drafts, f)
                self._attach_claim(drafts, f)
                continue
            place, precision = event_location(places, f.index, focus, f.root)
            own_place = place if place is not None and place.sentence == f.index else None
            current = drafts[-1] if drafts else None
            if current and self._same_event(current, f, own_day, own_place):
                self._merge(current, f)
                continue
            drafts.append(Draft(code=f.label.code, confidence=f.label.confidence, sentences=[f],
                                day=own_day or last_day, place=place, geo_precision=precision))
        return drafts

    @staticmethod
    def _same_event(draft: Draft, f: SentenceFinding, own_day, own_place) -> bool:
        """A sentence continues the last event unless it names another day or another town,
        or it turns a crowd event into another kind of crowd (a march, then a riot), or it puts a
        peaceful protest beside a battle or an explosion; a sentence that names the event
        already reported ("wounds sustained in the clashes") always continues it."""
        if _same_takeover(draft, f, own_day, own_place):
            return True
        if own_day is not None and draft.day is not None and _other_day(own_day, draft.day):
            return False
        if own_place is not None and draft.place is not None and own_place.place != draft.place.place:
            if own_place.place.feature == "city" or draft.place.place.feature != "city":
                return False
        if f.refers_back:
            return True
        a, b = by_code()[draft.code]["event_type"], by_code()[f.label.code]["event_type"]
        if {a, b} == {"Protests", "Riots"}:
            return False
        if "PEACE_PROTEST" in (draft.code, f.label.code) and {a, b} & SEPARATE_FROM_PEACEFUL_PROTEST:
            return False  # a bombing or a battle is not part of a peaceful protest: other actors
        return True

    @staticmethod
    def _merge(draft: Draft, f: SentenceFinding) -> None:
        draft.sentences.append(f)
        crowd = _types_named_again(draft, f)
        if crowd == ("Protests", "Riots"):  # a protest whose crowd turns violent is a riot (one event)
            draft.code = f.label.code
        elif priority(f.label.code) < priority(draft.code) and not _weak_battle(draft, f) and not _unsure(f) \
                and crowd != ("Riots", "Protests"):  # a riot stays a riot when police disperse "the crowd"
            draft.code = f.label.code
        draft.confidence = max(draft.confidence, f.label.confidence)

    @staticmethod
    def _attach_fatalities(drafts: list[Draft], f: SentenceFinding) -> None:
        """A following sentence with a death toll and no event of its own belongs to the last event;
        so does the very next one that matched no trigger ("The bomber also died."), and a note's
        coded toll ("Fatalities coded as 24.")."""
        if not drafts or not f.fatalities:
            return
        gap = f.index - drafts[-1].sentences[-1].index
        if f.fatalities.coded or (gap <= 2 and not f.label.reason) or (gap == 1 and f.label.reason == "no trigger"):
            drafts[-1].sentences.append(f)

    @staticmethod
    def _attach_claim(drafts: list[Draft], f: SentenceFinding) -> None:
        """A following sentence that claims the attack ("Al Shabaab claimed responsibility")
        names the last event's perpetrator."""
        if (drafts and CLAIM.search(f.text) and f.index - drafts[-1].sentences[-1].index <= 2
                and all(s is not f for s in drafts[-1].sentences) and any(a.role == "agent" for a in f.actors)):
            drafts[-1].sentences.append(f)

    # ---- drafts to records ---------------------------------------------------------------
    def to_events(self, draft: Draft, article: Article, places: list[PlaceMention]) -> list[Event]:
        fat = _fatalities(draft)
        mentions = [a for f in draft.sentences for a in f.actors]
        draft.code = civilian_victims_code(armed_victims_code(draft.code, fat, mentions), fat, mentions)
        draft.code = territory_code(draft.code, draft.first.actors)
        tax = by_code()[draft.code]
        event = Event(
            disorder_type=tax["disorder_type"], event_type=tax["event_type"],
            sub_event_type=tax["sub_event_type"], sub_event_code=draft.code,
            source=article.outlet, notes=draft.first.text.strip(),
            fatalities=fat.best, fatalities_low=fat.low, fatalities_high=fat.high,
            deaths_a=fat.deaths_a, deaths_b=fat.deaths_b, deaths_civilians=fat.deaths_civilians,
            deaths_unknown=fat.deaths_unknown, article_id=article.id, evidence=draft.first.text.strip(),
            evidence_start=draft.first.start, evidence_end=draft.first.end, coder=f"eventwire {__version__}",
        )
        self._set_place(event, draft)
        self._set_actors(event, draft, event.country or focus_country_name(places))
        confidence = draft.confidence * (1.0 if event.latitude is not None else 0.8)
        confidence *= 1.0 if draft.day is not None else 0.85
        event.confidence = round(confidence, 3)
        event.flagged = event.confidence < LOW_CONFIDENCE
        return self._set_dates(event, draft, article)

    def _set_place(self, event: Event, draft: Draft) -> None:
        if draft.place is None or draft.place.place is None:
            return
        p = draft.place.place
        event.location, event.latitude, event.longitude = p.name, round(p.latitude, 4), round(p.longitude, 4)
        if p.feature in ("admin1", "admin2") and p.seat:
            # ACLED codes an event known only by its region to the region's main town
            event.location, event.latitude, event.longitude = p.seat[0], round(p.seat[1], 4), round(p.seat[2], 4)
        event.country, event.iso, event.admin1, event.admin2 = p.country, p.iso, p.admin1, p.admin2
        event.geo_precision, event.geonameid = draft.geo_precision, p.geonameid
        event.region = self.regions.get(p.country, {}).get("acled_region", "")

    def _set_actors(self, event: Event, draft: Draft, country: str) -> None:
        """``country``: the event's, else the document's (an event placed nowhere in a story about
        Iraq has Iraqi actors: "Military Forces of Iraq", not "Military Forces"), else the home
        country of a named group in it."""
        mentions = [a for f in draft.sentences for a in f.actors]
        code = draft.place.place.country_code if draft.place and draft.place.place else ""
        resolved = [resolve_options(a, code) for a in mentions]
        country = country or home_country(resolved)
        names = [_fill(a, country) for a in resolved]
        unnamed = event.deaths_unknown + event.deaths_civilians > 0 and not any(a.role == "patient" for a in names)
        actor1, actor2 = choose_actors(event.sub_event_code, names, country, unnamed_victims=unnamed)
        event.actor1, event.inter1 = actor1
        event.actor2, event.inter2 = actor2
        event.interaction = interaction(event.inter1, event.inter2)
        if event.event_type == "Violence against civilians" or event.inter2 == "Civilians":
            event.civilian_targeting = "Civilians targeted"
        assoc = sorted({a.name for a in names} - {event.actor1, event.actor2})
        event.assoc_actor_1 = "; ".join(assoc)[:300]
        identities = [fill_country(n, country) for f in draft.sentences for n in f.identities]
        identities = list(dict.fromkeys(identities))
        if event.inter2 in ("Civilians", "Protesters") and identities:
            event.assoc_actor_2 = "; ".join(identities)
        elif event.inter1 in ("Protesters", "Rioters", "Civilians") and identities:
            event.assoc_actor_1 = "; ".join(identities)

    def _set_dates(self, event: Event, draft: Draft, article: Article) -> list[Event]:
        day = draft.day
        if day is None or day.day is None:
            if article.published:
                event.event_date, event.year, event.time_precision = article.published.isoformat(), article.published.year, 2
            return [self._finish(event)]
        event.event_date, event.year, event.time_precision = day.day.isoformat(), day.day.year, day.precision
        if day.end_day and 0 < (day.end_day - day.day).days < MAX_SPLIT_DAYS:
            return self._split_days(event, day.day, day.end_day)
        return [self._finish(event)]

    def _split_days(self, event: Event, first: date, last: date) -> list[Event]:
        """One event per day; the total split evenly, the first day taking the remainder."""
        n = (last - first).days + 1
        out = []
        for k in range(n):
            e = Event.from_dict(event.to_dict())
            d = first + timedelta(days=k)
            e.event_date, e.year, e.time_precision = d.isoformat(), d.year, 1
            for name in ("fatalities", "fatalities_low", "fatalities_high", "deaths_a", "deaths_b",
                         "deaths_civilians", "deaths_unknown"):
                total = getattr(event, name)
                setattr(e, name, total // n + (total % n if k == 0 else 0))
            if event.fatalities:
                e.notes = f"{event.notes} [{event.fatalities} fatalities over {n} days, split evenly]"
            out.append(self._finish(e))
        return out

    @staticmethod
    def _finish(event: Event) -> Event:
        event.actor1, event.inter1 = as_state(event.actor1, event.inter1, event.event_date)
        event.actor2, event.inter2 = as_state(event.actor2, event.inter2, event.event_date)
        event.interaction = interaction(event.inter1, event.inter2)
        key = f"{event.article_id}|{event.evidence_start}|{event.event_date}|{event.sub_event_code}"
        digest = hashlib.sha256(key.encode()).hexdigest()[:10].upper()
        event.event_id = f"EW-{digest}"
        return event


SEPARATE_FROM_PEACEFUL_PROTEST = {"Battles", "Explosions/Remote violence"}


@lru_cache(maxsize=None)
def assembly_rules() -> dict:
    return load_yaml("assembly.yaml")


@lru_cache(maxsize=None)
def back_reference_pattern() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in assembly_rules()["back_references"]), re.I)


def refers_back(text: str) -> bool:
    """Does the sentence name an event already reported ("sustained in the clashes")?"""
    return bool(back_reference_pattern().search(text))


def _same_takeover(draft: Draft, f: SentenceFinding, own_day, own_place) -> bool:
    """One place changing hands, told over a day or two (data/assembly.yaml, ``takeover``)."""
    rule = assembly_rules()["takeover"]
    if draft.code not in rule["codes"] or f.label.code not in rule["codes"]:
        return False
    if own_place is not None and (draft.place is None or own_place.place != draft.place.place):
        return False
    return own_day is None or draft.day is None or abs((own_day.day - draft.day.day).days) <= rule["days"]


def _other_day(own: DateMention, day: DateMention) -> bool:
    """Does a sentence's date name another day than the event's? A vaguer date that covers the
    event's day ("this week", "in May") does not."""
    if own.precision == 2:
        return abs((own.day - day.day).days) > 3
    if own.precision == 3:
        return (own.day.year, own.day.month) != (day.day.year, day.day.month)
    return own.day != day.day


def _types_named_again(draft: Draft, f: SentenceFinding) -> tuple[str, str] | None:
    """For a sentence that names the event already reported: (the event's type, the sentence's
    type), as ("Protests", "Riots")."""
    if not f.refers_back:
        return None
    return by_code()[draft.code]["event_type"], by_code()[f.label.code]["event_type"]


def armed_victims_code(code: str, fat: Fatalities, mentions: list[ActorMention]) -> str:
    """Violence against civilians needs unarmed victims: when everyone reported killed is armed
    (soldiers, militants), or every victim named is an armed actor and no civilian is named, the
    event is the type actor_roles.yaml gives under ``armed_victims`` (a battle)."""
    target = role_table().get("armed_victims", {}).get(code)
    if not target:
        return code
    armed_dead = fat.best > 0 and fat.deaths_a + fat.deaths_b == fat.best
    victims = [m for m in mentions if m.role == "patient"]
    civilians = any(kind(m) == "civilians" for m in mentions)
    armed_named = bool(victims) and all(kind(m) in ("state", "nonstate", "external") for m in victims)
    return target if (armed_dead or armed_named) and not civilians and not fat.deaths_civilians else code


def civilian_victims_code(code: str, fat: Fatalities, mentions: list[ActorMention]) -> str:
    """A battle needs two armed sides: when every victim named is a civilian and no armed side
    is reported dead, the event is the type actor_roles.yaml gives under ``civilian_victims``
    (an attack on civilians)."""
    table = role_table()
    target = table.get("civilian_victims", {}).get(code)
    victims = [m for m in mentions if m.role == "patient"]
    if not target or not victims or fat.deaths_a + fat.deaths_b > 0:
        return code
    unnamed = set(table.get("unnamed_victims", ()))
    named = all(kind(m) == "civilians" and m.text.lower().split()[-1] not in unnamed for m in victims)
    return target if named else code


def territory_code(code: str, mentions: list[ActorMention]) -> str:
    """A territorial event's type from who took the place: the first agent of its first
    sentence, when it is state forces or a non-state group (actor_roles.yaml
    ``territory_by_agent``)."""
    table = role_table().get("territory_by_agent", {})
    if code not in table.get("codes", ()):
        return code
    agent = next((m for m in mentions if m.role == "agent"), None)
    return table.get(kind(agent), code) if agent is not None else code


def _weak_battle(draft: Draft, f: SentenceFinding) -> bool:
    """A generic fighting word in a later sentence does not turn a bombing into a battle."""
    return by_code()[f.label.code]["event_type"] == "Battles" and f.label.matched.get(f.label.code, 0) < 2 \
        and by_code()[draft.code]["event_type"] != "Battles" and f.label.code == "ARMED_CLASH"


def _unsure(f: SentenceFinding) -> bool:
    """A sentence no trigger matched and the model doubts ("No injuries were reported." read as a
    protest at 0.34) does not change the type of the event it follows."""
    return not f.label.matched and f.label.confidence < 0.5


def _fatalities(draft: Draft) -> Fatalities:
    """The event's toll from its sentences: an updated toll ("rose to 23") wins; otherwise the
    sentences are taken as reports of the same deaths and, as ACLED does with conflicting
    reports, the lowest figure is kept."""
    figures = [(f.fatalities, f.text) for f in draft.sentences if f.fatalities and f.fatalities.best > 0]
    coded = [f.fatalities for f in draft.sentences if f.fatalities and f.fatalities.coded]
    if coded:
        return coded[-1]  # the note says what it coded
    if not figures:
        return Fatalities()
    updates = [fat for fat, text in figures if UPDATED_TOLL.search(text)]
    if updates:
        return updates[-1]
    tolls = [fat for fat, _ in figures if not fat.vague] or [fat for fat, _ in figures]
    if _other_victims(tolls):
        return _added(tolls)
    return min(tolls, key=lambda x: x.best)


KINDS = ("deaths_a", "deaths_b", "deaths_civilians")


def _other_victims(tolls: list[Fatalities]) -> bool:
    """Each sentence counts a different kind of victim ("3 soldiers were killed. Troops killed 1
    attacker"): the tolls add up rather than conflict."""
    if len(tolls) < 2 or any(t.deaths_unknown for t in tolls):
        return False
    kinds = [{k for k in KINDS if getattr(t, k)} for t in tolls]
    return all(a.isdisjoint(b) for i, a in enumerate(kinds) for b in kinds[i + 1:])


def _added(tolls: list[Fatalities]) -> Fatalities:
    out = Fatalities(evidence=" ".join(t.evidence for t in tolls))
    for name in ("best", "low", "high", *KINDS):
        setattr(out, name, sum(getattr(t, name) for t in tolls))
    return out


def focus_country_name(places: list[PlaceMention]) -> str:
    """The name of the country most of the document's places are in ("" when none)."""
    code = focus_country(places)
    return next((m.place.country for m in places if m.place is not None and m.place.country_code == code), "")


def _fill(actor: ActorMention, country: str) -> ActorMention:
    return replace(actor, name=fill_country(actor.name, country)) if "{country}" in actor.name else actor
