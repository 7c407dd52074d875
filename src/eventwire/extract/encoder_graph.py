"""Write the fine-tuned sentence encoder as one ONNX file, for ONNX Runtime to run.

Used by ``eventwire train --encoder`` (and the tests); needs the ``onnx`` package, which the
training and test extras install. Running the file needs only ``onnxruntime``
(:mod:`eventwire.extract.encoder`).

The graph is a BERT-style encoder (the all-MiniLM-L6-v2 layout, weights named as in Hugging Face
``BertModel``) with mean pooling and a linear head. Inputs: ``input_ids`` (int64, batch x
tokens) and ``attention_mask`` (float32, 1 for tokens, 0 for padding). Outputs: ``probs``
(softmax over the classes) and ``vectors`` (the mean-pooled sentence vectors).

The transformer layers' weight matrices are stored as 8-bit integers with one scale per output
(``quantise``) and multiplied by ONNX Runtime's ``DynamicQuantizeMatMul``, which quantises each
layer's input to 8 bits on the fly: some four times faster than 32-bit floats on a CPU with 8-bit
dot-product instructions, and within the noise on the CASE 2021 scores (docs/benchmarks.md).
The word embeddings are 8-bit too, one scale per word; the position and token-type embeddings,
the layer norms and the head stay float32. Settings and class names go into the file's
metadata under ``eventwire``.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

LAYER = "encoder.layer.{}."
OPSET = 17
IR_VERSION = 10  # read by onnxruntime 1.20 and newer


def quantise(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """8-bit integers and one float scale per row: row ~= q * scale."""
    scale = np.abs(matrix).max(1, keepdims=True) / 127.0
    scale[scale == 0] = 1.0
    return np.round(matrix / scale).astype(np.int8), scale.astype(np.float32)


class GraphBuilder:
    """Collects nodes and initialisers; each node's output is named after the node."""

    def __init__(self):
        self.nodes, self.inits, self.count = [], [], 0

    def const(self, name: str, value) -> str:
        from onnx import numpy_helper

        self.inits.append(numpy_helper.from_array(np.asarray(value), name))
        return name

    def node(self, op: str, inputs: list[str], domain: str = "", **attrs) -> str:
        from onnx import helper

        self.count += 1
        out = f"{op.lower()}_{self.count}"
        self.nodes.append(helper.make_node(op, inputs, [out], name=out, domain=domain, **attrs))
        return out


def build_graph(weights: dict[str, np.ndarray], head_weight: np.ndarray, head_bias: np.ndarray,
                classes: list[str], meta: dict):
    """The ONNX model (an ``onnx.ModelProto``) of the encoder with its head."""
    import onnx
    from onnx import TensorProto, helper

    layers, heads = int(meta["layers"]), int(meta["heads"])
    g = GraphBuilder()
    hidden = weights["embeddings.word_embeddings.weight"].shape[1]
    meta = {**meta, "hidden": hidden}
    x = embeddings(g, weights)
    x = layer_norm(g, x, weights, "embeddings.LayerNorm")
    mask_bias = g.node("Unsqueeze", [g.node("Mul", [g.node("Sub", [g.const("one", np.float32(1)), "attention_mask"]),
                                                    g.const("mask_fill", np.float32(-1e9))]),
                                     g.const("axes_1_2", np.array([1, 2], np.int64))])
    for n in range(layers):
        x = encoder_layer(g, x, mask_bias, weights, LAYER.format(n), heads, hidden)
    mask = g.node("Unsqueeze", ["attention_mask", g.const("axis_last", np.array([-1], np.int64))])
    axis_1 = g.const("axis_1", np.array([1], np.int64))
    vectors = g.node("Div", [g.node("ReduceSum", [g.node("Mul", [x, mask]), axis_1], keepdims=0),
                             g.node("ReduceSum", ["attention_mask", axis_1], keepdims=1)])
    logits = g.node("Add", [g.node("MatMul", [vectors, g.const("head.weight", head_weight.T.astype(np.float32))]),
                            g.const("head.bias", head_bias.astype(np.float32))])
    g.nodes.append(helper.make_node("Softmax", [logits], ["probs"], name="probs", axis=-1))
    g.nodes.append(helper.make_node("Identity", [vectors], ["vectors"], name="vectors"))
    graph = helper.make_graph(
        g.nodes, "eventwire_event_encoder",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "tokens"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.FLOAT, ["batch", "tokens"])],
        [helper.make_tensor_value_info("probs", TensorProto.FLOAT, ["batch", len(classes)]),
         helper.make_tensor_value_info("vectors", TensorProto.FLOAT, ["batch", hidden])],
        g.inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET),
                                                    helper.make_opsetid("com.microsoft", 1)])
    model.ir_version = IR_VERSION
    helper.set_model_props(model, {"eventwire": json.dumps({"classes": classes, "meta": meta})})
    onnx.checker.check_model(model)
    return model


def embeddings(g: GraphBuilder, w: dict[str, np.ndarray]) -> str:
    """Word (8-bit, a scale per word) plus position plus token-type-0 embeddings."""
    q, scale = quantise(w["embeddings.word_embeddings.weight"])
    words = g.node("Mul", [g.node("Cast", [g.node("Gather", [g.const("words.q8", q), "input_ids"])], to=1),
                           g.node("Gather", [g.const("words.scale", scale), "input_ids"])])
    zero = g.const("zero", np.array([0], np.int64))
    length = g.node("Unsqueeze", [g.node("Gather", [g.node("Shape", ["input_ids"]), g.const("one_i", np.int64(1))]),
                                  zero])
    positions = g.node("Slice", [g.const("positions", w["embeddings.position_embeddings.weight"]), zero, length, zero])
    token_type = g.const("token_type", w["embeddings.token_type_embeddings.weight"][0])
    return g.node("Add", [g.node("Add", [words, positions]), token_type])


def encoder_layer(g: GraphBuilder, x: str, mask_bias: str, w: dict[str, np.ndarray], p: str,
                  heads: int, hidden: int) -> str:
    context = attention(g, x, mask_bias, w, p, heads, hidden)
    x = layer_norm(g, g.node("Add", [x, dense(g, context, w, p + "attention.output.dense")]), w,
                   p + "attention.output.LayerNorm")
    inner = g.node("Gelu", [dense(g, x, w, p + "intermediate.dense")], domain="com.microsoft")
    return layer_norm(g, g.node("Add", [x, dense(g, inner, w, p + "output.dense")]), w, p + "output.LayerNorm")


def attention(g: GraphBuilder, x: str, mask_bias: str, w: dict[str, np.ndarray], p: str,
              heads: int, hidden: int) -> str:
    split = g.const(p + "split", np.array([0, 0, heads, hidden // heads], np.int64))

    def by_head(name: str, perm: list[int]) -> str:
        return g.node("Transpose", [g.node("Reshape", [dense(g, x, w, p + name), split])], perm=perm)

    q = by_head("attention.self.query", [0, 2, 1, 3])
    k = by_head("attention.self.key", [0, 2, 3, 1])
    v = by_head("attention.self.value", [0, 2, 1, 3])
    scores = g.node("Mul", [g.node("MatMul", [q, k]), g.const(p + "scale", np.float32(1 / math.sqrt(hidden // heads)))])
    weights = g.node("Softmax", [g.node("Add", [scores, mask_bias])], axis=-1)
    joined = g.node("Transpose", [g.node("MatMul", [weights, v])], perm=[0, 2, 1, 3])
    return g.node("Reshape", [joined, g.const(p + "join", np.array([0, 0, hidden], np.int64))])


def dense(g: GraphBuilder, x: str, w: dict[str, np.ndarray], name: str) -> str:
    """x @ W.T + b with W stored as 8-bit integers and a scale per output."""
    q, scale = quantise(w[name + ".weight"])  # (outputs, inputs)
    return g.node("DynamicQuantizeMatMul", [x, g.const(name + ".q8", np.ascontiguousarray(q.T)),
                                            g.const(name + ".scale", scale.ravel()), "",
                                            g.const(name + ".bias", w[name + ".bias"].astype(np.float32))],
                  domain="com.microsoft")


def layer_norm(g: GraphBuilder, x: str, w: dict[str, np.ndarray], name: str) -> str:
    return g.node("LayerNormalization", [x, g.const(name + ".weight", w[name + ".weight"]),
                                         g.const(name + ".bias", w[name + ".bias"])], epsilon=1e-12, axis=-1)


def save_encoder(path: Path, weights: dict[str, np.ndarray], head_weight: np.ndarray, head_bias: np.ndarray,
                 classes: list[str], meta: dict) -> None:
    """Write the encoder with its head as one ONNX file."""
    import onnx

    onnx.save(build_graph(weights, head_weight, head_bias, classes, meta), str(path))
