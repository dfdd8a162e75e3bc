"""The README stays a five-minute page, and the documentation's links lead somewhere.

Every relative link in README.md and docs/**/*.md names a file that exists, without an anchor
(headings move; files are checked), every page under docs/ can be reached from the README, and
the README anchors that the package's messages point users at exist.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"
DOCS = REPO / "docs"
MAX_README_LINES = 250

FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"`[^`\n]*`")
INLINE_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_LINK = re.compile(
    r"^\s{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s+\"[^\"]*\")?\s*$", re.MULTILINE
)
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def pages() -> list[Path]:
    return [README, *sorted(DOCS.rglob("*.md"))]


def links(page: Path) -> list[str]:
    """The link targets of a Markdown page, code blocks and code spans left out."""
    text = INLINE_CODE.sub("", FENCE.sub("", page.read_text(encoding="utf-8")))
    return INLINE_LINK.findall(text) + REFERENCE_LINK.findall(text)


def relative_links(page: Path) -> list[str]:
    return [target for target in links(page) if not SCHEME.match(target)]


def test_readme_is_short() -> None:
    lines = README.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_README_LINES, (
        f"README.md has {lines} lines (at most {MAX_README_LINES}): move detail to a page "
        "under docs/ and link it"
    )


@pytest.mark.parametrize("page", pages(), ids=lambda p: str(p.relative_to(REPO)))
def test_relative_links_name_existing_files_without_anchors(page: Path) -> None:
    problems = []
    for target in relative_links(page):
        if "#" in target:
            problems.append(f"{target}: link the file, not an anchor (headings move)")
            continue
        path = target.split("?", 1)[0]
        if path.startswith("/") or not (page.parent / path).exists():
            problems.append(f"{target}: no such file")
    assert not problems, f"{page.relative_to(REPO)}: " + "; ".join(problems)


def test_every_docs_page_is_reachable_from_the_readme() -> None:
    seen: set[Path] = set()
    todo = [README.resolve()]
    while todo:
        page = todo.pop()
        if page in seen or page.suffix != ".md" or not page.is_file():
            continue
        seen.add(page)
        for target in relative_links(page):
            todo.append((page.parent / target.split("#", 1)[0]).resolve())
    unreachable = [
        str(p.relative_to(REPO)) for p in sorted(DOCS.rglob("*.md")) if p.resolve() not in seen
    ]
    assert not unreachable, f"not linked from README.md (directly or through docs): {unreachable}"


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as '-'."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def test_readme_anchors_named_by_the_package_exist() -> None:
    """Messages of the package point at README sections (`README.md#configuration`)."""
    headings = {
        slug(line.lstrip("#"))
        for line in README.read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    }
    named = {
        anchor
        for source in (REPO / "provider" / "pulumi_openconnectors").rglob("*.py")
        for anchor in re.findall(r"README\.md#([\w-]+)", source.read_text(encoding="utf-8"))
    }
    assert named, "expected at least README.md#configuration (config.py)"
    assert named <= headings, f"README.md has no heading for {sorted(named - headings)}"


def test_readme_names_the_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for command, target in (("make up", "up:"), ("make test", "test:")):
        assert f"| `{command}` |" in text, f"the README's table of the two commands lacks {command}"
        assert re.search(rf"^{target}", makefile, re.MULTILINE), f"Makefile has no {target}"
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.rstrip().endswith("make test"), ".ci/run must run exactly the README's test command"
