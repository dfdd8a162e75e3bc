"""torn_metadata: which empty metadata sidecars of a file backend are removed, and for whom."""

from __future__ import annotations

from pathlib import Path

import pytest

from pulumi_openconnectors.torn_metadata import backend_root, remove_torn_sidecars, removed_note

STACK_FILES = [
    "meta.yaml.attrs",
    "stacks/proj/dev.json.attrs",
    "stacks/proj/dev.json.bak.attrs",
    "history/proj/dev/dev-1.checkpoint.json.attrs",
    "backups/proj/dev/dev.1.json.attrs",
    "locks/proj/dev/abc.json.attrs",
]
OTHER_FILES = [
    "stacks/proj/prod.json.attrs",  # another stack of the project, written at the same time
    "history/proj/prod/prod-1.checkpoint.json.attrs",
    "locks/proj/prod/def.json.attrs",
    "stacks/other/dev.json.attrs",  # the same stack name in another project
    "history/other/dev/dev-1.history.json.attrs",
]


def _backend(tmp_path: Path) -> Path:
    root = tmp_path / "state" / ".pulumi"
    for name in STACK_FILES + OTHER_FILES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("")
    (root / "stacks/proj/dev.json").write_text("{}")  # not a sidecar
    (root / "history/proj/dev/dev-2.checkpoint.json.attrs").write_text('{"user.content_type": 1}')
    return root


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("file:///var/state", "/var/state/.pulumi"),
        ("file:///var/my%20state?no_tmp_dir=true", "/var/my state/.pulumi"),
        ("file://~/state", str(Path("~/state").expanduser() / ".pulumi")),
        ("s3://bucket/prefix?region=x", None),
        ("https://api.pulumi.com", None),
    ],
)
def test_only_a_file_backend_has_a_root(url: str, expected: str | None) -> None:
    root = backend_root(url)
    assert (None if root is None else str(root)) == expected


def test_one_stacks_empty_sidecars_and_the_backends_own_are_removed(tmp_path: Path) -> None:
    root = _backend(tmp_path)
    removed = remove_torn_sidecars(f"file://{root.parent}", project="proj", stack="dev")
    assert sorted(p.relative_to(root).as_posix() for p in removed) == sorted(STACK_FILES)
    assert all((root / name).exists() for name in OTHER_FILES)  # other stacks' files untouched
    assert (root / "stacks/proj/dev.json").read_text() == "{}"
    assert (root / "history/proj/dev/dev-2.checkpoint.json.attrs").stat().st_size > 0


def test_without_a_stack_every_empty_sidecar_is_removed(tmp_path: Path) -> None:
    root = _backend(tmp_path)
    removed = remove_torn_sidecars(f"file://{root.parent}")
    assert sorted(p.relative_to(root).as_posix() for p in removed) == sorted(
        STACK_FILES + OTHER_FILES
    )
    assert (root / "history/proj/dev/dev-2.checkpoint.json.attrs").exists()


def test_other_backends_and_a_missing_directory_remove_nothing(tmp_path: Path) -> None:
    assert remove_torn_sidecars("s3://bucket/prefix", project="proj", stack="dev") == []
    assert remove_torn_sidecars(f"file://{tmp_path / 'absent'}") == []


def test_the_note_names_the_file_and_the_error(tmp_path: Path) -> None:
    note = removed_note(tmp_path / "x.json.attrs")
    assert str(tmp_path / "x.json.attrs") in note
    assert "failed to load checkpoint: EOF" in note
