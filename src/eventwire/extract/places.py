"""Places: find toponyms in a document and resolve them through the gazetteer with document context.

Recognition: spaCy's GPE/LOC/FAC entities, plus capitalised names after location cues ("in",
"near", "the town of") or before admin words ("Diyala province") that the gazetteer knows,
which catches towns spaCy labels PERSON or ORG. Nationality words (NORP: "Iraqi") are kept as
demonyms: they vote for the document's country but are never an event's location.

Resolution scores each candidate by name match, population, feature type, the document's country
focus, a national capital's bonus and a state or country named right after it ("Paris, Texas"),
then adds spatial coherence with the document's other names (near it, inside it, or containing it).
A name the gazetteer lacks is retried as the name it is built on ("Hamilton Township", "Neches
River", "South Los Angeles", "Ohioans"): see PlaceFinder._fallback.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.tokens import Span

from ..gazetteer import Gazetteer
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
# ACLED's "(district, province)" after a place name
ADMIN_BRACKET = re.compile(r"\s*\(\s*(?P<admin2>[^(),]+?)\s*,\s*(?P<admin1>[^(),]+?)\s*\)")
# spelled out at the start or end of a name (its candidates are added to the abbreviated name's)
ABBREVIATIONS = {"co": "county", "twp": "township", "mt": "mount", "ft": "fort", "pt": "point",
                 "n": "north", "s": "south", "e": "east", "w": "west"}
# lower-case words inside a place name: "Ras al Ain", "Mazar-i-Sharif", "Dera Ismail Khan"
JOINERS = ("al", "el", "ad", "as", "ar", "an", "de", "-", "i", "e")
PART_OF = re.compile(r"(?:north|south|east|west|northern|southern|eastern|western|central|upper|lower|"
                     r"greater|downtown|metro|metropolitan|suburban|uptown|midtown|(?:north|south)(?:east|west)(?:ern)?|"
                     r"shiite|shia|sunni|christian|kurdish|muslim) "
                     r"(?P<name>.+)")
# an event or a site named after its place: "the Hilla attack", "a Diyala massacre", "the Bayji
# refinery", "Mosul towns"
EVENT_NOUNS = {"attack", "attacks", "bombing", "bombings", "blast", "blasts", "massacre", "battle", "offensive",
               "assault", "siege", "clashes", "raid", "raids", "explosion", "explosions", "shelling", "ambush",
               "refinery", "prison", "airport", "dam", "base", "checkpoint", "towns", "villages", "districts",
               "suburbs", "neighbourhoods", "neighborhoods"}
# "the Afghan capital", "Somalia's capital": the country's capital city (folded: "somalias capital")
CAPITAL_NAME = re.compile(r"(?P<name>.+) capital")
# a part of a place, between a cue and the name: "in central Sinjar", "in eastern Ramadi"
PART_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
              "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
              "southeastern", "southwestern", "downtown", "rural"}
GENERIC_WORDS = {"north", "south", "east", "west", "central", "new", "old", "upper", "lower", "great", "little",
                 "big", "the", "grand", "long", "high", "red", "green", "white", "black", "blue", "state", "national"}
# a name the gazetteer does not know -> the name it is built on, and how the place relates to it
FALLBACK_NAMES = (
    (re.compile(r"(?:town|city|village|township|borough|municipality) of (?P<name>.+)"), ""),
    (re.compile(r"(?P<name>.+) (?:township|borough|village|town|city|charter township)"), ""),
    (re.compile(r"(?P<name>.+) (?:river|creek|lake|reservoir|bay|harbou?r|sound|valley|canyon|island|islands|"
                r"mountain|mountains|hills?|national park|state park|county park|park|national forest|"
                r"forest|airport|beach|dam)"), "near"),
    (re.compile(r"(?:lake|mount|river|port of) (?P<name>.+)"), "near"),
    (PART_OF, "near"),
)
# demonym endings -> the endings of the place's name ("ontarian" -> "ontario", "texan" -> "texas")
DEMONYM_SUFFIXES = (
    ("ian", ("ia", "io", "", "y", "e", "a")),
    ("ite", ("",)),
    ("an", ("a", "", "as", "o")),
    ("er", ("",)),
    ("i", ("",)),
    ("", ("ia",)),
)
POSSESSIVE = ("'s", "\u2019s")
BIG_TOWN = 100_000  # known by an alternate name inside a longer name ("Falluja city")
SMALL_TOWN = 10_000  # a town's country vote is halved below this
CAPITAL_MIN_POPULATION = 50_000  # not the small towns that share a capital's name
NEAR_KM, FAR_KM = 40.0, 250.0  # closeness: full up to NEAR_KM, none beyond FAR_KM
NEIGHBOUR_CLOSENESS = 0.5  # between a country and a place in a country bordering it
FEATURE_RANK = {"city": 0, "landmark": 1, "admin2": 1, "admin1": 2, "country": 3, "region": 4}
STOP = {"the", "a", "an", "mr", "mrs", "president", "minister", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
        "june", "july", "august", "september", "october", "november", "december", "god", "allah",
        "police", "army", "state", "islamic", "reuters", "afp", "ap", "said", "government", "un", "eu",
        "sunni", "sunnis", "shiite", "shiites", "shia", "shiah", "alawite", "alawites"}  # sects, not towns

# a destination or the place where something was said is not where the event happened
ELSEWHERE = re.compile(r"\b(?:towards?|leading to|heading (?:to|for|towards?)|bound for|en route to|fled (?:to|into)|on (?:its|their|his|her) way to"
                       r"|(?:told|telling|briefed) (?:reporters|journalists|a news conference|a press conference|parliament|AFP|Reuters)"
                       r"(?: \w+)? (?:in|at)|(?:said|speaking) (?:in|at)|(?:brigade|militia|group|fighters|gunmen|men|forces|troops|unit|members|youths) (?:based )?from)\s*(?:the\s+(?:[a-z-]+\s+){0,3}(?:town|village|city|capital)\s+(?:of\s+)?)?$", re.I)


class PlaceFinder:
    # weights of the resolution score (see _prior and resolve)
    population_weight = 0.5  # per power of ten of the population
    # a region (continent, "Middle East") is in no country, so it never gains the country focus;
    # a country's bonus comes on top of its population (GeoNames), a big country's prior is higher
    feature_bonus = {"region": 9.0, "country": 2.0, "admin1": 0.5, "admin2": 0.3, "city": 0.0, "landmark": -0.5}
    main_name_bonus = 2.0  # the name is the place's main name, not an alternate one
    capital_bonus = 1.5  # a national capital ("Washington" is more often the city than the state)
    focus_weight = 4.0  # times the share of the document's country votes
    qualifier_weight = 8.0  # lies in the state or country named right after it ("Paris, Texas")
    coherence_weight = 6.0  # times the share of the other names near or around it
    coherence_rounds = 3
    ambiguous_vote = 0.5  # an ambiguous name's country vote, shared among its candidates' countries
    max_context_candidates = 12  # per name, the likeliest ones taken as context for the others

    def __init__(self, gazetteer: Gazetteer):
        self.gaz = gazetteer
        self.demonyms = demonym_table()
        self._option_cache: dict[tuple, _Options] = {}  # (name, demonym, admin word after) -> candidates
        self._key_ids: dict[str, int] = {}  # folded names -> numbers, for the vectorised coherence
        self._uids: dict[int, int] = {}
        self._neighbours: np.ndarray | None = None

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
        text_all = doc_text(doc)
        for (start, end), span in sorted(spans.items()):
            text = _trim(span.text)
            if not text or fold(text) in STOP:
                continue
            m = PlaceMention(text=text, start=span.start_char, end=span.start_char + len(span.text),
                             sentence=bisect_right(starts, span.start) - 1)
            m.demonym = getattr(span, "label_", "") == "NORP" or (fold(text) in self.demonyms and fold(text) != fold(self.demonyms[fold(text)]))
            before = text_all[max(0, span.start_char - 60): span.start_char]
            m.near = bool(NEAR.search(before))
            m.elsewhere = bool(ELSEWHERE.search(before))
            mentions.append(m)
        return mentions

    def _from_entity(self, doc, ent):
        """The place spans a spaCy entity gives: GPE and LOC as they are; FAC when the gazetteer
        knows it; NORP when it is a nationality or names a province or big city ("Ohioans"); a PERSON or ORG that is a known town in a place
        context ("in Gainesville", "Gainesville police", "Athens, Ga."); a known town that opens
        an institution's name ("Dublin City Council")."""
        ent = self._with_capital(doc, _before_source(ent))
        label = ent.label_
        if label in ("GPE", "LOC"):
            ent = _before_bracket(doc, ent)
            yield self._longer_name(doc, self._hyphenated(doc, ent))
        elif label == "FAC" and self.gaz.candidates(_trim(ent.text)):
            yield ent
        elif label == "NORP" and (fold(ent.text) in self.demonyms or self._demonym_candidates(fold(ent.text))):
            yield ent
        elif label in ("PERSON", "ORG"):
            if self._known_town(ent.text) and self._place_context(doc, ent.start, ent.end):
                yield ent
            elif label == "ORG":
                for k in (2, 1):
                    if len(ent) > k and ent[k].lower_ in INSTITUTIONS and self._known_town(ent[:k].text):
                        yield ent[:k]
                        break

    def _with_capital(self, doc, ent):
        """A country or its demonym and the word "capital" after it name the capital city: "the
        Afghan capital", "Somalia's capital"."""
        k = ent.end
        if k < len(doc) and doc[k].lower_ in POSSESSIVE:
            k += 1
        if k < len(doc) and doc[k].lower_ == "capital" and fold(ent.text) in self.demonyms:
            return Span(doc, ent.start, k + 1, label="GPE")
        return ent

    def _hyphenated(self, doc, ent):
        """An entity cut at a hyphen of a longer name the gazetteer knows: "Mazar" of
        "Mazar-i-Sharif"."""
        end = ent.end
        while end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].is_alpha and end - ent.end < 4:
            end += 2
        if end > ent.end and self.gaz.candidates(doc[ent.start:end].text):
            return doc[ent.start:end]
        return ent

    def _longer_name(self, doc, ent):
        """An entity that leaves out the next word of a longer name the gazetteer knows:
        "Fada" of "Fada N'gourma"."""
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha is False and "'" in nxt.text:
            if self.gaz.candidates(doc[ent.start:ent.end + 1].text):
                return doc[ent.start:ent.end + 1]
        return ent

    def _dateline_place(self, doc):
        """The town of a dateline ("GAINESVILLE -", "KABUL, May 3 (Agency) -"), if the gazetteer knows it."""
        from .dateline import dateline_span

        text = doc_text(doc)
        found = dateline_span(text)
        if not found:
            return
        head = text[found[0]:found[1]].split(",")[0].split("(")[0].strip(" -\u2013\u2014:")
        span = doc.char_span(found[0], found[0] + len(head), alignment_mode="expand")
        if span is not None and self._known_town(span.text):
            yield span

    def _known_town(self, text: str, big: bool = False) -> bool:
        """A town known by this main name (1,000 people or more), or a province or district; with
        ``big``, also a big town known by it as an alternate name ("Hilla")."""
        return any((main or big and p.population >= BIG_TOWN) and (p.population >= 1000 or p.feature != "city")
                   for p, main in self.gaz.candidates(_trim(text)))

    @staticmethod
    def _place_context(doc, start: int, end: int) -> bool:
        prev = word_before(doc, start)
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
                while j < n and (doc[j].is_title or doc[j].lower_ in JOINERS) and j - i < 6:
                    j += 1
                while j > i and not doc[j - 1].is_title:
                    j -= 1
                if j > i:
                    prev = word_before(doc, i)
                    nxt = doc[j].lower_ if j < n else ""
                    cued = prev in CUES or prev in PLACE_NOUNS or nxt in ADMIN_WORDS or nxt in PLACE_NOUNS \
                        or self._after_country_possessive(doc, i, doc[i:j].text) or _admin_bracket(doc, j)
                    if cued and i > 0 and not (doc[i].is_sent_start) and self.gaz.candidates(doc[i:j].text):
                        yield doc[i:j]
                    elif nxt in EVENT_NOUNS and self._known_town(doc[i:j].text, big=True):
                        yield doc[i:j]  # "the Hilla attack", "a Diyala massacre"
                    elif cued and self.gaz.candidates(doc[i:j].text) and prev in CUES:
                        yield doc[i:j]
                i = max(j, i + 1)
            else:
                i += 1

    def _after_country_possessive(self, doc, i: int, name: str) -> bool:
        """A town of that country named after its possessive, as headlines write: "Iraq's Sinjar"."""
        if i < 2 or doc[i - 1].lower_ not in POSSESSIVE:
            return False
        country = self.demonyms.get(fold(doc[i - 2].text), "")
        if not country or fold(country) != fold(doc[i - 2].text):
            return False
        return any(p.country == country for p, _main in self.gaz.candidates(_trim(name)))

    # ---- resolution --------------------------------------------------------------------
    def resolve(self, doc, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """Fill ``mention.place`` for each mention, using the whole document as context.

        Each candidate gets a prior (population, feature type, name match, the document's country
        focus, a state or country named right after it: "Paris, Texas"). Then, a few times over,
        each candidate gains from the document's other names that have a likely candidate near
        it or containing it (spatial coherence: "Paris" next to "Sherman" and "Denison" is in
        Texas). Mentions with the same name share their candidates' coherence.
        """
        following = {id(m): text_after(doc, m.end) for m in mentions}
        options = {id(m): self._options(following[id(m)], m) for m in mentions}
        for m in mentions:
            how = options[id(m)].how
            m.near = m.near or how == "near"
            m.demonym = m.demonym or how == "demonym"
        focus = self._country_focus(mentions, options)
        total = sum(focus.values()) or 1.0
        priors, qualified = {}, {}
        for m in mentions:
            opts = options[id(m)]
            if not opts.places:
                continue
            prior = opts.base + self.focus_weight / total * np.array([focus.get(c, 0) for c in opts.codes])
            qualifiers = qualified[id(m)] = self._qualifiers(following[id(m)], m)
            if qualifiers:
                prior = prior + self.qualifier_weight * np.array(
                    [any(_inside(p, q) for q in qualifiers) for p in opts.places])
            priors[id(m)] = prior
        groups: dict[str, tuple[_Options, np.ndarray]] = {}
        for m in mentions:
            if id(m) in priors:
                groups.setdefault(_fold(m.text), (options[id(m)], priors[id(m)]))
        support = self._coherence(list(groups.values()))
        for m in mentions:
            if id(m) not in priors:
                continue
            opts, score = options[id(m)], priors[id(m)]
            key = _fold(m.text)
            if key in support:
                own, near = groups[key][0], support[key]
                if own is opts:
                    score = score + self.coherence_weight * near
                else:  # the same name with other candidates ("Boone" and "Boone County" aside)
                    at = {id(p): v for p, v in zip(own.places, near)}
                    score = score + self.coherence_weight * np.array([at.get(id(p), 0.0) for p in opts.places])
            best = int(np.argmax(score))
            place = opts.places[best]
            named_in = any(_inside(place, q) for q in qualified.get(id(m), []))
            if named_in or not self._off_focus(place, focus, total):
                m.score, m.place = float(score[best]), place
        return mentions

    def _capital_of(self, key: str) -> list[tuple[Place, bool]]:
        """"afghan capital", "somalias capital": the country's capital city."""
        found = CAPITAL_NAME.fullmatch(key)
        name = found.group("name") if found else ""
        country_name = self.demonyms.get(name) or self.demonyms.get(name.removesuffix("s"), "")
        code = self._country_code(country_name) if country_name else None
        country = self.gaz.countries.get(code) if code else None
        if not (country and country.capital):
            return []
        towns = [(p, main) for p, main in self.gaz.candidates(country.capital)
                 if p.feature == "city" and p.country_code == code]
        return sorted(towns, key=lambda pm: -pm[0].population)[:1]

    def _coherence(self, groups: list[tuple[_Options, np.ndarray]]) -> dict[str, np.ndarray]:
        """For each name, per candidate: how much of the document's other names lie near or
        around that candidate, each name weighted by how likely its nearby candidate is.
        Iterated so that two ambiguous names can settle each other.

        Vectorised: one closeness matrix between all the names' candidates (rows) and the
        likeliest ``max_context_candidates`` of each name (columns)."""
        n_groups = len(groups)
        if n_groups < 2:
            return {}
        rows = np.concatenate([o.vec for o, _ in groups])
        prior_rows = np.concatenate([prior for _, prior in groups])
        sizes = [len(o.places) for o, _ in groups]
        row_starts = np.cumsum([0, *sizes[:-1]])
        row_group = np.repeat(np.arange(n_groups), sizes)
        cols = []
        for start, (_o, prior) in zip(row_starts, groups):
            n = len(prior)
            if n <= self.max_context_candidates:
                cols.append(np.arange(start, start + n))
            else:  # the likeliest (ties: the later one)
                cols.append(start + n - 1 - np.argsort(-prior[::-1], kind="stable")[: self.max_context_candidates])
        col_sizes = [len(c) for c in cols]
        col_starts = np.cumsum([0, *col_sizes[:-1]])
        cols = np.concatenate(cols)
        close = _closeness_matrix(rows, rows[cols], self._neighbour_codes())
        own = row_group[:, None] == np.arange(n_groups)[None, :]
        support = np.zeros(len(prior_rows))
        for _ in range(self.coherence_rounds):
            logits = prior_rows[cols] + self.coherence_weight * support[cols]
            logits = logits - np.repeat(np.maximum.reduceat(logits, col_starts), col_sizes)
            weights = np.exp(logits)
            probs = weights / np.repeat(np.add.reduceat(weights, col_starts), col_sizes)
            best = np.maximum.reduceat(close * probs[None, :], col_starts, axis=1)  # rows x names
            best[own] = 0.0
            support = best.sum(axis=1) / (n_groups - 1)
        keys = [o.key for o, _ in groups]
        return {k: support[s: s + n] for k, s, n in zip(keys, row_starts, sizes)}

    @staticmethod
    def _off_focus(p: Place, focus: Counter, total: float) -> bool:
        """A small place abroad in a story clearly about one country is a false match."""
        if not focus or p.feature in ("country", "region"):
            return False
        top, weight = focus.most_common(1)[0]
        return (p.country_code != top and weight / total > 0.6 and focus.get(p.country_code, 0) / total < 0.2
                and p.population < 500_000)

    def _options(self, following: str, m: PlaceMention) -> _Options:
        """The mention's candidates with their document-independent prior, cached per name
        (and the admin word after it: "Diyala province")."""
        after = following[:20].lower().split()
        key = (_fold(m.text), m.demonym, after[0] if after and after[0] in ADMIN_WORDS else None)
        found = self._option_cache.get(key)
        if found is None:
            if len(self._option_cache) > 100_000:
                self._option_cache.clear()
            places, main, how = self._candidates(m.text, m.demonym, key[2])
            base = np.array([self._base_prior(key[0], p, is_main) for p, is_main in zip(places, main)])
            found = self._option_cache[key] = _Options(key[0], tuple(places), base, self._vectors(places),
                                                       tuple(p.country_code for p in places), how)
        return found

    def _candidates(self, text: str, demonym: bool, next_word: str | None) -> tuple[list[Place], list[bool], str]:
        """Candidates for a name (and whether each matched on its main name), and how they were
        found when the name itself is not in the gazetteer: "" (it is), "near" (a river, lake,
        park or part of a place: "Neches River", "South Los Angeles") or "demonym" ("Ohioans")."""
        if demonym:
            name = self.demonyms.get(fold(text))
            code = self._country_code(name) if name else None
            place = self.gaz.country_place(code) if code else None
            if place:
                return [place], [True], ""
            found = self._demonym_candidates(fold(text))
            return [p for p, _ in found], [main for _, main in found], "demonym" if found else ""
        found = self._capital_of(fold(text)) or self._direct(text, next_word)
        how = ""
        spelled = _spell_out(fold(text))
        if found and spelled != fold(text):  # "Mt. Pleasant" is also "Mount Pleasant"
            seen = {id(p) for p, _ in found}
            found = found + [(p, main) for p, main in self._direct(spelled, next_word) if id(p) not in seen]
        if not found:
            found, how = self._fallback(fold(text), next_word)
        return [p for p, _ in found], [main for _, main in found], how

    def _direct(self, text: str, next_word: str | None) -> list[tuple[Place, bool]]:
        want_admin = next_word
        words = fold(text).split()
        if words and words[-1] in ADMIN_WORDS:
            want_admin = words[-1]
            text = " ".join(words[:-1])
        found = self.gaz.candidates(text)
        if not found and fold(text).startswith(("al ", "el ", "the ")):
            found = self.gaz.candidates(fold(text).split(" ", 1)[1])
        if want_admin:  # "Guernsey County" is a county, not the country of Guernsey
            admin = [(p, main) for p, main in found if p.feature in ("admin1", "admin2")]
            admin = admin or [(p, main) for p, main in found if p.feature != "city"]
            return admin or found
        # a province or district often takes its name from its main town: without "province"
        # or "district" after it, the name is the town's
        towns = [p for p, _main in found if p.feature == "city"]
        return [(p, main) for p, main in found
                if p.feature == "city" or not any(_named_after(p, t) for t in towns)]

    def _fallback(self, key: str, next_word: str | None) -> tuple[list[tuple[Place, bool]], str]:
        """Candidates for a name the gazetteer does not know, from a name it knows: abbreviations
        spelled out ("Loudon Co.", "W. Columbia"), a township or "Town of" the town's name, a
        river, lake, park or mountain the place it is named after ("near"), a part of a place
        ("South Los Angeles": near), a demonym its place ("Ohioans", "Londoner")."""
        words = key.split()
        spelled = _spell_out(key).split()
        if spelled != words:
            found = self._direct(" ".join(spelled), next_word)
            if found:
                return found, ""
            words = spelled
        if len(words) > 1:
            for pattern, how in FALLBACK_NAMES:
                found = pattern.fullmatch(" ".join(words))
                if not found:
                    continue
                name = found.group("name")
                if name in GENERIC_WORDS:
                    continue
                # an alternate name is enough for a big town ("Falluja city", "west Falluja")
                big = how == "" or pattern is PART_OF
                base = [(p, main) for p, main in self._direct(name, None)
                        if main or big and p.population >= BIG_TOWN]
                if pattern is PART_OF:  # only a sizeable place has parts worth naming
                    base = [(p, main) for p, main in base if p.feature != "city" or p.population >= 100_000]
                elif how == "near":  # a lake or river named after a province is not at its middle
                    base = [(p, main) for p, main in base if p.feature in ("city", "admin2")]
                if base:
                    return base, how
        found = self._demonym_candidates(key)
        return found, "demonym" if found else ""

    def _demonym_candidates(self, key: str) -> list[tuple[Place, bool]]:
        """The place a demonym names ("Ohioans" -> Ohio, "Ontarians" -> Ontario, "Texan" -> Texas,
        "Parisians" -> Paris): a country, province or world region, or a city of 100,000+."""
        words = key.split()
        if not words:
            return []
        last = words[-1]
        if last.endswith("s") and not last.endswith("ss"):
            last = last[:-1]
        for suffix, endings in DEMONYM_SUFFIXES:
            if not last.endswith(suffix) or len(last) - len(suffix) < 3 or not suffix and last.endswith("an"):
                continue  # (a bare "-ia" is for "Abkhaz": "Roman" is not "Romania")
            stem = last[: len(last) - len(suffix)]
            for ending in endings:
                name = " ".join([*words[:-1], stem + ending])
                found = [(p, main) for p, main in self.gaz.candidates(name)
                         if p.feature in ("country", "admin1", "region")
                         or main and p.feature == "city" and p.population >= 100_000]
                if found:
                    return found
        return []

    def _base_prior(self, name: str, p: Place, main: bool) -> float:
        """The candidate's prior before the document: population, feature type, name match, capital."""
        score = self.population_weight * math.log10(p.population + 10)
        score += self.feature_bonus[p.feature]
        if main or name == fold(p.name):
            score += self.main_name_bonus
        if self._is_capital(p):
            score += self.capital_bonus
        return score

    def _vectors(self, places: list[Place]) -> np.ndarray:
        key = self._key_ids

        def kid(text: str) -> int:
            return key.setdefault(_fold(text), len(key)) if text else -1
        return np.array([(p.latitude, p.longitude, kid(p.country_code), FEATURE_CODE[p.feature], kid(p.name),
                          kid(p.admin1), kid(p.admin2), self._uid(p)) for p in places], dtype=float).reshape(-1, 8)

    def _neighbour_codes(self) -> np.ndarray:
        """Sorted pair codes of bordering countries (both ways), in the numbering of _vectors."""
        if self._neighbours is None:
            key = self._key_ids
            pairs = []
            for code, c in self.gaz.countries.items():
                for other in c.neighbours:
                    x, y = key.setdefault(_fold(code), len(key)), key.setdefault(_fold(other), len(key))
                    pairs += [_pair_codes(x, y), _pair_codes(y, x)]
            self._neighbours = np.unique(np.array(pairs, dtype=float))
        return self._neighbours

    def _uid(self, p: Place) -> int:
        """A number per place object (the same place reached by two names counts as one)."""
        return self._uids.setdefault(id(p), len(self._uids))

    def _country_code(self, name: str) -> str | None:
        for code, c in self.gaz.countries.items():
            if c.name == name:
                return code
        return None

    def _country_focus(self, mentions, options) -> Counter:
        """Country votes, one per distinct name however often it is repeated: a full vote when
        all of the name's candidates are in one country (half a vote when they are all small
        towns); an ambiguous name's smaller vote is shared among its candidates' countries by
        how likely each candidate is before context (most "Charleston"s are American)."""
        by_name: dict[str, dict[str, float]] = {}
        for m in mentions:
            opts = options[id(m)]
            keep = [i for i, p in enumerate(opts.places) if p.feature != "region"]
            if not keep:
                continue
            cands = [opts.places[i] for i in keep]
            countries = {p.country_code for p in cands}
            if len(countries) == 1:
                small = all(p.feature == "city" and p.population < SMALL_TOWN for p in cands)
                vote = {cands[0].country_code: 0.5 if m.dateline or small else 1.0}
            else:
                mass = _softmax_array(opts.base[keep])
                vote = {}
                for p, w in zip(cands, mass):
                    vote[p.country_code] = vote.get(p.country_code, 0.0) + self.ambiguous_vote * w
            key = _fold(m.text)
            if key not in by_name or sum(vote.values()) > sum(by_name[key].values()):
                by_name[key] = vote
        votes: Counter = Counter()
        for vote in by_name.values():
            for code, weight in vote.items():
                votes[code] += weight
        return votes

    def _is_capital(self, p: Place) -> bool:
        """A national capital: a sizeable town with the name the country table gives as capital."""
        country = self.gaz.countries.get(p.country_code)
        return (p.feature == "city" and p.population >= CAPITAL_MIN_POPULATION and country is not None
                and _fold(p.name) == _fold(country.capital))

    def _qualifiers(self, following: str, m: PlaceMention) -> list[Place]:
        """The state, province or country named right after a place: "Paris, Texas", "Athens, Ga.",
        or the province of ACLED's bracket "Leer (Leer, Unity)"."""
        if m.demonym:
            return []
        bracket = ADMIN_BRACKET.match(following)
        if bracket:
            areas = [p for p, _main in self.gaz.candidates(bracket["admin1"]) if p.feature == "admin1"]
            if areas:
                return areas
        found = QUALIFIER.match(following)
        if not found:
            return []
        words = found.group(1).split()
        for n in range(len(words), 0, -1):
            areas = [p for p, _main in self.gaz.candidates(" ".join(words[:n])) if p.feature != "city"]
            if areas:
                return areas
        return []


def _before_bracket(doc, ent):
    """An entity run on into ACLED's bracket, "Pul-e Khumri (Pul-e Khumri, Baghlan", cut before it."""
    for tok in ent:
        if tok.text == "(" and tok.i > ent.start:
            return doc[ent.start:tok.i]
    return ent


def word_before(doc, i: int) -> str:
    """The word before token i, looking past a word for a part of the place: "in" for
    "in central Sinjar", "near" for "near eastern Ramadi"."""
    k = i - 1
    if k > 0 and doc[k].lower_ in PART_WORDS:
        k -= 1
    return doc[k].lower_ if k >= 0 else ""


def _before_source(span):
    """An entity that runs on into a headline's source tag, cut before it: "Mosul - state TV",
    "Falluja: army" -> "Mosul", "Falluja". A hyphen inside a name ("Salah-al-Din") is no cut."""
    doc = span.doc
    for k in range(span.start + 1, span.end):
        if doc[k].text == ":" or doc[k].text in ("-", "\u2013", "\u2014") and doc[k - 1].whitespace_:
            return Span(doc, span.start, k, label=span.label_)
    return span


def _admin_bracket(doc, j: int) -> bool:
    """ACLED's note style names a place's district and province in brackets after it:
    "Oicha (Beni, Nord-Kivu)"."""
    return j + 3 < len(doc) and doc[j].text == "(" and doc[j + 1].is_title and any(
        t.text == "," for t in doc[j + 2: j + 6])


def _named_after(admin: Place, town: Place) -> bool:
    """A province or district named after a town inside it (Mosul district, Kandahar province):
    the town lies in that very province or district, or is its seat. Not another town of the
    name in another province's district of the name (Lancaster, Pennsylvania is not the
    Lancaster County of Nebraska)."""
    if admin.country_code != town.country_code or _bare(admin.name) != fold(town.name):
        return False
    if admin.feature == "admin1":
        inside = _fold(town.admin1) == _fold(admin.name)
    else:
        inside = _fold(town.admin2) == _fold(admin.name) and _fold(town.admin1) == _fold(admin.admin1)
    seat = admin.seat
    return inside or bool(seat and _fold(seat[0]) == _fold(town.name)
                          and abs(seat[1] - town.latitude) < 0.01 and abs(seat[2] - town.longitude) < 0.01)


def _spell_out(key: str) -> str:
    """A folded name with the abbreviations at its start or end spelled out ("mt pleasant")."""
    words = key.split()
    return " ".join(ABBREVIATIONS.get(w, w) if i in (0, len(words) - 1) else w for i, w in enumerate(words))


def _bare(name: str) -> str:
    """A place name without its admin word: 'Kandahar District' -> 'kandahar'."""
    words = fold(name).split()
    while len(words) > 1 and words[-1] in ADMIN_WORDS:
        words = words[:-1]
    return " ".join(words)


def _trim(text: str) -> str:
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    return text.strip(" ,.;:'\"()")



FEATURE_CODE = {"city": 0, "landmark": 1, "admin2": 2, "admin1": 3, "country": 4, "region": 5}


def doc_text(doc) -> str:
    """The document's text, kept in ``doc.user_data``: spaCy rebuilds ``doc.text`` on every access."""
    text = doc.user_data.get("eventwire.text")
    if text is None:
        text = doc.user_data["eventwire.text"] = doc.text
    return text


AFTER_CHARS = 60  # what resolution reads after a name: an admin word, a state or country


def text_after(doc, end: int) -> str:
    """The AFTER_CHARS characters after character offset ``end``, without rebuilding the whole
    text when it is not at hand."""
    text = doc.user_data.get("eventwire.text")
    if text is not None:
        return text[end: end + AFTER_CHARS]
    starts = doc.user_data.get("eventwire.starts")
    if starts is None:
        starts = doc.user_data["eventwire.starts"] = doc.to_array("IDX").tolist()
    i = max(0, bisect_right(starts, end) - 1)
    window = "".join([t.text_with_ws for t in doc[i: i + 10]])
    return window[max(0, end - starts[i]) if starts else 0:][:AFTER_CHARS]


# the columns of a candidate matrix (see PlaceFinder._vectors): names and codes as numbers, -1 for none
LAT, LON, COUNTRY, FEATURE, NAME, ADMIN1, ADMIN2, UID = range(8)


@dataclass
class _Options:
    """A name's candidates, their document-independent prior and their arrays."""
    key: str
    places: tuple[Place, ...]
    base: np.ndarray
    vec: np.ndarray  # one row per candidate, columns LAT ... UID
    codes: tuple[str, ...]  # country codes
    how: str = ""  # "", "near" or "demonym": see PlaceFinder._candidates


def _softmax_array(scores: np.ndarray) -> np.ndarray:
    weights = np.exp(scores - scores.max())
    return weights / weights.sum()


def _inside_matrix(p: np.ndarray, a: np.ndarray) -> np.ndarray:
    """[i, j]: place i lies in area j (the vectorised :func:`_inside`)."""
    fp, fa = p[:, FEATURE, None], a[None, :, FEATURE]
    same = ((p[:, COUNTRY, None] == a[None, :, COUNTRY]) & (p[:, UID, None] != a[None, :, UID])
            & (fp != FEATURE_CODE["country"]))
    in_country = fa == FEATURE_CODE["country"]
    in_admin1 = (fa == FEATURE_CODE["admin1"]) & (fp != FEATURE_CODE["admin1"]) & (p[:, ADMIN1, None] == a[None, :, NAME])
    in_admin2 = ((fa == FEATURE_CODE["admin2"]) & (fp <= FEATURE_CODE["landmark"])
                 & (p[:, ADMIN2, None] == a[None, :, NAME]) & (p[:, ADMIN1, None] == a[None, :, ADMIN1]))
    return same & (in_country | in_admin1 | in_admin2)


def _closeness_matrix(a: np.ndarray, b: np.ndarray, neighbours: np.ndarray | None = None) -> np.ndarray:
    """[i, j]: 1 when one place contains the other or they are close, falling to 0 at FAR_KM
    (equirectangular distance: close enough to the great circle below a few hundred km);
    NEIGHBOUR_CLOSENESS between a country and a place in a country it borders ("Gaza" next to
    "Israel" and "Egypt"). ``neighbours``: sorted codes of bordering pairs (see _pair_codes)."""
    inside = _inside_matrix(a, b) | _inside_matrix(b, a).T
    country = FEATURE_CODE["country"]
    big = (a[:, FEATURE, None] >= country) | (b[None, :, FEATURE] >= country)
    lat_a, lat_b = np.radians(a[:, LAT, None]), np.radians(b[None, :, LAT])
    dx = np.radians(b[None, :, LON] - a[:, LON, None]) * np.cos((lat_a + lat_b) / 2)
    km = 6371.0 * np.hypot(dx, lat_b - lat_a)
    near = np.clip((FAR_KM - km) / (FAR_KM - NEAR_KM), 0.0, 1.0)
    far = 0.0
    if neighbours is not None and len(neighbours):
        one_country = (a[:, FEATURE, None] == country) != (b[None, :, FEATURE] == country)
        no_region = (a[:, FEATURE, None] != FEATURE_CODE["region"]) & (b[None, :, FEATURE] != FEATURE_CODE["region"])
        bordering = np.isin(_pair_codes(a[:, COUNTRY, None], b[None, :, COUNTRY]), neighbours)
        far = np.where(one_country & no_region & bordering, NEIGHBOUR_CLOSENESS, 0.0)
    return np.where(inside, 1.0, np.where(big, far, near))


def _pair_codes(x, y):
    """One number for a pair of country numbers."""
    return np.asarray(x) * 1_000_003.0 + np.asarray(y)


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
    own = [m for m in usable if m.sentence == sentence and not m.dateline and not m.elsewhere]
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
