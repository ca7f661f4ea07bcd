"""`stretchbot content images`: render every card's pictures to a folder, for review."""

from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from bot.content.model import Card, Library
from bot.pictures import Picture, render_card_pictures


@dataclass(frozen=True)
class GalleryReport:
    """What a gallery run produced and what it cost."""

    pictures: int
    cards_without_pose: tuple[str, ...]
    total_bytes: int
    largest: tuple[str, int]
    seconds: float
    workers: int

    def __str__(self) -> str:
        lines = [
            f"{self.pictures} pictures in {self.seconds:.1f} s with {self.workers} worker(s), "
            f"{self.total_bytes / 1024:.0f} KB in all "
            f"({self.total_bytes / max(self.pictures, 1) / 1024:.0f} KB each on average; "
            f"largest {self.largest[0]}, {self.largest[1] / 1024:.0f} KB)"
        ]
        if self.cards_without_pose:
            lines.append("no pose yet: " + ", ".join(self.cards_without_pose))
        return "\n".join(lines)


def write_gallery(library: Library, out: Path, workers: int = 2) -> GalleryReport:
    """Render every card's pictures into `out` (created if needed), `workers` processes wide."""
    out.mkdir(parents=True, exist_ok=True)
    cards: list[Card] = sorted(library.cards.values())
    started = time.perf_counter()
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(render_card_pictures, cards))
    else:
        results = [render_card_pictures(card) for card in cards]
    seconds = time.perf_counter() - started
    pictures: list[Picture] = [p for group in results for p in group]
    for picture in pictures:
        (out / picture.filename).write_bytes(picture.data)
    largest = max(
        ((p.filename, len(p.data)) for p in pictures), key=lambda x: x[1], default=("", 0)
    )
    return GalleryReport(
        pictures=len(pictures),
        cards_without_pose=tuple(c.id for c in cards if c.pose is None),
        total_bytes=sum(len(p.data) for p in pictures),
        largest=largest,
        seconds=seconds,
        workers=workers,
    )
