"""Drawing a placed body with matplotlib (Agg, object API only, so safe in worker threads).

Every picture uses the same scale, palette and framing: a floor, solid limbs (tapered capsules,
far side paler), a torso, a head with a nose so the facing is plain, the props, the stretched or
working muscle in red, and for a movement the start position as a pale ghost with an arrow to the
end position.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable

from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch, Polygon, Rectangle
from PIL import Image, ImageDraw, ImageFont

from bot.content.body import HEAD_R, Body, PropShape, Segment, place, props
from bot.content.pose import Angles, Muscle, Pose, View

Point = tuple[float, float]

# DejaVu Sans ships inside matplotlib, so text looks the same on every machine.
_FONT = font_manager.findfont("DejaVu Sans", fallback_to_default=True)

WIDTH_M, BOTTOM_M, TOP_M = 2.8, -0.16, 1.94  # the window onto the room, in metres
BACKGROUND = "#f6f8fa"
FLOOR, FLOOR_BAND = "#4a4f55", "#e2e5e9"
NEAR, TORSO, FAR = "#2f5d8a", "#3f72a3", "#93b4d3"
GHOST = "#c9d3dd"
MUSCLE = "#d62839"
ARROW = "#ef8a17"
TEXT = "#2b2f33"
WOOD, WOOD_EDGE = "#d7b48a", "#8a6a48"
PROP_COLOURS = {
    "wall": "#d8d2c8",
    "doorway": "#b98f62",
    "foam-roller": "#6fb07a",
    "ball": "#f2c14e",
    "mat": "#8fcfc0",
    "strap": "#e09f1f",
    "towel": "#e09f1f",
    "band": "#c9508e",
}

# Where each muscle sits: part, which face of it (front/back/all), and the stretch along it.
MUSCLE_PLACES: dict[Muscle, tuple[tuple[str, str, float, float], ...]] = {
    Muscle.HAMSTRINGS: (("thigh", "back", 0.12, 0.9),),
    Muscle.CALVES: (("shin", "back", 0.08, 0.6),),
    Muscle.QUADS: (("thigh", "front", 0.1, 0.85),),
    Muscle.HIP_FLEXORS: (("thigh", "front", 0.0, 0.4), ("torso", "front", 0.0, 0.22)),
    Muscle.ADDUCTORS: (("thigh", "all", 0.15, 0.8),),
    Muscle.OUTER_THIGH: (("thigh", "all", 0.1, 0.9),),
    Muscle.GLUTES: (("torso", "back", -0.1, 0.3), ("thigh", "back", 0.0, 0.25)),
    Muscle.PIRIFORMIS: (("torso", "back", -0.05, 0.25),),
    Muscle.LOWER_BACK: (("torso", "back", 0.15, 0.55),),
    Muscle.UPPER_BACK: (("torso", "back", 0.55, 1.0),),
    Muscle.ABS: (("torso", "front", 0.12, 0.7),),
    Muscle.OBLIQUES: (("torso", "all", 0.2, 0.65),),
}


def _capsule(seg: Segment, steps: int = 14) -> list[Point]:
    """The outline of a tapered capsule: a half circle round each end joined by straight sides."""
    (ax, ay), (bx, by) = seg.a, seg.b
    heading = math.atan2(by - ay, bx - ax) if (ax, ay) != (bx, by) else -math.pi / 2
    out: list[Point] = []
    for i in range(steps + 1):  # round the far end, from one side to the other
        t = heading - math.pi / 2 + math.pi * i / steps
        out.append((bx + seg.rb * math.cos(t), by + seg.rb * math.sin(t)))
    for i in range(steps + 1):
        t = heading + math.pi / 2 + math.pi * i / steps
        out.append((ax + seg.ra * math.cos(t), ay + seg.ra * math.sin(t)))
    return out


def _band(seg: Segment, face: str, t0: float, t1: float, view: View) -> list[Point]:
    """A strip along one face of a segment (the back of the thigh, the front of the torso)."""
    dx, dy = seg.b[0] - seg.a[0], seg.b[1] - seg.a[1]
    length = math.hypot(dx, dy) or 1.0
    # The front of a limb hanging down is a quarter turn anticlockwise; the torso points up.
    nx, ny = (-dy / length, dx / length)
    if seg.part == "torso":
        nx, ny = -nx, -ny
    if face == "back":
        nx, ny = -nx, -ny
    ts = [t0 + (t1 - t0) * i / 10 for i in range(11)]
    if face == "all" or view is View.FRONT:
        inner, outer = -0.6, 0.6
    else:
        inner, outer = 0.0, 0.92
    side_a, side_b = [], []
    for t in ts:
        (cx, cy), r = seg.at(min(max(t, -0.2), 1.0))
        side_a.append((cx + nx * r * inner, cy + ny * r * inner))
        side_b.append((cx + nx * r * outer, cy + ny * r * outer))
    return side_a + side_b[::-1]


def _draw_body(
    ax: Axes, body: Body, muscles: Iterable[Muscle], sided: bool, ghost: bool = False
) -> None:
    places = [p for m in muscles for p in MUSCLE_PLACES[m]]
    for seg in body.segments:
        if ghost:
            colour = GHOST
        elif seg.side is None:
            colour = TORSO
        elif body.view is View.SIDE and seg.side == "right":
            colour = FAR
        else:
            colour = NEAR
        ax.add_patch(Polygon(_capsule(seg), closed=True, facecolor=colour, edgecolor="none"))
        if ghost:
            continue
        for part, face, t0, t1 in places:
            if part != seg.part or (sided and seg.side == "right"):
                continue
            band = _band(seg, face, t0, t1, body.view)
            ax.add_patch(Polygon(band, closed=True, facecolor=MUSCLE, alpha=0.9, lw=0))
    neck = body.part("neck")
    hx, hy = body.head
    ax.add_patch(Circle((hx, hy), HEAD_R, facecolor=GHOST if ghost else NEAR, lw=0))
    if body.view is View.SIDE:
        # A nose on the face side makes the way the figure faces obvious at a glance.
        dx, dy = neck.b[0] - neck.a[0], neck.b[1] - neck.a[1]
        length = math.hypot(dx, dy) or 1.0
        fx, fy = dy / length, -dx / length
        nose = (hx + fx * HEAD_R * 0.95, hy + fy * HEAD_R * 0.95)
        ax.add_patch(Circle(nose, 0.03, facecolor=GHOST if ghost else NEAR, lw=0))


def _draw_prop(ax: Axes, shape: PropShape) -> None:
    add = ax.add_patch
    v = shape.values
    if shape.kind == "chair":
        x0, x1, top, back = v
        add(Rectangle((x0, top - 0.05), x1 - x0, 0.05, facecolor=WOOD, edgecolor=WOOD_EDGE))
        for x in (x0 + 0.02, x1 - 0.05):
            add(Rectangle((x, 0.0), 0.03, top - 0.05, facecolor=WOOD_EDGE, lw=0))
        if back < 0:  # the backrest behind a sitter
            add(Rectangle((x0, top), 0.04, 0.45, facecolor=WOOD_EDGE, lw=0))
        else:  # a chair in front of a standing person: the backrest top at the hands
            add(Rectangle((x0, top), 0.04, back - top, facecolor=WOOD_EDGE, lw=0))
    elif shape.kind == "box" and shape.name == "mat":
        add(Rectangle((v[0], v[1]), v[2] - v[0], v[3] - v[1], facecolor=PROP_COLOURS["mat"]))
    elif shape.kind == "box":
        x0, y0, x1, y1 = v
        if shape.name == "desk":
            add(Rectangle((x0, y1 - 0.04), x1 - x0, 0.04, facecolor=WOOD, edgecolor=WOOD_EDGE))
            for x in (x0 + 0.03, x1 - 0.07):
                add(Rectangle((x, 0.0), 0.04, y1 - 0.04, facecolor=WOOD_EDGE, lw=0))
        else:
            add(Rectangle((x0, y0), x1 - x0, y1 - y0, facecolor=WOOD, edgecolor=WOOD_EDGE))
    elif shape.kind == "wall":
        x, side, top = v
        if shape.name == "doorway":
            add(
                Rectangle(
                    (x if side > 0 else x - 0.08, 0), 0.08, top, color=PROP_COLOURS["doorway"]
                )
            )
        else:
            add(Rectangle((x if side > 0 else x - 0.25, 0), 0.25, top, color=PROP_COLOURS["wall"]))
    elif shape.kind == "circle":
        add(Circle((v[0], v[1]), v[2], facecolor=PROP_COLOURS[shape.name], edgecolor="#3d5a40"))
    elif shape.kind == "line":
        colour = PROP_COLOURS[shape.name]
        ax.plot(v[0::2], v[1::2], color=colour, lw=4, solid_capstyle="round", zorder=5)
        if shape.name == "band":
            add(Rectangle((v[2] - 0.04, 0), 0.04, v[3] + 0.15, color="#7d858c"))


def _front_props(pose: Pose) -> set[str]:
    """Props drawn over the body (a strap in the hands) rather than behind it."""
    return {
        p.name for p in pose.props if p.name in ("strap", "towel", "band", "foam-roller", "ball")
    }


def _arrow(ax: Axes, before: Body, after: Body) -> None:
    """An arrow along the path of whichever hand, foot, knee or head moved the most."""
    anchors = ("left-hand", "left-foot", "left-knee", "head", "right-foot", "right-hand", "hips")
    moves = []
    for anchor in anchors:
        (x0, y0), _ = before.point(anchor)
        (x1, y1), _ = after.point(anchor)
        if max(y0, y1) < 0.25:  # a foot or knee sliding along the floor: the arrow would hide
            continue
        moves.append((math.hypot(x1 - x0, y1 - y0), (x0, y0), (x1, y1)))
    if not moves:
        return
    distance, start, end = max(moves)
    if distance < 0.08:
        return
    (cx, cy), _ = after.part("torso").at(0.5)
    mx, my = (start[0] + end[0]) / 2, (start[1] + end[1]) / 2
    dx, dy = end[0] - start[0], end[1] - start[1]
    # Bow the arrow away from the body so it does not run over the limbs.
    rad = 0.35
    far = math.hypot(mx + rad * dy - cx, my - rad * dx - cy)
    near = math.hypot(mx - rad * dy - cx, my + rad * dx - cy)
    rad = rad if far >= near else -rad
    ox, oy = (mx - cx, my - cy)
    norm = math.hypot(ox, oy) or 1.0
    shift = (ox / norm * 0.1, oy / norm * 0.1)
    arrow = FancyArrowPatch(
        (start[0] + shift[0], start[1] + shift[1]),
        (end[0] + shift[0], end[1] + shift[1]),
        connectionstyle=f"arc3,rad={rad}",
        arrowstyle="-|>,head_length=6,head_width=3.5",
        color=ARROW,
        lw=3,
        zorder=6,
        shrinkA=4,
        shrinkB=4,
    )
    ax.add_patch(arrow)


def _figure(width_px: int, height_px: int) -> tuple[Figure, Axes]:
    fig = Figure(figsize=(width_px / 100, height_px / 100), dpi=100, facecolor=BACKGROUND)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_facecolor(BACKGROUND)
    return fig, ax


def _middle(pose: Pose) -> float:
    """The x the picture is centred on: the middle of every key position and the props, so an
    animation's camera stands still."""
    held = place(pose, pose.end or pose.start)
    bodies = [place(pose, a, like=held) for a in pose.positions]
    shapes, _ = props(pose, held)
    x0 = min(b.extent()[0] for b in bodies)
    x1 = max(b.extent()[2] for b in bodies)
    for shape in shapes:
        if shape.kind in ("box", "chair") and shape.name != "mat":
            right = shape.values[1] if shape.kind == "chair" else shape.values[2]
            x0, x1 = min(x0, shape.values[0]), max(x1, right)
    return (x0 + x1) / 2


def _frame(ax: Axes, middle: float) -> None:
    height = WIDTH_M * 0.75
    ax.set_xlim(middle - WIDTH_M / 2, middle + WIDTH_M / 2)
    ax.set_ylim(BOTTOM_M, BOTTOM_M + height)
    ax.set_aspect("equal")
    floor = Rectangle(
        (middle - WIDTH_M, BOTTOM_M - 1), 2 * WIDTH_M, 1 - BOTTOM_M, color=FLOOR_BAND, lw=0
    )
    ax.add_patch(floor)
    ax.plot([middle - WIDTH_M, middle + WIDTH_M], [0, 0], color=FLOOR, lw=2.5)


def _draw_scene(ax: Axes, pose: Pose, angles: Angles, sided: bool, ghost: Angles | None) -> None:
    """Draw the body at `angles` (and a ghost at `ghost`); props stay where the held (end)
    position puts them, except what the hands carry (a strap, a band)."""
    held = place(pose, pose.end or pose.start)
    body = place(pose, angles, like=held)
    fixed, _ = props(pose, held)
    moving, _ = props(pose, body)
    shapes = tuple(f if f.kind != "line" else m for f, m in zip(fixed, moving, strict=True))
    ghost_body = place(pose, ghost, like=held) if ghost is not None else None
    _frame(ax, _middle(pose))
    on_top = _front_props(pose)
    for shape in shapes:
        if shape.name not in on_top:
            _draw_prop(ax, shape)
    if ghost_body is not None:
        _draw_body(ax, ghost_body, (), sided, ghost=True)
    _draw_body(ax, body, pose.muscles, sided)
    for shape in shapes:
        if shape.name in on_top:
            _draw_prop(ax, shape)
    if ghost_body is not None:
        _arrow(ax, ghost_body, body)


def _rgb(fig: Figure, mirror: bool) -> Image.Image:
    canvas = fig.canvas
    assert isinstance(canvas, FigureCanvasAgg)
    canvas.draw()
    image = Image.frombuffer(
        "RGBA",
        canvas.get_width_height(),
        canvas.buffer_rgba(),
        "raw",
        "RGBA",
        0,
        1,
    ).convert("RGB")
    return image.transpose(Image.Transpose.FLIP_LEFT_RIGHT) if mirror else image


def _label(image: Image.Image, title: str, note: str) -> Image.Image:
    """Text goes on after any mirroring (it would read backwards otherwise)."""
    draw = ImageDraw.Draw(image)
    scale = image.width / 800
    big = ImageFont.truetype(_FONT, round(26 * scale))
    small = ImageFont.truetype(_FONT, round(18 * scale))
    draw.text((round(18 * scale), round(14 * scale)), title, fill=TEXT, font=big)
    if note:
        draw.text(
            (round(18 * scale), image.height - round(34 * scale)), note, fill=MUSCLE, font=small
        )
    return image


def render_still(
    pose: Pose, sided: bool, mirror: bool, size: tuple[int, int], title: str, note: str
) -> bytes:
    """A PNG: the end position (or the only one), the start as a ghost with an arrow."""
    fig, ax = _figure(*size)
    end = pose.end or pose.start
    _draw_scene(ax, pose, end, sided, pose.start if pose.end else None)
    image = _label(_rgb(fig, mirror), title, note)
    out = io.BytesIO()
    image.quantize(colors=96, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        out, format="PNG", optimize=True
    )
    return out.getvalue()


def _ease(t: float) -> float:
    return (1 - math.cos(math.pi * t)) / 2


def render_animation(
    pose: Pose,
    sided: bool,
    mirror: bool,
    size: tuple[int, int],
    title: str,
    note: str,
    frames: int = 14,
) -> bytes:
    """An animated GIF going from start to end and back, pausing at each end; loops forever."""
    end = pose.end or pose.start
    images = []
    for i in range(frames):
        fig, ax = _figure(*size)
        angles = pose.start.blend(end, _ease(i / (frames - 1)))
        _draw_scene(ax, pose, angles, sided, None)
        images.append(_label(_rgb(fig, mirror), title, note))
    # One palette for every frame keeps colours steady and the file small.
    palette = images[-1].quantize(colors=64, method=Image.Quantize.MEDIANCUT)
    sequence = images + images[-2:0:-1]
    paletted = [im.quantize(palette=palette, dither=Image.Dither.NONE) for im in sequence]
    durations = [600 if i in (0, frames - 1) else 70 for i in range(len(sequence))]
    out = io.BytesIO()
    paletted[0].save(
        out,
        format="GIF",
        save_all=True,
        append_images=paletted[1:],
        duration=durations,
        loop=0,
        disposal=1,
        optimize=False,
    )
    return out.getvalue()
