"""A small transformer sentence encoder (a BERT-style model) run with plain NumPy.

The weights are a dictionary of arrays named as in the Hugging Face BERT layout
(``embeddings.word_embeddings.weight``, ``encoder.layer.0.attention.self.query.weight``, ...);
the tokenizer is a ``tokenizer.json`` read by the ``tokenizers`` library. A sentence's vector
is the mean of its last-layer token vectors. No PyTorch is needed to run it: ``eventwire train
--encoder`` (which does need PyTorch) fine-tunes the model and saves it for this module.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

LAYER = "encoder.layer.{}."
ENCODER_FILE = "event_encoder.npz"
TOKENIZER_FILE = "event_encoder_tokenizer.json"


@dataclass
class EncoderConfig:
    layers: int = 6
    heads: int = 12
    max_length: int = 128
    eps: float = 1e-12


def layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


def gelu(x: np.ndarray) -> np.ndarray:
    """GELU by its tanh approximation, on one new float32 array: within 5e-4 of the exact
    (erf) form the model was trained with, and some twenty times faster in NumPy."""
    y = x * x
    y *= np.float32(0.044715)
    y += 1.0
    y *= x
    y *= np.float32(math.sqrt(2.0 / math.pi))
    np.tanh(y, out=y)
    y += 1.0
    y *= x
    y *= np.float32(0.5)
    return y


class Encoder:
    """Sentence vectors from a BERT-style encoder. ``weights`` maps names to float32 arrays."""

    def __init__(self, weights: dict[str, np.ndarray], tokenizer, config: EncoderConfig | None = None):
        # dense layers as (inputs, outputs) views, so that x @ w needs no copy
        self.w = {k: v.T if k.startswith("encoder.") and v.ndim == 2 else v for k, v in weights.items()}
        self.config = config or EncoderConfig()
        self.tokenizer = tokenizer
        self.tokenizer.enable_truncation(self.config.max_length)
        self.tokenizer.no_padding()

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """Mean-pooled last-layer vectors, one row per text (texts of similar length batched)."""
        ids = [e.ids for e in self.tokenizer.encode_batch(list(texts))]
        out = np.zeros((len(texts), self.w["embeddings.word_embeddings.weight"].shape[1]), dtype=np.float32)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        for start in range(0, len(order), batch_size):
            batch = order[start: start + batch_size]
            out[batch] = self.pooled([ids[i] for i in batch])
        return out

    def pooled(self, ids: list[list[int]]) -> np.ndarray:
        width = max(len(x) for x in ids)
        tokens = np.zeros((len(ids), width), dtype=np.int64)
        mask = np.zeros((len(ids), width), dtype=np.float32)
        for i, x in enumerate(ids):
            tokens[i, : len(x)] = x
            mask[i, : len(x)] = 1.0
        hidden = self.forward(tokens, mask)
        return (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)

    def forward(self, tokens: np.ndarray, mask: np.ndarray) -> np.ndarray:
        w, eps = self.w, self.config.eps
        x = (w["embeddings.word_embeddings.weight"][tokens]
             + w["embeddings.position_embeddings.weight"][: tokens.shape[1]]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], eps)
        bias = (1.0 - mask)[:, None, None, :] * -1e9
        for n in range(self.config.layers):
            x = self.layer(x, bias, LAYER.format(n))
        return x

    def layer(self, x: np.ndarray, bias: np.ndarray, p: str) -> np.ndarray:
        w, eps = self.w, self.config.eps
        x = layer_norm(x + self.attention(x, bias, p), w[p + "attention.output.LayerNorm.weight"],
                       w[p + "attention.output.LayerNorm.bias"], eps)
        inner = gelu(self.dense(x, p + "intermediate.dense"))
        return layer_norm(x + self.dense(inner, p + "output.dense"), w[p + "output.LayerNorm.weight"],
                          w[p + "output.LayerNorm.bias"], eps)

    def attention(self, x: np.ndarray, bias: np.ndarray, p: str) -> np.ndarray:
        b, t, d = x.shape
        h = self.config.heads

        def heads(name: str) -> np.ndarray:
            return self.dense(x, p + name).reshape(b, t, h, d // h).transpose(0, 2, 1, 3)

        q, k, v = heads("attention.self.query"), heads("attention.self.key"), heads("attention.self.value")
        scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(d // h) + bias
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(b, t, d)
        return self.dense(context, p + "attention.output.dense")

    def dense(self, x: np.ndarray, name: str) -> np.ndarray:
        weight = self.w[name + ".weight"]
        # one 2-D product: NumPy's stacked (3-D) matmul does not use BLAS well
        return (x.reshape(-1, x.shape[-1]) @ weight).reshape(*x.shape[:-1], weight.shape[1]) + self.w[name + ".bias"]


@dataclass
class EncoderModel:
    """The fine-tuned encoder with its linear head: class probabilities for sentences."""

    encoder: Encoder
    weight: np.ndarray  # classes x hidden
    bias: np.ndarray
    classes: list[str]
    meta: dict

    def probabilities(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, len(self.classes)))
        scores = self.encoder.encode(texts) @ self.weight.T + self.bias
        scores = np.exp(scores - scores.max(1, keepdims=True))
        return scores / scores.sum(1, keepdims=True)


# ---- storage: 8-bit matrices with one scale per row, everything else as float32 -------------
def quantise(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    scale = np.abs(matrix).max(1, keepdims=True) / 127.0
    scale[scale == 0] = 1.0
    return np.round(matrix / scale).astype(np.int8), scale.astype(np.float32)


def save_encoder(path: Path, weights: dict[str, np.ndarray], head_weight: np.ndarray, head_bias: np.ndarray,
                 classes: list[str], meta: dict) -> None:
    arrays = {}
    for name, value in weights.items():
        if value.ndim == 2 and "position_embeddings" not in name and "token_type" not in name:
            arrays["q8:" + name], arrays["scale:" + name] = quantise(value)
        else:
            arrays["f32:" + name] = value.astype(np.float32)
    np.savez_compressed(path, **arrays, head_weight=head_weight.astype(np.float32),
                        head_bias=head_bias.astype(np.float32), classes=np.array(json.dumps(classes)),
                        meta=np.array(json.dumps(meta)))


def read_weights(data) -> dict[str, np.ndarray]:
    weights = {}
    for key in data.files:
        kind, _, name = key.partition(":")
        if kind == "q8":
            weights[name] = np.multiply(data[key], data["scale:" + name], dtype=np.float32)
        elif kind == "f32":
            weights[name] = data[key]
    return weights


def models_dir() -> Path:
    """The package's folder of model files."""
    return Path(str(resources.files("eventwire") / "models"))


def encoder_path() -> Path:
    return models_dir() / ENCODER_FILE


@lru_cache(maxsize=None)
def load_encoder(path: str | None = None) -> EncoderModel | None:
    """The shipped (or given) fine-tuned encoder, or None when there is none."""
    p = Path(path) if path else encoder_path()
    if not p.exists():
        return None
    from tokenizers import Tokenizer

    data = np.load(p, allow_pickle=False)
    meta = json.loads(str(data["meta"]))
    config = EncoderConfig(layers=meta["layers"], heads=meta["heads"], max_length=meta["max_length"])
    tokenizer = Tokenizer.from_file(str(p.parent / TOKENIZER_FILE))
    return EncoderModel(Encoder(read_weights(data), tokenizer, config), data["head_weight"], data["head_bias"],
                        json.loads(str(data["classes"])), meta)
