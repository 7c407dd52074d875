"""The learned classifier: built by `eventwire train`, reproducible from the repository."""
import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from eventwire.extract.events import Classification, RuleClassifier
from eventwire.extract.model import (LABELS_FILE, LabelsError, LinearModel, ModelClassifier, file_digest,
                                    load_model, read_labelled, read_snippets, text_digest, train)

ROOT = Path(__file__).resolve().parents[1]
SNIPPETS = ROOT / "training" / "snippets"


def small_corpus(tmp_path, per_class=12):
    seen, lines = {}, []
    for text, label in read_snippets([SNIPPETS]):
        if seen.get(label, 0) < per_class:
            seen[label] = seen.get(label, 0) + 1
            lines.append(json.dumps({"text": text, "label": label}))
    path = tmp_path / "small.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_training_is_deterministic(tmp_path):
    data = small_corpus(tmp_path)
    a, b = tmp_path / "a.npz", tmp_path / "b.npz"
    train([data], a)
    train([data], b)
    ma, mb = LinearModel.load(a), LinearModel.load(b)
    assert ma.classes == mb.classes and ma.vocab == mb.vocab
    assert np.allclose(ma.coef, mb.coef)


def test_trained_model_predicts_its_training_data(tmp_path):
    data = small_corpus(tmp_path)
    out = tmp_path / "m.npz"
    train([data], out)
    model = ModelClassifier(str(out))
    rows = read_snippets([data])
    right = sum((model.classify(t).code or "NONE") == (lab if lab in model.index and not lab.isupper() or lab not in
                ("ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB") else "NONE")
                for t, lab in rows)
    assert right / len(rows) > 0.8


def test_shipped_model_matches_the_training_data_in_the_repository():
    meta = load_model().meta
    rows = read_snippets([SNIPPETS])
    digest = hashlib.sha256("\n".join(f"{lab}\t{t}" for t, lab in rows).encode()).hexdigest()[:16]
    assert meta["training_sha256"] == digest, "training data changed: run `eventwire train`"
    assert meta.get("labelled_sha256") == file_digest(ROOT / LABELS_FILE), \
        "labels of real texts changed: run `eventwire train --conflibert DIR`"


def labelled_fixture(tmp_path, text="Troops clashed with rebels near the border on Monday."):
    data = tmp_path / "data"
    (data / "set").mkdir(parents=True)
    (data / "set" / "train.tsv").write_text(f"Ministers met in Geneva.\t0\n{text}\t4\n", encoding="utf-8")
    labels = tmp_path / "labels.tsv"
    labels.write_text("source\tline\ttext_sha256\tlabel\n"
                      f"set/train.tsv\t2\t{text_digest(text)}\tARMED_CLASH\n", encoding="utf-8")
    return labels, data


def test_labelled_real_texts_are_read_from_the_data_folder(tmp_path):
    labels, data = labelled_fixture(tmp_path)
    assert read_labelled(labels, data) == [("Troops clashed with rebels near the border on Monday.", "ARMED_CLASH")]


def test_labelled_text_that_changed_is_an_error(tmp_path):
    labels, data = labelled_fixture(tmp_path)
    (data / "set" / "train.tsv").write_text("Ministers met in Geneva.\t0\nSomething else.\t4\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not the text that was labelled"):
        read_labelled(labels, data)


def test_labelled_without_the_data_folder_is_an_error(tmp_path):
    labels, _ = labelled_fixture(tmp_path)
    with pytest.raises(LabelsError, match="folder of the ConfliBERT data sets"):
        read_labelled(labels, tmp_path / "elsewhere")


@pytest.mark.parametrize("row,message", [
    ("set/train.tsv\t0\tabc\tARMED_CLASH", "line number from 1"),
    ("set/train.tsv\t2a\tabc\tARMED_CLASH", "line number from 1"),
    ("set/train.tsv 2 abc ARMED_CLASH", "4 tab-separated fields"),
    ("set/train.tsv\t9\tabc\tARMED_CLASH", "has 2 lines, not 9"),
    ("set/train.tsv\t2\tabc\tARMED_CLSH", "unknown label 'ARMED_CLSH'"),
])
def test_malformed_label_rows_are_named(tmp_path, row, message):
    labels, data = labelled_fixture(tmp_path)
    labels.write_text(labels.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")
    with pytest.raises(LabelsError, match=message) as info:
        read_labelled(labels, data)
    assert "line 3" in str(info.value)


def test_labels_with_a_bom_windows_line_ends_and_a_blank_last_line_are_read(tmp_path):
    labels, data = labelled_fixture(tmp_path)
    text = "\ufeff" + labels.read_text(encoding="utf-8").replace("\n", "\r\n") + "\r\n"
    labels.write_bytes(text.encode("utf-8"))
    assert len(read_labelled(labels, data)) == 1


def test_a_labels_file_without_rows_or_with_another_header_is_an_error(tmp_path):
    labels, data = labelled_fixture(tmp_path)
    labels.write_text("source\tline\ttext_sha256\tlabel\n", encoding="utf-8")
    with pytest.raises(LabelsError, match="no labelled rows"):
        read_labelled(labels, data)
    labels.write_text("file\tline\tlabel\n", encoding="utf-8")
    with pytest.raises(LabelsError, match="found file, line, label"):
        read_labelled(labels, data)


@pytest.mark.parametrize("path", sorted((ROOT / "training" / "labelled").rglob("*.tsv")), ids=lambda p: p.name)
def test_repository_labels_name_valid_classes(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    codes = {lab for _, lab in read_snippets([SNIPPETS])}
    rows = [line.split("\t") for line in lines[1:]]
    assert lines[0].split("\t") == ["source", "line", "text_sha256", "label"]
    assert rows and all(len(r) == 4 and r[3] in codes and int(r[1]) > 0 for r in rows)
    assert len({(r[0], r[1]) for r in rows}) == len(rows)  # each line labelled once


def test_training_adds_the_labelled_texts(tmp_path):
    labels, data = labelled_fixture(tmp_path)
    from eventwire.extract import model
    rows, meta = model.training_rows([small_corpus(tmp_path)], data, labels)
    assert rows[-1] == ("Troops clashed with rebels near the border on Monday.", "ARMED_CLASH")
    assert meta["labelled_rows"] == 1 and meta["labelled_sha256"] == file_digest(labels)


@pytest.mark.parametrize("text,code", [
    ("A suicide bomber detonated his vest at a checkpoint, killing five policemen.", "SUIC_BOMB"),
    ("Police fired tear gas to disperse students protesting outside the ministry.", "PROTEST_WITH_INTER"),
    ("A magnitude 6.1 earthquake killed 30 people in the mountain villages.", None),
])
def test_shipped_model(text, code):
    assert ModelClassifier().classify(text).code == code


def test_context_rereads_a_sentence_in_its_story():
    first = "Riot police fired live rounds at crowds in Karbala overnight, killing four people."
    second = "The demonstrators had gathered outside the governor's office to demand jobs and electricity."
    model = ModelClassifier()
    assert model.classify(second).code == "PEACE_PROTEST"  # alone, a peaceful protest
    labels = model.classify_all([first, second])
    assert [x.code for x in labels] == ["FORCE_AGAINST_PROTEST", "FORCE_AGAINST_PROTEST"]


def test_context_never_makes_an_event():
    texts = ["Gunmen killed 12 villagers in Zurmi on Sunday.", "The governor will visit Zurmi next week.",
             "He is expected to meet traders and elders."]
    labels = ModelClassifier().classify_all(texts)
    assert labels[0].code == "ATTACK"
    assert labels[2].code is None


def test_without_context_weight_each_sentence_stands_alone():
    texts = ["Riot police fired live rounds at crowds in Karbala overnight, killing four people.",
             "The demonstrators had gathered outside the governor's office to demand jobs and electricity."]
    model = ModelClassifier()
    model.context_weight = 0.0
    assert [x.code for x in model.classify_all(texts)] == [model.classify(t).code for t in texts]


def test_context_does_not_pull_a_sentence_into_another_kind_of_disorder():
    texts = ["Suicide bomber kills three soldiers in Maiduguri.", "Students march in Maiduguri to demand better security."]
    labels = ModelClassifier().classify_all(texts)
    assert [x.code for x in labels] == ["SUIC_BOMB", "PEACE_PROTEST"]


def test_a_toll_in_a_battle_story_stays_with_the_battle():
    texts = ["Rival brigades fought with heavy weapons in the Souq district on Saturday, killing three fighters.",
             "A hospital source said five people had been killed, including a boy hit by a stray bullet."]
    labels = ModelClassifier().classify_all(texts)
    assert [x.code for x in labels] == ["ARMED_CLASH", "ARMED_CLASH"]


def test_a_bare_toll_after_a_bomb_stays_with_the_bomb():
    texts = ["An IED exploded under an army truck near Gorom-Gorom on Monday.", "Four soldiers were killed."]
    labels = ModelClassifier().classify_all(texts)
    assert [x.code for x in labels] == ["REM_EXPLOS", "REM_EXPLOS"]


def test_text_counts_are_the_counts_of_the_features():
    from collections import Counter

    from eventwire.extract.events import RuleClassifier
    from eventwire.extract.model import features

    model = load_model()
    for text in ("Gunmen killed 12 villagers near Gao on Monday, officials said.",
                 "Police fired tear gas at 300 protesters outside parliament; 2 were hurt.",
                 "Gunmen killed 12 villagers near Gao on Monday, officials said."):  # the second time from the kept words
        label = RuleClassifier().classify(text)
        expected = Counter(model.vocab[f] for f in features(text, label) if f in model.vocab)
        assert model.text_counts(text, label) == expected


def test_probabilities_follow_the_coefficients():
    model = load_model()
    counts = {0: 1, 5: 2}
    val = (1.0 + np.log(np.array([1.0, 2.0]))) * model.idf[[0, 5]]
    scores = model.intercept + model.coef[:, [0, 5]] @ (val / np.linalg.norm(val))
    expected = np.exp(scores - scores.max())
    assert np.allclose(model.probabilities_of(counts), expected / expected.sum())


def test_the_models_may_not_undo_a_codebook_override():
    """Violent demonstrators are no armed clash (VIOL_DEMONSTR overrides ARMED_CLASH in
    event_rules.yaml): however sure the model is of a battle, the rules' pick stands."""
    clf = ModelClassifier(use_encoder=False)
    probs = np.full(len(clf.model.classes), 0.001)
    probs[clf.index["ARMED_CLASH"]] = 1.0
    probs /= probs.sum()
    ruled = RuleClassifier().classify("Rioters clashed with troops in the old city.")
    assert ruled.code == "VIOL_DEMONSTR" and "ARMED_CLASH" in ruled.beats
    assert clf.decide(probs, ruled).code == "VIOL_DEMONSTR"
    # with no override between the two, the model's type wins
    ruled = Classification("PEACE_PROTEST", 0.7, {"PEACE_PROTEST": 1})
    assert clf.decide(probs, ruled).code == "ARMED_CLASH"
