"""The sentence encoder run with NumPy (eventwire.extract.encoder) and the shipped fine-tuned model."""
from pathlib import Path

import numpy as np
import pytest
from tokenizers import Tokenizer

from eventwire.extract.encoder import (TOKENIZER_FILE, Encoder, EncoderConfig, encoder_path, load_encoder,
                                       quantise, save_encoder)
from eventwire.extract.model import ModelClassifier, read_snippets, training_digest

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


def tiny_encoder(weights=None) -> Encoder:
    return Encoder(weights or random_weights(), tokenizer(), EncoderConfig(layers=LAYERS, heads=HEADS))


SENTENCES = ["Gunmen attacked a village near Gao on Monday, killing 12 people.",
             "Hundreds of teachers marched to parliament to demand unpaid salaries, and police watched "
             "from the side of the road without intervening at any point during the afternoon."]


def test_a_sentence_vector_does_not_depend_on_the_batch():
    encoder = tiny_encoder()
    alone = encoder.encode(SENTENCES[:1])
    padded = encoder.encode(SENTENCES)  # the short sentence is padded to the long one's length
    assert np.allclose(alone[0], padded[0], atol=1e-5)
    assert not np.allclose(padded[0], padded[1], atol=1e-2)


def test_quantised_matrices_stay_close():
    matrix = np.random.default_rng(1).normal(0, 0.1, (50, 40)).astype(np.float32)
    q, scale = quantise(matrix)
    assert q.dtype == np.int8
    assert np.abs(q * scale - matrix).max() <= scale.max() / 2 + 1e-7


def test_saved_encoder_loads_and_reads_alike(tmp_path):
    weights = random_weights()
    head = np.random.default_rng(2).normal(0, 1, (3, HIDDEN)).astype(np.float32)
    meta = {"layers": LAYERS, "heads": HEADS, "max_length": 128}
    save_encoder(tmp_path / "enc.npz", weights, head, np.zeros(3, np.float32), ["A", "B", "C"], meta)
    (tmp_path / TOKENIZER_FILE).write_bytes((encoder_path().parent / TOKENIZER_FILE).read_bytes())
    model = load_encoder(str(tmp_path / "enc.npz"))
    before = tiny_encoder(weights).encode(SENTENCES)
    after = model.encoder.encode(SENTENCES)
    assert np.abs(before - after).max() < 0.05 * np.abs(before).max()
    probs = model.probabilities(SENTENCES)
    assert probs.shape == (2, 3) and np.allclose(probs.sum(1), 1.0)
    assert model.probabilities([]).shape == (0, 3)


def test_numpy_encoder_agrees_with_transformers():
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    config = transformers.BertConfig(vocab_size=tokenizer().get_vocab_size(), hidden_size=HIDDEN,
                                     num_hidden_layers=LAYERS, num_attention_heads=HEADS, intermediate_size=INNER)
    reference = transformers.BertModel(config, add_pooling_layer=False).eval()
    weights = random_weights()
    reference.load_state_dict({k: torch.tensor(v) for k, v in weights.items()}, strict=False)
    encoder = tiny_encoder(weights)
    ids = [e.ids for e in encoder.tokenizer.encode_batch(SENTENCES)]  # no padding: the file asks for 128
    with torch.no_grad():
        for row, x in zip(encoder.encode(SENTENCES), ids):
            expected = reference(torch.tensor([x])).last_hidden_state[0].mean(0).numpy()
            assert np.abs(row - expected).max() < 2e-3  # GELU: tanh form here, erf there


def test_shipped_encoder_matches_the_training_data_in_the_repository():
    model = load_encoder()
    assert model is not None, "no encoder in the package: run `eventwire train --encoder`"
    digest = training_digest(read_snippets([SNIPPETS]))
    assert model.meta["training_sha256"] == digest, "training data changed: run `eventwire train --encoder`"


def test_classifier_runs_without_the_encoder():
    label = ModelClassifier(use_encoder=False).classify("A suicide bomber blew himself up at a market in Mogadishu.")
    assert label.code == "SUIC_BOMB"
