"""Places: find toponyms in a document and resolve them through the gazetteer with document context.

Recognition: spaCy's GPE/LOC/FAC entities, plus capitalised names after location cues ("in",
"near", "the town of") or before admin words ("Diyala province") that the gazetteer knows,
which catches towns spaCy labels PERSON or ORG. Nationality words (NORP: "Iraqi") are kept as
demonyms: they vote for the document's country but are never an event's location.

Resolution scores each candidate by name match, population, feature type, the document's country
focus, a national capital's bonus and a state or country named right after it ("Paris, Texas"),
then adds spatial coherence with the document's other names (near it, inside it, or containing it).
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache

from ..gazetteer import Gazetteer, haversine_km
from ..models import Place, PlaceMention
from ..textnorm import fold
from .actors import demonym_table

CUES = {"in", "near", "at", "outside", "from", "to", "into", "around", "of", "across", "towards",
        "toward", "through", "between", "and", "inside", "within", "on"}
PLACE_NOUNS = {"town", "village", "city", "district", "province", "region", "area", "state", "county",
               "governorate", "department", "municipality", "locality", "neighbourhood", "neighborhood",
               "suburb", "camp", "settlement", "capital", "prefecture", "commune", "township", "hamlet"}
ADMIN_WORDS = {"province": "admin1", "governorate": "admin1", "state": "admin1", "region": "admin1",
               "oblast": "admin1", "department": "admin1", "prefecture": "admin1",
               "district": "admin2", "county": "admin2", "municipality": "admin2", "division": "admin2",
               "lga": "admin2"}
NEAR = re.compile(r"\b(?:near|outside|close to|on the outskirts of|outskirts of|(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+(?:of|part of)|(?:\d+|a few|several)\s+(?:km|kilometres|kilometers|miles)\s+(?:from|of|north of|south of|east of|west of)|in the vicinity of|around)\s*(?:the\s+(?:town|village|city)\s+of\s+)?$", re.I)
INSTITUTIONS = {"city", "county", "police", "university", "college", "public", "high", "school", "schools",
                "council", "court", "fire", "township", "area", "community", "regional", "municipal",
                "state", "board", "department", "hospital", "airport", "chamber", "library", "district"}
LOCAL_WORDS = {"police", "residents", "officials", "mayor", "council", "city", "county", "area", "resident",
               "native", "officers", "firefighters", "man", "woman", "authorities", "schools"}
QUALIFIER = re.compile(r"\s*(?:,|\()\s*((?:[A-Z][\w.]*\.?)(?:\s+[A-Z][\w.]*){0,2})")
CAPITAL_MIN_POPULATION = 50_000  # not the small towns that share a capital's name
NEAR_KM, FAR_KM = 40.0, 250.0  # closeness: full up to NEAR_KM, none beyond FAR_KM
FEATURE_RANK = {"city": 0, "landmark": 1, "admin2": 1, "admin1": 2, "country": 3, "region": 4}
STOP = {"the", "a", "an", "mr", "mrs", "president", "minister", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
        "june", "july", "august", "september", "october", "november", "december", "god", "allah",
        "police", "army", "state", "islamic", "reuters", "afp", "ap", "said", "government", "un", "eu"}


class PlaceFinder:
    # weights of the resolution score (see _prior and resolve)
    population_weight = 0.5  # per power of ten of the population
    # a region (continent, "Middle East") is in no country, so it never gains the country focus
    feature_bonus = {"region": 9.0, "country": 5.0, "admin1": 0.5, "admin2": 0.3, "city": 0.0, "landmark": -0.5}
    main_name_bonus = 2.0  # the name is the place's main name, not an alternate one
    capital_bonus = 1.5  # a national capital ("Washington" is more often the city than the state)
    focus_weight = 4.0  # times the share of the document's country votes
    qualifier_weight = 8.0  # lies in the state or country named right after it ("Paris, Texas")
    coherence_weight = 6.0  # times the share of the other names near or around it
    coherence_rounds = 3
    max_context_candidates = 12  # per name, the likeliest ones taken as context for the others

    def __init__(self, gazetteer: Gazetteer):
        self.gaz = gazetteer
        self.demonyms = demonym_table()
        self.main_names: set[int] = set()  # ids of candidates that matched on their main name

    # ---- recognition -------------------------------------------------------------------
    def find(self, doc, sents=None) -> list[PlaceMention]:
        """Toponyms in the document, in text order."""
        sents = sents if sents is not None else list(doc.sents)
        starts = [s.start for s in sents]
        spans = {}
        for ent in doc.ents:
            for span in self._from_entity(doc, ent):
                spans[(span.start, span.end)] = span
        for span in [*self._dateline_place(doc), *self._cued_names(doc)]:
            if not any(s < span.end and span.start < e for s, e in spans):
                spans[(span.start, span.end)] = span
        mentions = []
        text_all = doc.text  # spaCy rebuilds doc.text on every access: read it once
        for (start, end), span in sorted(spans.items()):
            text = _trim(span.text)
            if not text or fold(text) in STOP:
                continue
            m = PlaceMention(text=text, start=span.start_char, end=span.start_char + len(span.text),
                             sentence=bisect_right(starts, span.start) - 1)
            m.demonym = getattr(span, "label_", "") == "NORP" or (fold(text) in self.demonyms and fold(text) != fold(self.demonyms[fold(text)]))
            before = text_all[max(0, span.start_char - 60): span.start_char]
            m.near = bool(NEAR.search(before))
            mentions.append(m)
        return mentions

    def _from_entity(self, doc, ent):
        """The place spans a spaCy entity gives: GPE and LOC as they are; FAC when the gazetteer
        knows it; NORP when it is a nationality; a PERSON or ORG that is a known town in a place
        context ("in Gainesville", "Gainesville police", "Athens, Ga."); a known town that opens
        an institution's name ("Dublin City Council")."""
        label = ent.label_
        if label in ("GPE", "LOC"):
            yield ent
        elif label == "FAC" and self.gaz.candidates(_trim(ent.text)):
            yield ent
        elif label == "NORP" and fold(ent.text) in self.demonyms:
            yield ent
        elif label in ("PERSON", "ORG"):
            if self._known_town(ent.text) and self._place_context(doc, ent.start, ent.end):
                yield ent
            elif label == "ORG":
                for k in (2, 1):
                    if len(ent) > k and ent[k].lower_ in INSTITUTIONS and self._known_town(ent[:k].text):
                        yield ent[:k]
                        break

    def _dateline_place(self, doc):
        """The town of a dateline ("GAINESVILLE -", "KABUL, May 3 (Agency) -"), if the gazetteer knows it."""
        from .dateline import dateline_span

        text = doc.text
        found = dateline_span(text)
        if not found:
            return
        head = text[found[0]:found[1]].split(",")[0].split("(")[0].strip(" -\u2013\u2014:")
        span = doc.char_span(found[0], found[0] + len(head), alignment_mode="expand")
        if span is not None and self._known_town(span.text):
            yield span

    def _known_town(self, text: str) -> bool:
        return any(main and (p.population >= 1000 or p.feature != "city")
                   for p, main in self.gaz.candidates(_trim(text)))

    @staticmethod
    def _place_context(doc, start: int, end: int) -> bool:
        prev = doc[start - 1].lower_ if start > 0 else ""
        nxt = doc[end].lower_ if end < len(doc) else ""
        after = doc[end + 1].text if end + 1 < len(doc) else ""
        if prev in CUES or prev in PLACE_NOUNS or nxt in PLACE_NOUNS or nxt in ADMIN_WORDS:
            return True
        if nxt in LOCAL_WORDS:
            return True
        if nxt == "," and after[:1].isupper() and (after.endswith(".") or len(after) > 3):
            return True  # "Athens, Ga." / "Mansfield, Ohio"
        return start == 0 or doc[start].is_upper  # a dateline

    def _cued_names(self, doc):
        """Capitalised names after a location cue or before an admin word, known to the gazetteer."""
        i, n = 0, len(doc)
        while i < n:
            tok = doc[i]
            if tok.is_title or tok.is_upper and len(tok) > 2:
                j = i
                while j < n and (doc[j].is_title or doc[j].lower_ in ("al", "el", "ad", "as", "ar", "an", "de", "-")) and j - i < 4:
                    j += 1
                while j > i and not doc[j - 1].is_title:
                    j -= 1
                if j > i:
                    prev = doc[i - 1].lower_ if i > 0 else ""
                    nxt = doc[j].lower_ if j < n else ""
                    cued = prev in CUES or prev in PLACE_NOUNS or nxt in ADMIN_WORDS or nxt in PLACE_NOUNS \
                        or self._after_country_possessive(doc, i, doc[i:j].text)
                    if cued and i > 0 and not (doc[i].is_sent_start) and self.gaz.candidates(doc[i:j].text):
                        yield doc[i:j]
                    elif cued and self.gaz.candidates(doc[i:j].text) and prev in CUES:
                        yield doc[i:j]
                i = max(j, i + 1)
            else:
                i += 1

    def _after_country_possessive(self, doc, i: int, name: str) -> bool:
        """A town of that country named after its possessive, as headlines write: "Iraq's Sinjar"."""
        if i < 2 or doc[i - 1].lower_ not in ("'s", "\u2019s"):
            return False
        country = self.demonyms.get(fold(doc[i - 2].text), "")
        if not country or fold(country) != fold(doc[i - 2].text):
            return False
        return any(main and p.country == country for p, main in self.gaz.candidates(_trim(name)))

    # ---- resolution --------------------------------------------------------------------
    def resolve(self, doc, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """Fill ``mention.place`` for each mention, using the whole document as context.

        Each candidate gets a prior (population, feature type, name match, the document's country
        focus, a state or country named right after it: "Paris, Texas"). Then, a few times over,
        each candidate gains from the document's other names that have a likely candidate near
        it or containing it (spatial coherence: "Paris" next to "Sherman" and "Denison" is in
        Texas). Mentions with the same name share their candidates' coherence.
        """
        self.main_names = set()
        text = doc.text  # read once: spaCy rebuilds it on every access
        options = {id(m): self._candidates(text, m) for m in mentions}
        focus = self._country_focus(mentions, options)
        priors = {}
        for m in mentions:
            qualifiers = self._qualifiers(text, m)
            priors[id(m)] = [self._prior(m, p, focus, qualifiers) for p in options[id(m)]]
        groups = _name_groups(mentions, options, priors)
        support = self._coherence(groups)
        total = sum(focus.values()) or 1.0
        for m in mentions:
            cands, prior = options[id(m)], priors[id(m)]
            if not cands:
                continue
            near = support.get(fold(m.text), {})
            scored = [(s + self.coherence_weight * near.get(id(p), 0.0), p) for s, p in zip(prior, cands)]
            score, place = max(scored, key=lambda x: x[0])
            if not self._off_focus(place, focus, total):
                m.score, m.place = score, place
        return mentions

    def _coherence(self, groups: dict[str, tuple[list[Place], list[float]]]) -> dict[str, dict[int, float]]:
        """For each name, candidate id -> how much of the document's other names lie near or
        around that candidate, each name weighted by how likely its nearby candidate is.
        Iterated so that two ambiguous names can settle each other."""
        if len(groups) < 2:
            return {}
        short = {k: _top(places, scores, self.max_context_candidates) for k, (places, scores) in groups.items()}
        support: dict[str, dict[int, float]] = {}
        for _ in range(self.coherence_rounds):
            probs = {}
            for k, (places, scores) in short.items():
                near = support.get(k, {})
                probs[k] = _softmax([s + self.coherence_weight * near.get(id(p), 0.0)
                                     for p, s in zip(places, scores)])
            support = {}
            for k, (places, _scores) in groups.items():
                others = [(short[o][0], probs[o]) for o in short if o != k]
                support[k] = {id(p): sum(max((q * _closeness(p, c) for c, q in zip(cs, qs)), default=0.0)
                                         for cs, qs in others) / len(others)
                              for p in places}
        return support

    @staticmethod
    def _off_focus(p: Place, focus: Counter, total: float) -> bool:
        """A small place abroad in a story clearly about one country is a false match."""
        if not focus or p.feature in ("country", "region"):
            return False
        top, weight = focus.most_common(1)[0]
        return (p.country_code != top and weight / total > 0.6 and focus.get(p.country_code, 0) / total < 0.2
                and p.population < 500_000)

    def _candidates(self, doc_text: str, m: PlaceMention) -> list[Place]:
        if m.demonym:
            name = self.demonyms.get(fold(m.text))
            code = self._country_code(name) if name else None
            place = self.gaz.country_place(code) if code else None
            return [place] if place else []
        text = m.text
        after = doc_text[m.end: m.end + 20].lower().split()
        want_admin = after[0] if after and after[0] in ADMIN_WORDS else None
        words = fold(text).split()
        if words and words[-1] in ADMIN_WORDS:
            want_admin = words[-1]
            text = " ".join(words[:-1])
        found = self.gaz.candidates(text)
        if not found and fold(text).startswith(("al ", "el ", "the ")):
            found = self.gaz.candidates(fold(text).split(" ", 1)[1])
        cands = [p for p, _main in found]
        self.main_names.update(id(p) for p, main in found if main)
        if want_admin:
            admin = [p for p in cands if p.feature != "city"]
            return admin or cands
        # a province or district often takes its name from its main town: without "province"
        # or "district" after it, the name is the town's
        towns = [p for p in cands if p.feature == "city"]
        return [p for p in cands if p.feature == "city" or not any(_named_after(p, t) for t in towns)]

    def _country_code(self, name: str) -> str | None:
        for code, c in self.gaz.countries.items():
            if c.name == name:
                return code
        return None

    def _country_focus(self, mentions, options) -> Counter:
        """Country votes, one per distinct name however often it is repeated: a full vote when
        all of the name's candidates are in one country, a small one for the likeliest country
        of an ambiguous name."""
        by_name: dict[str, tuple[float, str]] = {}
        for m in mentions:
            cands = [p for p in options[id(m)] if p.feature != "region"]
            if not cands:
                continue
            countries = {p.country_code for p in cands}
            if len(countries) == 1:
                vote = (0.5 if m.dateline else 1.0, cands[0].country_code)
            else:
                top = max(cands, key=lambda p: (p.feature == "country", p.population))
                vote = (0.3, top.country_code)
            key = fold(m.text)
            by_name[key] = max(by_name.get(key, vote), vote)
        votes: Counter = Counter()
        for weight, code in by_name.values():
            votes[code] += weight
        return votes

    def _prior(self, m: PlaceMention, p: Place, focus: Counter, qualifiers: list[Place]) -> float:
        """How likely the candidate is before looking at the document's other places."""
        total = sum(focus.values()) or 1.0
        score = self.population_weight * math.log10(p.population + 10)
        score += self.feature_bonus[p.feature]
        score += self.focus_weight * focus.get(p.country_code, 0) / total
        if id(p) in self.main_names or fold(m.text) == fold(p.name):
            score += self.main_name_bonus
        if any(_inside(p, q) for q in qualifiers):
            score += self.qualifier_weight
        if self._is_capital(p):
            score += self.capital_bonus
        return score

    def _is_capital(self, p: Place) -> bool:
        """A national capital: a sizeable town with the name the country table gives as capital."""
        country = self.gaz.countries.get(p.country_code)
        return (p.feature == "city" and p.population >= CAPITAL_MIN_POPULATION and country is not None
                and _fold(p.name) == _fold(country.capital))

    def _qualifiers(self, text: str, m: PlaceMention) -> list[Place]:
        """The state, province or country named right after a place: "Paris, Texas", "Athens, Ga."."""
        found = QUALIFIER.match(text, m.end)
        if not found or m.demonym:
            return []
        words = found.group(1).split()
        for n in range(len(words), 0, -1):
            areas = [p for p, _main in self.gaz.candidates(" ".join(words[:n])) if p.feature != "city"]
            if areas:
                return areas
        return []


def _named_after(admin: Place, town: Place) -> bool:
    """A province or district named after a town inside it (Mosul district, Kandahar province)."""
    if admin.country_code != town.country_code or _bare(admin.name) != fold(town.name):
        return False
    inside = fold(admin.name) in (fold(town.admin1), fold(town.admin2))
    return inside or bool(admin.seat and fold(admin.seat[0]) == fold(town.name))


def _bare(name: str) -> str:
    """A place name without its admin word: 'Kandahar District' -> 'kandahar'."""
    words = fold(name).split()
    while len(words) > 1 and words[-1] in ADMIN_WORDS:
        words = words[:-1]
    return " ".join(words)


def _trim(text: str) -> str:
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    return text.strip(" ,.;:'\"()")



def _name_groups(mentions, options, priors) -> dict[str, tuple[list[Place], list[float]]]:
    """One entry per distinct name: its candidates and their priors (the first mention's)."""
    groups = {}
    for m in mentions:
        if options[id(m)]:
            groups.setdefault(fold(m.text), (options[id(m)], priors[id(m)]))
    return groups


def _top(places: list[Place], scores: list[float], n: int) -> tuple[list[Place], list[float]]:
    ranked = sorted(zip(scores, range(len(places))), reverse=True)[:n]
    return [places[i] for _, i in ranked], [s for s, _ in ranked]


def _softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    weights = [math.exp(s - top) for s in scores]
    total = sum(weights)
    return [w / total for w in weights]


def _closeness(a: Place, b: Place) -> float:
    """1 when one place contains the other or they are close, falling to 0 at FAR_KM."""
    if _inside(a, b) or _inside(b, a):
        return 1.0
    if {a.feature, b.feature} & {"country", "region"}:
        return 0.0
    km = _quick_km(a, b)
    if km <= NEAR_KM:
        return 1.0
    return max(0.0, (FAR_KM - km) / (FAR_KM - NEAR_KM))


def _inside(p: Place, area: Place) -> bool:
    """The place lies in that country, province or district."""
    if p.country_code != area.country_code or p is area or p.feature == "country":
        return False
    if area.feature == "country":
        return True
    if area.feature == "admin1":
        return p.feature != "admin1" and _fold(p.admin1) == _fold(area.name)
    if area.feature == "admin2":
        return (p.feature in ("city", "landmark") and _fold(p.admin2) == _fold(area.name)
                and _fold(p.admin1) == _fold(area.admin1))  # district names repeat across provinces
    return False


def _quick_km(a: Place, b: Place) -> float:
    """Equirectangular distance: close enough to the great circle below a few hundred km."""
    mean_lat = math.radians((a.latitude + b.latitude) / 2)
    dx = math.radians(b.longitude - a.longitude) * math.cos(mean_lat)
    dy = math.radians(b.latitude - a.latitude)
    return 6371.0 * math.hypot(dx, dy)


_fold = lru_cache(maxsize=100_000)(fold)


def focus_country(mentions: list[PlaceMention]) -> str:
    """The country most of the document's resolved places are in."""
    votes = Counter(m.place.country_code for m in mentions if m.place is not None and not m.dateline)
    return votes.most_common(1)[0][0] if votes else ""


def event_location(mentions: list[PlaceMention], sentence: int, focus: str = "",
                   root: int | None = None) -> tuple[PlaceMention | None, int | None]:
    """The event's place: the most specific place in its sentence (after its main verb, ``root``,
    when there is one there), else the nearest earlier one.
    A country other than the story's own ("fled to Chad") is not taken as an event's place.

    Returns the mention and ACLED geo_precision (1 town, 2 near a town or a district, 3 province
    or country).
    """
    usable = [m for m in mentions if m.place is not None and not m.demonym and m.place.feature != "region"
              and not (focus and m.place.feature == "country" and m.place.country_code != focus)]
    own = [m for m in usable if m.sentence == sentence and not m.dateline]
    # within the sentence, a place after its main verb is more often where it happened
    # ("Shelling hit a bus in Donetsk") than one before it ("Kyiv said ...")
    after_verb = [m for m in own if root is not None and m.start > root and m.place.feature != "country"]
    pool = after_verb or own or [m for m in usable if m.sentence < sentence and not m.dateline][-3:]
    pool = pool or [m for m in usable if m.dateline]
    if not pool:
        return None, None
    best = min(pool, key=lambda m: (FEATURE_RANK[m.place.feature], -m.sentence if not own else m.start))
    precision = {"city": 1, "landmark": 2, "admin2": 2, "admin1": 3, "country": 3}[best.place.feature]
    if best.near and precision == 1:
        precision = 2
    return best, precision
