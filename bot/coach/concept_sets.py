"""The concept files studied from the dev sets, in one list: what understand.py builds from.

Each `concepts_devN.py` may define `DEVN_RULES` (target rules), `DEVN_CONTEXT` (ConText rules
with an optional terminator set), `DEVN_TYPED` (ConText rules limited to some target labels,
8 tokens of scope), `DEVN_NEAR` (the same within 2 tokens), `DEVN_WHOLE` (ConText rules whose
scope is their whole sentence) and `DICTATION` (voice-to-text slips
mended before reading). A new file is added here and nowhere else.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from bot.coach import (
    concepts_dev4,
    concepts_dev5,
    concepts_dev6,
    concepts_dev7,
    concepts_dev8,
    concepts_dev9,
    concepts_dev10,
    concepts_dev14,
    concepts_dev16,
    concepts_dev17,
    concepts_dev18,
    concepts_dev19,
    concepts_dev20,
    concepts_dev21,
    concepts_dev22,
    concepts_dev23,
    concepts_dev24,
    concepts_dev25,
    concepts_dev26,
    concepts_dev27,
    concepts_dev28,
    concepts_dev29,
    concepts_dev30,
    concepts_dev31,
    concepts_dev32,
    concepts_dev33,
    concepts_dev34,
    concepts_dev35,
    concepts_dev36,
    concepts_dev37,
    concepts_dev38,
    concepts_dev39,
    concepts_dev40,
    concepts_dev41,
    concepts_dev42,
    concepts_dev43,
    concepts_dev44,
    concepts_dev45,
    concepts_dev46,
    concepts_dev47,
    concepts_dev49,
    concepts_dev51,
)

SETS: tuple[tuple[int, ModuleType], ...] = (
    (4, concepts_dev4),
    (5, concepts_dev5),
    (6, concepts_dev6),
    (7, concepts_dev7),
    (8, concepts_dev8),
    (9, concepts_dev9),
    (10, concepts_dev10),
    (14, concepts_dev14),
    (16, concepts_dev16),
    (17, concepts_dev17),
    (18, concepts_dev18),
    (19, concepts_dev19),
    (20, concepts_dev20),
    (21, concepts_dev21),
    (22, concepts_dev22),
    (23, concepts_dev23),
    (24, concepts_dev24),
    (25, concepts_dev25),
    (26, concepts_dev26),
    (27, concepts_dev27),
    (28, concepts_dev28),
    (29, concepts_dev29),
    (30, concepts_dev30),
    (31, concepts_dev31),
    (32, concepts_dev32),
    (33, concepts_dev33),
    (34, concepts_dev34),
    (35, concepts_dev35),
    (36, concepts_dev36),
    (37, concepts_dev37),
    (38, concepts_dev38),
    (39, concepts_dev39),
    (40, concepts_dev40),
    (41, concepts_dev41),
    (42, concepts_dev42),
    (43, concepts_dev43),
    (44, concepts_dev44),
    (45, concepts_dev45),
    (46, concepts_dev46),
    (47, concepts_dev47),
    (49, concepts_dev49),
    (51, concepts_dev51),
)


def _part(kind: str) -> list[Any]:
    return [item for n, module in SETS for item in getattr(module, f"DEV{n}_{kind}", ())]


RULES = _part("RULES")
CONTEXT = _part("CONTEXT")
TYPED = _part("TYPED")
NEAR = _part("NEAR")
WHOLE = _part("WHOLE")
DICTATION = [item for _, module in SETS for item in getattr(module, "DICTATION", ())]
