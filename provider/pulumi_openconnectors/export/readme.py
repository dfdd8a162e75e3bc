"""The exported project's README.md, for both programs (Python, :mod:`.program`; Pulumi YAML,
:mod:`.yaml_program`): what was exported, the secrets to set, how to read the first preview,
each formula's flowchart (a Mermaid block) and what needs the user's attention. A
:class:`Flavour` holds the lines that differ between the two programs."""

from __future__ import annotations

import shlex
from dataclasses import dataclass

from .project import Project, one_line


@dataclass(frozen=True)
class Flavour:
    """The README lines that differ between the Python and the YAML program."""

    program: str
    """"a Pulumi program", "a Pulumi YAML program"."""
    command: str
    before: tuple[str, ...]
    """Paragraphs before the secrets (with their blank lines)."""
    secrets_where: tuple[str, str]
    """The end of "Set each one (" and the next line: where the program reads secrets."""
    adoption: tuple[str, ...]
    """The lines after "…each one adopts the existing object"."""
    closing: tuple[str, ...]
    retain_option: str
    graph_hint: str
    """How to draw a formula again (a sentence)."""


def readme(
    out: Project, flavour: Flavour, project_name: str, source: str, retain_on_delete: bool
) -> str:
    lines = [
        f"# {project_name}",
        "",
        f"An Open Connectors organization, exported as {flavour.program} by",
        f"`{flavour.command}`.",
        "",
        f"Source: {source}",
        "",
        "| kind | exported |",
        "|---|---|",
        *(f"| {kind} | {count} |" for kind, count in out.counts.items()),
        "",
        "## Before the first `pulumi up`",
        "",
        *flavour.before,
    ]
    if out.secrets:
        lines += [
            "Secrets are never exported: the API shows them masked. Set each one "
            f"({flavour.secrets_where[0]}",
            flavour.secrets_where[1],
            "",
            "```sh",
            *(
                f"pulumi config set --secret {s.config_key} -- {shlex.quote(f'<{s.what}>')}"
                for s in out.secrets
            ),
            "```",
            "",
        ]
    else:
        lines += ["No secrets to set.", ""]
    lines += [
        "Also set the provider's settings (`openconnectors:baseUrl` or `openconnectors:region`,",
        "`openconnectors:userSecret`, `openconnectors:organizationSecret`; see the",
        "pulumi-openconnectors README).",
        "",
        "## Reviewing the first preview",
        "",
        "`pulumi preview` lists every resource as `+ create`: they are new to this stack. None",
        "of them creates anything in the account: each one adopts the existing object",
        *flavour.adoption,
        "",
        *flavour.closing,
    ]
    if retain_on_delete:
        lines += [
            "",
            f"`pulumi destroy` leaves every object in the account (`{flavour.retain_option}`): "
            "it only",
            "stops managing them.",
        ]
    if out.diagrams:
        lines += ["", "## Formulas", "", flavour.graph_hint]
        for diagram in out.diagrams:
            lines += ["", f"### {one_line(diagram.name)} ({diagram.where})", ""]
            if diagram.mermaid is None:
                lines.append(f"No flowchart: {diagram.problem}")
            else:
                lines += ["```mermaid", diagram.mermaid.rstrip("\n"), "```"]
    if out.notes:
        lines += ["", "## Needs your attention", "", *(f"- {note}" for note in out.notes)]
    return "\n".join(lines) + "\n"
