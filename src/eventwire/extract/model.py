"""A learned sentence classifier beside the rules: a linear model over words, word pairs and the
rules' own outputs.

Trained by ``eventwire train`` on the team's own snippets (``training/snippets/*.jsonl``), saved
as a small compressed NumPy file in ``eventwire/models/``, and applied with plain NumPy: no
pickle, no scikit-learn at run time. Classes are the 25 ACLED sub-event codes plus five
"no ACLED event" kinds (ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO, ATTRIB).
``ModelClassifier`` mixes in the fine-tuned sentence encoder's probabilities (``encoder.py``)
for the sentences in doubt; ``LinearClassifier`` leaves the encoder out.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..resources import by_code
from .encoder import load_encoder, models_dir
from .events import Classification, RuleClassifier

NONE_CLASSES = ("ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB")
POLITICAL_VIOLENCE = ("Battles", "Explosions/Remote violence", "Violence against civilians")
MODEL_FILE = "event_classifier.npz"
TOKEN = re.compile(r"[a-z][a-z'\-]*|\d+")
NUMBER = re.compile(r"^\d+$")


KNOWN_WORDS_KEPT = 200_000  # LinearModel.text_counts: words whose feature indices are kept
SUFFIXES = ("ings", "ing", "edly", "ed", "es", "s", "ly")


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """A crude suffix stripper: 'clashes', 'clashed', 'clashing' -> 'clash'."""
    for suffix in SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def word_grams(word: str, low: int = 3, high: int = 5) -> tuple[str, ...]:
    """Character 3- to 5-grams of a word padded with spaces."""
    padded = f" {word} "
    return tuple("#" + padded[i: i + n] for n in range(low, high + 1) for i in range(len(padded) - n + 1))


def words_of(text: str) -> list[str]:
    return ["<num>" if NUMBER.match(w) else w for w in TOKEN.findall(text.lower())]


def word_features(word: str) -> tuple[str, ...]:
    """What one word contributes on its own: itself, its stem and its character n-grams
    (for spelling variants)."""
    return (word, "~" + stem(word)) + word_grams(word)


def pair_features(words: list[str]) -> list[str]:
    """Neighbouring words and neighbouring stems."""
    stems = ["~" + stem(w) for w in words]
    return [f"{a} {b}" for a, b in zip(words, words[1:])] + [f"{a} {b}" for a, b in zip(stems, stems[1:])]


def tokens(text: str) -> list[str]:
    words = words_of(text)
    return [f for w in words for f in word_features(w)] + pair_features(words)


def rule_features(text: str, label: Classification | None = None) -> list[str]:
    """The rule classifier's view of the text, as extra tokens."""
    label = label or RuleClassifier().classify(text)
    feats = [f"__rule_{code}" for code in label.matched]
    if label.code:
        feats.append(f"__rulepick_{label.code}")
    if label.reason:
        feats.append(f"__gate_{label.reason}")
    if not label.matched:
        feats.append("__rule_none")
    return feats


def features(text: str, label: Classification | None = None) -> list[str]:
    return tokens(text) + rule_features(text, label)


@dataclass
class LinearModel:
    vocab: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray  # classes x features
    intercept: np.ndarray
    classes: list[str]
    meta: dict
    known_word_features: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)
    by_feature: np.ndarray = field(init=False, repr=False)  # coef transposed: a feature's row is contiguous

    def __post_init__(self):
        self.by_feature = np.ascontiguousarray(self.coef.T)
        self.coef = self.by_feature.T  # one array in memory

    def text_counts(self, text: str, label: Classification) -> dict[int, int]:
        """How often each known feature of ``features(text, label)`` occurs, by feature index;
        each word's own features are looked up once per model and kept."""
        words = words_of(text)
        known = self.known_word_features
        found: list[int] = []
        for w in words:
            idx = known.get(w)
            if idx is None:
                if len(known) >= KNOWN_WORDS_KEPT:
                    known.clear()
                idx = known[w] = tuple(j for f in word_features(w) if (j := self.vocab.get(f)) is not None)
            found.extend(idx)
        found.extend(j for f in pair_features(words) + rule_features(text, label)
                     if (j := self.vocab.get(f)) is not None)
        return Counter(found)

    def probabilities_of(self, counts: dict[int, int]) -> np.ndarray:
        """Class probabilities for a bag of feature counts (tf-idf weighted, L2-normalised)."""
        scores = self.intercept.copy()
        if counts:
            idx = np.fromiter(counts, dtype=np.int64)
            val = (1.0 + np.log(np.fromiter(counts.values(), dtype=float))) * self.idf[idx]
            scores = scores + (val / (np.linalg.norm(val) or 1.0)) @ self.by_feature[idx]
        scores = np.exp(scores - scores.max())
        return scores / scores.sum()

    def save(self, path: Path) -> None:
        words = sorted(self.vocab, key=self.vocab.get)
        np.savez_compressed(path, idf=self.idf.astype(np.float32), coef=self.coef.astype(np.float32),
                            intercept=self.intercept.astype(np.float32),
                            vocab=np.array(json.dumps(words)), classes=np.array(json.dumps(self.classes)),
                            meta=np.array(json.dumps(self.meta)))

    @classmethod
    def load(cls, path: Path) -> "LinearModel":
        data = np.load(path, allow_pickle=False)
        words = json.loads(str(data["vocab"]))
        return cls({w: i for i, w in enumerate(words)}, data["idf"].astype(float), data["coef"].astype(float),
                   data["intercept"].astype(float), json.loads(str(data["classes"])), json.loads(str(data["meta"])))


def model_path() -> Path:
    return models_dir() / MODEL_FILE


@lru_cache(maxsize=None)
def load_model(path: str | None = None) -> LinearModel:
    p = Path(path) if path else model_path()
    if not p.exists():
        raise FileNotFoundError(f"no classifier model at {p}; build it with `eventwire train`")
    return LinearModel.load(p)


class ModelClassifier:
    """The learned models (linear, and the encoder where the package has one), with the rules as
    features. A sentence no rule matches needs a confident model to become an event; the
    models' "no event" kinds map to no event."""

    name = "model"
    max_none = 0.5  # the non-event kinds together at least this probable: no event
    max_none_against_violence = 0.75  # ... but an ungated violent rules pick stands below this
    min_rules_stand = 0.1  # ... when the model gives its event type at least this much
    min_without_rules = 0.8  # P(some ACLED event) needed by a sentence no trigger matched
    min_against_gate = 0.8  # ... and by a sentence the rules gate out (plans, history, crime...)
    matched_boost = 0.5  # a class whose trigger words appear counts (1 + boost) times more
    pick_boost = 1.0  # and the rules' own pick (by ACLED's hierarchy) more again
    window = 1  # classify_all: sentences either side read as context
    context_weight = 0.7  # classify_all: the share of the window in the mixed probabilities
    encoder_weight = 0.3  # the fine-tuned encoder's share in a sentence's own probabilities
    encoder_below = 0.5  # the encoder re-reads the linear model's events below this confidence
    encoder_min_event = 0.8  # ... and its non-events with at least this P(event)

    def __init__(self, path: str | None = None, encoder_path: str | None = None, use_encoder: bool = True):
        self.model = load_model(path)
        self.rules = RuleClassifier()
        self.index = {c: i for i, c in enumerate(self.model.classes)}
        self.none_idx = np.array([i for i, c in enumerate(self.model.classes) if c in NONE_CLASSES])
        self.event_idx = np.array([i for i, c in enumerate(self.model.classes) if c not in NONE_CLASSES])
        types = {by_code()[self.model.classes[i]]["event_type"] for i in self.event_idx}
        self.type_idx = {t: np.array([i for i in self.event_idx if by_code()[self.model.classes[i]]["event_type"] == t])
                         for t in sorted(types)}  # sorted: ties in decide() go the same way every run
        self.encoder = load_encoder(encoder_path) if use_encoder else None
        if self.encoder is not None:
            missing = set(self.model.classes) ^ set(self.encoder.classes)
            if missing:
                raise ValueError(f"encoder and linear model were trained on other classes: {sorted(missing)}")
            self.encoder_order = np.array([self.encoder.classes.index(c) for c in self.model.classes])

    def classify(self, text: str) -> Classification:
        return self.classify_all([text])[0]

    def read_alone(self, texts: list[str], ruled: list[Classification],
                   counts: list[dict[int, int]]) -> tuple[list[np.ndarray], list[Classification]]:
        """Each sentence read alone: its probabilities and its label. The probabilities are the
        linear model's, mixed with the encoder's for the sentences in doubt. The encoder, the
        slow part, reads a sentence when the linear model and the rules call it an event with a
        confidence below ``encoder_below``, or call it none while giving an event at least
        ``encoder_min_event``; sentences that plainly report no event, and events the linear
        model is sure of, skip it."""
        own = [self.model.probabilities_of(c) for c in counts]
        alone = [self.decide(p, r) for p, r in zip(own, ruled)]
        if self.encoder is None:
            return own, alone
        wanted = [i for i, (p, label) in enumerate(zip(own, alone)) if self.in_doubt(p, label)]
        read = self.encoder.probabilities([texts[i] for i in wanted])
        for i, probs in zip(wanted, read):
            own[i] = mix(own[i], probs[self.encoder_order], self.encoder_weight)
            alone[i] = self.decide(own[i], ruled[i])
        return own, alone

    def in_doubt(self, probs: np.ndarray, label: Classification) -> bool:
        """``label``: what the linear model and the rules make of the sentence (``decide``)."""
        if label.code:
            return label.confidence < self.encoder_below
        return 1.0 - float(probs[self.none_idx].sum()) >= self.encoder_min_event

    def classify_all(self, texts: list[str]) -> list[Classification]:
        """Labels for consecutive sentences of one text. Each sentence is read with its
        neighbours (``window`` sentences either side) as context: the model's probabilities for
        the sentence and for the window are mixed, ``context_weight`` going to the window, so that
        "The protesters took to the streets..." after "...police shot dead four demonstrators"
        is read as part of the same story. The rules and their gates look at the sentence alone."""
        ruled = [self.rules.classify(t) for t in texts]
        counts = [self.model.text_counts(t, r) for t, r in zip(texts, ruled)]
        owns, alones = self.read_alone(texts, ruled, counts)
        out = []
        for i, r in enumerate(ruled):
            own, alone = owns[i], alones[i]
            lo, hi = max(0, i - self.window), min(len(texts), i + self.window + 1)
            if hi - lo == 1 or self.context_weight <= 0 or (alone.code is None and not r.matched):
                out.append(alone)  # context re-reads a candidate event; it never makes one
                continue
            window: Counter[int] = Counter()
            for c in counts[lo:hi]:
                window.update(c)
            probs = mix(own, self.model.probabilities_of(window), self.context_weight)
            out.append(self.in_context(alone, self.decide(probs, r)))
        return out

    @staticmethod
    def in_context(alone: Classification, read: Classification) -> Classification:
        """The context's reading, unless it moves a sentence that reads as an event of its own
        into another kind of disorder ("Students march ..." after a bombing stays a protest;
        "The demonstrators had gathered ..." after police fire on a crowd may become excessive
        force, both being demonstrations)."""
        if alone.code and read.code and not disorders(alone.code) & disorders(read.code):
            return alone
        return read

    def decide(self, probs: np.ndarray, ruled: Classification) -> Classification:
        """The label from the model's probabilities, weighted by the rules and their gates.

        Whether there is an event at all is read from the total probability of the 25 ACLED
        classes against the five non-event kinds; which event type, from the total probability
        of each type's classes; which sub-event, from the most probable class of that type.
        """
        probs = self.with_rules(probs, ruled)
        p_none = float(probs[self.none_idx].sum())
        if p_none >= self.max_none and self.rules_stand(ruled, p_none, probs):
            return Classification(ruled.code, round(float(probs[self.index[ruled.code]]), 3), ruled.matched)
        if p_none >= self.max_none:
            kind = self.model.classes[self.none_idx[int(probs[self.none_idx].argmax())]]
            return Classification(None, round(p_none, 3), ruled.matched, reason=kind.lower())
        p_event = 1.0 - p_none
        if ruled.reason and p_event < self.min_against_gate:
            return Classification(None, round(p_event, 3), ruled.matched, reason=ruled.reason)
        if not ruled.matched and p_event < self.min_without_rules:
            return Classification(None, round(p_event, 3), ruled.matched, reason="no trigger")
        of_type = max(self.type_idx.values(), key=lambda idx: float(probs[idx].sum()))
        best = of_type[int(probs[of_type].argmax())]
        if self.model.classes[best] in ruled.beats:
            best = self.index[ruled.code]  # the codebook's override stands: rioters clashing are no battle
        return Classification(self.model.classes[best], round(float(probs[best]), 3), ruled.matched)

    def rules_stand(self, ruled: Classification, p_none: float, probs: np.ndarray) -> bool:
        """An ungated rules pick of political violence (a battle, an explosion, an attack on
        civilians) stands unless the model is fairly sure the sentence reports no event
        ("Iraq bombings kill 34 people" in headline style, which the model reads as a report)."""
        violent = ruled.event_type in POLITICAL_VIOLENCE and ruled.code in self.index
        return (violent and not ruled.reason and p_none < self.max_none_against_violence
                and float(probs[self.type_idx[ruled.event_type]].sum()) >= self.min_rules_stand)

    def with_rules(self, probs: np.ndarray, ruled: Classification) -> np.ndarray:
        """The model's probabilities weighted by what the rules found, renormalised."""
        weights = np.ones_like(probs)
        for code in ruled.matched:
            if code in self.index:
                weights[self.index[code]] += self.matched_boost
        if ruled.code in self.index:
            weights[self.index[ruled.code]] += self.pick_boost
        out = probs * weights
        return out / out.sum()


class LinearClassifier(ModelClassifier):
    """The rules and the linear model without the encoder: faster, less accurate."""

    name = "linear"

    def __init__(self, path: str | None = None):
        super().__init__(path, use_encoder=False)


def disorders(code: str) -> set[str]:
    """ACLED's disorder types of a sub-event code: {"Political violence", "Demonstrations"}."""
    return {d.strip() for d in by_code()[code]["disorder_type"].split(";")}


def mix(own: np.ndarray, context: np.ndarray, weight: float) -> np.ndarray:
    """A weighted geometric mean of two probability vectors, renormalised."""
    logs = (1 - weight) * np.log(own + 1e-12) + weight * np.log(context + 1e-12)
    out = np.exp(logs - logs.max())
    return out / out.sum()


# ---- training --------------------------------------------------------------------------------
def read_snippets(paths: list[Path]) -> list[tuple[str, str]]:
    rows = []
    for path in paths:
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        for f in files:
            for line in f.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    r = json.loads(line)
                    rows.append((r["text"], r["label"]))
    return rows


def training_digest(rows: list[tuple[str, str]]) -> str:
    """A short hash of the labelled snippets, stored in each model trained on them."""
    return hashlib.sha256("\n".join(f"{lab}\t{t}" for t, lab in rows).encode()).hexdigest()[:16]


LABELS_FILE = Path("training/labelled/conflibert.tsv")  # the team's labels for ConfliBERT's training splits
LABEL_COLUMNS = ["source", "line", "text_sha256", "label"]


class LabelsError(ValueError):
    """The labelled real texts cannot be read: a missing or changed file, a malformed line."""


def text_digest(text: str) -> str:
    """How a labelled text is identified: the first 12 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def file_digest(path: Path) -> str:
    """A short hash of a text file, the same with Windows or Unix line ends."""
    return hashlib.sha256(path.read_bytes().replace(b"\r\n", b"\n")).hexdigest()[:16]


def read_labelled(labels: Path, data_dir: Path) -> list[tuple[str, str]]:
    """Real news texts from a public data set, with the team's labels. ``labels`` is a TSV with
    the columns LABEL_COLUMNS that names lines of files under ``data_dir`` (1-based) and holds no
    text: the text is the first tab-separated field of that line, stripped, and must match its
    hash (:func:`text_digest`)."""
    if not labels.is_file():
        raise LabelsError(f"no {labels} here: run from the repository root")
    lines = labels.read_text(encoding="utf-8-sig").splitlines()
    header = [h.strip() for h in lines[0].split("\t")] if lines else []
    if header != LABEL_COLUMNS:
        raise LabelsError(f"{labels}: expected the columns {', '.join(LABEL_COLUMNS)}, found {', '.join(header) or 'nothing'}")
    files: dict[str, list[str]] = {}
    rows = []
    for n, line in enumerate(lines[1:], 2):
        if line.strip():
            where = f"{labels} line {n}"
            source, number, digest, label = _label_fields(where, line)
            if source not in files:
                files[source] = _data_lines(data_dir / source, where)
            rows.append((_labelled_text(files[source], number, digest, f"{where}: {source}"), label))
    if not rows:
        raise LabelsError(f"{labels}: no labelled rows")
    return rows


def _label_fields(where: str, line: str) -> tuple[str, int, str, str]:
    fields = [f.strip() for f in line.split("\t")]
    if len(fields) != len(LABEL_COLUMNS) or not fields[1].isdigit() or int(fields[1]) < 1:
        raise LabelsError(f"{where}: expected {len(LABEL_COLUMNS)} tab-separated fields with a line number from 1, "
                         f"found {line!r}")
    if fields[3] not in by_code() and fields[3] not in NONE_CLASSES:
        raise LabelsError(f"{where}: unknown label {fields[3]!r}")
    return fields[0], int(fields[1]), fields[2], fields[3]


def _data_lines(path: Path, where: str) -> list[str]:
    if not path.is_file():
        raise LabelsError(f"{where}: no {path} (give the folder of the ConfliBERT data sets)")
    return path.read_text(encoding="utf-8").splitlines()


def _labelled_text(lines: list[str], number: int, digest: str, where: str) -> str:
    if number > len(lines):
        raise LabelsError(f"{where} has {len(lines)} lines, not {number}")
    text = lines[number - 1].split("\t")[0].strip()
    if text_digest(text) != digest:
        raise LabelsError(f"{where} line {number} is not the text that was labelled (has the file changed?)")
    return text


def training_rows(paths: list[Path], conflibert_dir: Path | None = None,
                  labels: Path = LABELS_FILE) -> tuple[list[tuple[str, str]], dict]:
    """The team's snippets, and with ``conflibert_dir`` (the folder of the ConfliBERT data sets)
    the real texts labelled in ``labels``; and the metadata that identifies them."""
    own = read_snippets(paths)
    meta = {"snippets": len(own), "training_sha256": training_digest(own), "sources": [str(p) for p in paths]}
    if conflibert_dir is None:
        return own, meta
    real = read_labelled(labels, conflibert_dir)
    meta |= {"labelled": str(labels), "labelled_rows": len(real), "labelled_sha256": file_digest(labels)}
    return own + real, meta


def train(paths: list[Path], out: Path, c: float = 8.0, min_df: int = 3, seed: int = 0,
          conflibert_dir: Path | None = None) -> dict:
    """Fit the model on labelled snippets (with ``conflibert_dir``, also on the labelled real
    texts: :func:`training_rows`) and write it to ``out``. Returns the model's metadata."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, data_meta = training_rows(paths, conflibert_dir)
    texts, labels = [t for t, _ in rows], [lab for _, lab in rows]
    vectorizer = TfidfVectorizer(analyzer=features, min_df=min_df, sublinear_tf=True)
    x = vectorizer.fit_transform(texts)
    clf = LogisticRegression(C=c, max_iter=3000, random_state=seed)
    clf.fit(x, labels)
    meta = {"version": 1, **data_meta, "features": x.shape[1], "C": c, "min_df": min_df,
            "counts": {lab: labels.count(lab) for lab in sorted(set(labels))}}
    vocab = {w: int(i) for w, i in vectorizer.vocabulary_.items()}
    model = LinearModel(vocab, vectorizer.idf_, clf.coef_, clf.intercept_, list(clf.classes_), meta)
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(out)
    load_model.cache_clear()
    return meta
