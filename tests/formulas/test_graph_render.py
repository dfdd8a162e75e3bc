"""A real formula drawn by Graphviz (issue 22): ``graph --format svg|png`` writes a valid SVG
holding every step's name and a valid PNG of the same drawing. Graphviz comes from Debian's
packages (scripts/bootstrap_graphviz.sh): the fixture runs the script, which does nothing
when ``dot`` is already on PATH."""

from __future__ import annotations

import json
import struct
import subprocess
import zlib
from pathlib import Path
from xml.etree import ElementTree

import pytest

from pulumi_openconnectors.cli import main
from pulumi_openconnectors.formulas.graph import dot_executable

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "formula-sync" / "formulas" / "sync-contacts.json"
BOOTSTRAP = REPO / "scripts" / "bootstrap_graphviz.sh"
SVG = "{http://www.w3.org/2000/svg}"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="session")
def graphviz() -> str:
    if dot_executable() is None:
        done = subprocess.run(
            ["bash", str(BOOTSTRAP)], capture_output=True, text=True, timeout=900, check=False
        )
        assert done.returncode == 0, done.stderr
    executable = dot_executable()
    assert executable is not None, "scripts/bootstrap_graphviz.sh left no `dot` on PATH"
    return executable


def step_names() -> list[str]:
    return [s["name"] for s in json.loads(EXAMPLE.read_text(encoding="utf-8"))["steps"]]


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """The chunks of a PNG, each CRC checked."""
    assert data[:8] == PNG_SIGNATURE
    chunks, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert zlib.crc32(kind + body) == crc, kind
        chunks.append((kind, body))
        at += 12 + length
    return chunks


def test_svg_and_png_of_a_real_formula(graphviz: str, tmp_path: Path) -> None:
    svg_path, png_path = tmp_path / "sync.svg", tmp_path / "sync.png"
    assert main(["graph", str(EXAMPLE), "--format", "svg", "--out", str(svg_path)]) == 0
    assert main(["graph", str(EXAMPLE), "--format", "png", "--out", str(png_path)]) == 0

    root = ElementTree.fromstring(svg_path.read_bytes())
    assert root.tag == f"{SVG}svg"
    texts = [t.text for t in root.iter(f"{SVG}text")]
    for name in step_names():
        assert name in texts, (name, texts)
    assert "sync-contacts" in texts and "trigger" in texts and "onSuccess: true" in texts
    nodes = [g for g in root.iter(f"{SVG}g") if g.get("class") == "node"]
    assert len(nodes) == 1 + len(step_names())

    chunks = png_chunks(png_path.read_bytes())
    kinds = [kind for kind, _ in chunks]
    assert kinds[0] == b"IHDR" and kinds[-1] == b"IEND" and b"IDAT" in kinds
    width, height, depth, color = struct.unpack(">IIBB", chunks[0][1][:10])
    pixels = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[color]
    assert len(pixels) == height * (1 + (width * channels * depth + 7) // 8)
    # the same drawing as the SVG: its size in points, drawn at Graphviz's 96 dpi
    svg_width = float(root.get("width", "0").removesuffix("pt"))
    svg_height = float(root.get("height", "0").removesuffix("pt"))
    assert abs(width - svg_width * 96 / 72) <= 3 and abs(height - svg_height * 96 / 72) <= 3
    # not a blank picture: more than a few distinct rows
    stride = len(pixels) // height
    assert len({pixels[r * stride + 1 : (r + 1) * stride] for r in range(height)}) > 20
