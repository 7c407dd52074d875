"""The sentence encoder written as ONNX (eventwire.extract.encoder_graph), run with ONNX Runtime
(eventwire.extract.encoder), checked against a plain NumPy BERT, and the shipped fine-tuned model."""
import math
from pathlib import Path

import numpy as np
import pytest
from tokenizers import Tokenizer

from eventwire.extract.encoder import TOKENIZER_FILE, encoder_path, load_encoder
from eventwire.extract.encoder_graph import quantise, save_encoder
from eventwire.extract.model import LABELS_FILE, ModelClassifier, file_digest, read_snippets, training_digest

SNIPPETS = Path(__file__).resolve().parents[1] / "training" / "snippets"
HIDDEN, INNER, LAYERS, HEADS = 16, 32, 2, 4


def tokenizer():
    return Tokenizer.from_file(str(encoder_path().parent / TOKENIZER_FILE))


def random_weights(seed=0) -> dict[str, np.ndarray]:
    """A tiny BERT with random weights, named as the real one."""
    rng = np.random.default_rng(seed)
    vocab = tokenizer().get_vocab_size()

    def m(*shape):
        return rng.normal(0, 0.3, shape).astype(np.float32)

    w = {"embeddings.word_embeddings.weight": m(vocab, HIDDEN), "embeddings.position_embeddings.weight": m(512, HIDDEN),
         "embeddings.token_type_embeddings.weight": m(2, HIDDEN),
         "embeddings.LayerNorm.weight": 1 + m(HIDDEN), "embeddings.LayerNorm.bias": m(HIDDEN)}
    for n in range(LAYERS):
        p = f"encoder.layer.{n}."
        for name in ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense"):
            w[p + name + ".weight"], w[p + name + ".bias"] = m(HIDDEN, HIDDEN), m(HIDDEN)
        w[p + "intermediate.dense.weight"], w[p + "intermediate.dense.bias"] = m(INNER, HIDDEN), m(INNER)
        w[p + "output.dense.weight"], w[p + "output.dense.bias"] = m(HIDDEN, INNER), m(HIDDEN)
        for name in ("attention.output.LayerNorm", "output.LayerNorm"):
            w[p + name + ".weight"], w[p + name + ".bias"] = 1 + m(HIDDEN), m(HIDDEN)
    return w


def layer_norm(x, weight, bias):
    mean = x.mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(((x - mean) ** 2).mean(-1, keepdims=True) + 1e-12) * weight + bias


def reference_vectors(w: dict[str, np.ndarray], ids: list[int]) -> np.ndarray:
    """A BERT forward pass in float64 NumPy for one sentence, mean-pooled: the test's oracle."""
    x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][: len(ids)]
         + w["embeddings.token_type_embeddings.weight"][0]).astype(np.float64)
    x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    size = HIDDEN // HEADS
    for n in range(LAYERS):
        p = f"encoder.layer.{n}."

        def dense(v, name):
            return v @ w[p + name + ".weight"].T + w[p + name + ".bias"]

        q, k, v = (dense(x, "attention.self." + m).reshape(len(ids), HEADS, size).transpose(1, 0, 2)
                   for m in ("query", "key", "value"))
        scores = q @ k.transpose(0, 2, 1) / math.sqrt(size)
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        context = ((scores / scores.sum(-1, keepdims=True)) @ v).transpose(1, 0, 2).reshape(len(ids), HIDDEN)
        x = layer_norm(x + dense(context, "attention.output.dense"), w[p + "attention.output.LayerNorm.weight"],
                       w[p + "attention.output.LayerNorm.bias"])
        inner = dense(x, "intermediate.dense")
        inner = 0.5 * inner * (1 + np.vectorize(math.erf)(inner / math.sqrt(2)))
        x = layer_norm(x + dense(inner, "output.dense"), w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
    return x.mean(0)


def tiny_model(tmp_path, weights=None, classes=("A", "B", "C")):
    """A tiny random encoder written as ONNX and loaded as the pipeline loads the shipped one."""
    pytest.importorskip("onnx")  # writing the graph needs the test (or training) extra
    weights = weights or random_weights()
    head = np.random.default_rng(2).normal(0, 1, (len(classes), HIDDEN)).astype(np.float32)
    meta = {"layers": LAYERS, "heads": HEADS, "max_length": 128}
    save_encoder(tmp_path / "enc.onnx", weights, head, np.zeros(len(classes), np.float32), list(classes), meta)
    (tmp_path / TOKENIZER_FILE).write_bytes((encoder_path().parent / TOKENIZER_FILE).read_bytes())
    return load_encoder(str(tmp_path / "enc.onnx")), head


SENTENCES = ["Gunmen attacked a village near Gao on Monday, killing 12 people.",
             "Hundreds of teachers marched to parliament to demand unpaid salaries, and police watched "
             "from the side of the road without intervening at any point during the afternoon."]


def close(a: np.ndarray, b: np.ndarray, share: float) -> bool:
    """Within ``share`` of the larger vector's size: 8-bit weights and inputs are not exact."""
    return np.abs(a - b).max() <= share * np.abs(b).max()


def test_onnx_encoder_agrees_with_a_plain_numpy_bert(tmp_path):
    weights = random_weights()
    model, head = tiny_model(tmp_path, weights)
    ids = [e.ids for e in model.tokenizer.encode_batch(SENTENCES)]
    vectors = model.vectors(SENTENCES)
    for row, x in zip(vectors, ids):
        assert close(row, reference_vectors(weights, x), 0.05)
    probs = model.probabilities(SENTENCES)
    scores = vectors @ head.T
    expected = np.exp(scores - scores.max(1, keepdims=True))
    assert np.allclose(probs, expected / expected.sum(1, keepdims=True), atol=1e-4)
    assert np.allclose(probs.sum(1), 1.0) and probs.shape == (2, 3)


def test_a_sentence_vector_barely_depends_on_the_batch(tmp_path):
    model, _ = tiny_model(tmp_path)
    alone = model.vectors(SENTENCES[:1])
    padded = model.vectors(SENTENCES)  # the short sentence is padded to the long one's length
    assert close(alone[0], padded[0], 0.05)
    assert not close(padded[0], padded[1], 0.2)


def test_no_texts_no_rows(tmp_path):
    model, _ = tiny_model(tmp_path)
    assert model.probabilities([]).shape == (0, 3)


def test_quantised_matrices_stay_close():
    matrix = np.random.default_rng(1).normal(0, 0.1, (50, 40)).astype(np.float32)
    q, scale = quantise(matrix)
    assert q.dtype == np.int8
    assert np.abs(q * scale - matrix).max() <= scale.max() / 2 + 1e-7


def test_onnx_encoder_agrees_with_transformers(tmp_path):
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    config = transformers.BertConfig(vocab_size=tokenizer().get_vocab_size(), hidden_size=HIDDEN,
                                     num_hidden_layers=LAYERS, num_attention_heads=HEADS, intermediate_size=INNER)
    reference = transformers.BertModel(config, add_pooling_layer=False).eval()
    weights = random_weights()
    reference.load_state_dict({k: torch.tensor(v) for k, v in weights.items()}, strict=False)
    model, _ = tiny_model(tmp_path, weights)
    ids = [e.ids for e in model.tokenizer.encode_batch(SENTENCES)]
    with torch.no_grad():
        for row, x in zip(model.vectors(SENTENCES), ids):
            assert close(row, reference(torch.tensor([x])).last_hidden_state[0].mean(0).numpy(), 0.05)


def test_shipped_encoder_matches_the_training_data_in_the_repository():
    model = load_encoder()
    assert model is not None, "no encoder in the package: run `eventwire train --encoder`"
    digest = training_digest(read_snippets([SNIPPETS]))
    assert model.meta["training_sha256"] == digest, "training data changed: run `eventwire train --encoder`"
    labels = Path(__file__).resolve().parents[1] / LABELS_FILE
    if "labelled_sha256" in model.meta:  # trained with --conflibert (the shipped one was not)
        assert model.meta["labelled_sha256"] == file_digest(labels), \
            "labels of real texts changed: run `eventwire train --encoder --conflibert DIR`"


def test_classifier_runs_without_the_encoder():
    label = ModelClassifier(use_encoder=False).classify("A suicide bomber blew himself up at a market in Mogadishu.")
    assert label.code == "SUIC_BOMB"
