"""The fine-tuned sentence encoder (a small BERT-style transformer), run with ONNX Runtime.

The model is one ONNX file written by ``eventwire train --encoder`` (see ``encoder_graph.py``):
8-bit weights, mean pooling and a linear head, with its class names and settings in the file's
metadata; the tokenizer is a ``tokenizer.json`` read by the ``tokenizers`` library. No PyTorch is
needed to run it. ``EVENTWIRE_ENCODER_THREADS`` sets ONNX Runtime's threads (default: one per
CPU the process may use).
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

ENCODER_FILE = "event_encoder.onnx"
TOKENIZER_FILE = "event_encoder_tokenizer.json"
BATCH_SIZE = 32


@dataclass
class EncoderModel:
    """The fine-tuned encoder with its linear head: class probabilities for sentences."""

    session: object  # onnxruntime.InferenceSession
    tokenizer: object  # tokenizers.Tokenizer
    classes: list[str]
    meta: dict

    def probabilities(self, texts: list[str]) -> np.ndarray:
        return self.run(texts, "probs", len(self.classes))

    def vectors(self, texts: list[str]) -> np.ndarray:
        """Mean-pooled last-layer vectors, one row per text."""
        return self.run(texts, "vectors", int(self.meta.get("hidden", 384)))

    def run(self, texts: list[str], output: str, width: int) -> np.ndarray:
        """One output for each text; texts of similar length are batched together."""
        out = np.zeros((len(texts), width), dtype=np.float32)
        if not texts:
            return out
        ids = [e.ids for e in self.tokenizer.encode_batch(list(texts))]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        for start in range(0, len(order), BATCH_SIZE):
            batch = order[start: start + BATCH_SIZE]
            tokens, mask = padded([ids[i] for i in batch])
            out[batch] = self.session.run([output], {"input_ids": tokens, "attention_mask": mask})[0]
        return out


def threads_setting() -> int:
    """EVENTWIRE_ENCODER_THREADS as a number (0: not set)."""
    value = os.environ.get("EVENTWIRE_ENCODER_THREADS", "").strip()
    if value and not value.isdigit():
        raise ValueError(f"EVENTWIRE_ENCODER_THREADS must be a whole number of threads, not {value!r}")
    return int(value or 0)


def cpu_count() -> int:
    """The cores this process may use (ONNX Runtime's own default counts physical cores only,
    one on a two-vCPU virtual machine, where two threads are half as fast again)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def padded(ids: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Token ids padded with 0 to the longest, and the mask of real tokens."""
    width = max(len(x) for x in ids)
    tokens = np.zeros((len(ids), width), dtype=np.int64)
    mask = np.zeros((len(ids), width), dtype=np.float32)
    for i, x in enumerate(ids):
        tokens[i, : len(x)] = x
        mask[i, : len(x)] = 1.0
    return tokens, mask


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
    import onnxruntime
    from tokenizers import Tokenizer

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads_setting() or cpu_count()
    session = onnxruntime.InferenceSession(str(p), options, providers=["CPUExecutionProvider"])
    stored = json.loads(session.get_modelmeta().custom_metadata_map["eventwire"])
    tokenizer = Tokenizer.from_file(str(p.parent / TOKENIZER_FILE))
    tokenizer.enable_truncation(int(stored["meta"].get("max_length", 128)))
    tokenizer.no_padding()
    return EncoderModel(session, tokenizer, stored["classes"], stored["meta"])
