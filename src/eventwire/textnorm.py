"""Name normalisation shared by the gazetteer and the actor dictionary."""
from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc\u02bb\u02be\u02bf`´'\u2032]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case, strip diacritics and punctuation: 'Ba\u2018qūbah' -> 'baqubah', 'Al-Qa\u2019im' -> 'al qaim'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text.lower())
    return _NON_WORD.sub(" ", text).strip()


def is_latin(text: str) -> bool:
    """True when the name is written in Latin script (after removing diacritics)."""
    folded = unicodedata.normalize("NFKD", text)
    letters = [ch for ch in folded if ch.isalpha()]
    return bool(letters) and all(ord(ch) < 0x250 for ch in letters)


_DIGRAPHS = [("ph", "f"), ("kh", "k"), ("gh", "g"), ("dh", "d"), ("q", "k"), ("ou", "u"), ("oo", "u"),
             ("ck", "k"), ("j", "dj"), ("ddj", "dj")]


def skeleton(text: str) -> str:
    """A looser key for transliteration variants: 'Shabeelle' and 'Shabelle' -> 'sabele'.

    Used only when no name matches exactly.
    """
    key = fold(text).replace(" ", "")
    for a, b in _DIGRAPHS:
        key = key.replace(a, b)
    key = key.replace("sh", "s").replace("y", "i")
    out = []
    for ch in key:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


# a wire service's slug before a headline: "UPDATE 2-", "WRAPUP 1-", "RPT-", "CORRECTED-(OFFICIAL)-"
WIRE_SLUG = re.compile(r"(?:^|(?<=[.!?]\s))(?:(?:UPDATE|WRAPUP|REFILE|RPT|CORRECTED|CORRECTION|EXCLUSIVE|INSIGHT|"
                       r"ANALYSIS|FACTBOX|TIMELINE|URGENT|FEATURE|INTERVIEW|COLUMN|PREVIEW|\([A-Z]+\))"
                       r"(?:\s+\d+)?\s*-)+(?=\S)")


def mask_wire_slugs(text: str) -> str:
    """The text with wire slugs blanked out by spaces (offsets do not move): "UPDATE 1-Baghdad
    blast ..." reads "Baghdad blast ..." to the parser, not a token "1-Baghdad"."""
    return WIRE_SLUG.sub(lambda m: " " * len(m.group(0)), text)


# a number quoted as a claim, as headlines write: 'air strike kills "70" militants', '"34 rebels" killed'
QUOTED_NUMBER = re.compile(r'"(?=(?:about |some |nearly |over |more than |at least )?(?:\d|dozens\b|scores\b|hundreds\b))'
                           r'([^"\n]{1,40})"', re.I)


def mask_number_quotes(text: str) -> str:
    """The text with the quote marks around a quoted number blanked out (offsets do not move),
    so that the parser reads 'kills "70" militants' as it reads 'kills 70 militants'."""
    return QUOTED_NUMBER.sub(lambda m: " " + m.group(1) + " ", text)


def mask_for_parsing(text: str) -> str:
    """Wire slugs and the quotes around quoted numbers blanked out, offsets unchanged."""
    return mask_number_quotes(mask_wire_slugs(text))
