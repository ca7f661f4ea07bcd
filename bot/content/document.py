"""Reading one content file: front matter with the line of every key, and the markdown body.

Problems are collected (as `path:line: what is wrong`) rather than raised, so an author sees every
mistake in a folder at once.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import frontmatter
import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        if self.line <= 0:  # a problem with a folder rather than a line of a file
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Document:
    """A markdown file split into front matter (values and key lines) and a parsed body."""

    path: str
    data: dict[str, Any]
    key_lines: dict[str, int]
    value_nodes: dict[str, yaml.Node]
    body: str
    body_line: int  # 1-based line of the body's first line in the file
    first: int  # 1-based line of the front matter's first line (YAML marks count from there)


class Reader:
    """Collects problems while reading files."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.id_lines: dict[str, int] = {}
        self.key_lines: dict[str, dict[str, int]] = {}  # per card file, for cross-card checks
        self.warnings: list[str] = []  # worth fixing, not worth refusing to start over

    def name(self, path: Path) -> str:
        try:
            return str(path.relative_to(Path.cwd()))
        except ValueError:
            return str(path)

    def problem(self, path: str, line: int, message: str) -> None:
        self.problems.append(Problem(path, line, message))

    def document(self, path: Path) -> Document | None:
        """Split and parse one file; report malformed front matter with its line."""
        name = self.name(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self.problem(name, 1, f"cannot read the file ({exc.__class__.__name__})")
            return None
        if not text.startswith("---"):
            self.problem(name, 1, "the file must start with front matter between two '---' lines")
            return None
        raw, body = frontmatter.YAMLHandler().split(text)
        first = text[: text.find(raw)].count("\n") + 1 if raw.strip() else 2
        loader = _Loader(raw)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = first + (mark.line if mark else 0)
            self.problem(name, line, f"malformed front matter: {exc.problem or exc.context}")
            return None
        finally:
            loader.dispose()
        if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
            self.problem(name, 2, "front matter must be a set of 'key: value' lines")
            return None
        key_lines: dict[str, int] = {}
        value_nodes: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = first + key_node.start_mark.line
            if key in key_lines:
                self.problem(name, line, f"key '{key}' appears twice")
            key_lines[key] = line
            value_nodes[key] = value_node
        # The body is everything after the closing '---' line; parse it from there so markdown line
        # numbers map straight onto file lines.
        lines = text.splitlines()
        close = next(
            (i for i in range(1, len(lines)) if re.fullmatch(r"-{3,}\s*", lines[i])), len(lines)
        )
        body = "\n".join(lines[close + 1 :])
        body_line = close + 2
        return Document(name, data, key_lines, value_nodes, body, body_line, first)


# libyaml's parser when PyYAML was built with it: ten times quicker, a third of start-up.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# --- markdown body ---------------------------------------------------------------------------

markdown = MarkdownIt("commonmark")


def inline_html(token: Token) -> str:
    """Render a paragraph's inline markdown as the small HTML subset Telegram accepts."""
    out: list[str] = []
    tags = {"strong_open": "<b>", "strong_close": "</b>", "em_open": "<i>", "em_close": "</i>"}
    for child in token.children or []:
        if child.type == "text":
            out.append(html.escape(child.content, quote=False))
        elif child.type == "code_inline":
            out.append(f"<code>{html.escape(child.content, quote=False)}</code>")
        elif child.type == "html_inline":  # authors write text, not HTML: show it as typed
            out.append(html.escape(child.content, quote=False))
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif child.type in tags:
            out.append(tags[child.type])
    return "".join(out).strip()


def visible(fragment: str) -> str:
    """The text a reader sees once the HTML tags are gone."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


@dataclass
class Section:
    title: str
    line: int
    ordered: list[tuple[int, str]]
    bullets: list[tuple[int, str]]
    paragraphs: list[str]


def sections(body: str, body_line: int) -> list[Section]:
    """Split a body into `## Heading` sections with their list items and paragraphs."""
    sections: list[Section] = [Section("", body_line, [], [], [])]
    tokens = markdown.parse(body)
    list_kind: list[str] = []
    in_item = 0
    for i, token in enumerate(tokens):
        line = body_line + (token.map[0] if token.map else 0)
        if token.type == "heading_open":
            title = tokens[i + 1].content.strip()
            sections.append(Section(title, line, [], [], []))
        elif token.type in ("ordered_list_open", "bullet_list_open"):
            list_kind.append(token.type)
        elif token.type in ("ordered_list_close", "bullet_list_close"):
            list_kind.pop()
        elif token.type == "list_item_open":
            in_item += 1
        elif token.type == "list_item_close":
            in_item -= 1
        elif token.type == "inline" and tokens[i - 1].type == "paragraph_open":
            fragment = inline_html(token)
            if in_item and list_kind[-1] == "ordered_list_open":
                sections[-1].ordered.append((line, fragment))
            elif in_item:
                sections[-1].bullets.append((line, fragment))
            else:
                sections[-1].paragraphs.append(fragment)
    return sections
