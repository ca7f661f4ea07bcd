"""The user's data as files: one JSON document, and a ZIP with one CSV per table."""

from __future__ import annotations

import csv
import io
import json
import zipfile


def as_json(tables: dict[str, list[dict[str, object]]]) -> bytes:
    """Every table as a readable JSON document."""
    return json.dumps(tables, indent=2, ensure_ascii=False, default=str).encode()


def as_csv_zip(tables: dict[str, list[dict[str, object]]]) -> bytes:
    """A ZIP archive holding `<table>.csv` for each table (header row even when empty)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, rows in tables.items():
            text = io.StringIO()
            columns = list(rows[0]) if rows else []
            writer = csv.DictWriter(text, fieldnames=columns)
            if columns:
                writer.writeheader()
                writer.writerows(
                    {k: json.dumps(v) if isinstance(v, list | dict) else v for k, v in row.items()}
                    for row in rows
                )
            archive.writestr(f"{name}.csv", text.getvalue())
    return buffer.getvalue()
