"""Connector in ``make bench --types-n`` (scripts/bench/bench_types.py)."""

from bench_types import TypeBench

BENCH = TypeBench(
    program="""\
    oc.Connector(
        f"conn-{i}",
        key=f"bench-conn-{i}",
        name=f"bench connector {i}",
        description=f"bench {tag}",
        hub="crm",
        authentication={"type": "basic"},
        resources=[{"path": "/hubs/crm/contacts", "method": "GET",
                    "vendorPath": "/contacts", "vendorMethod": "GET"}],
    )
""",
    routes=r"^\S+ /elements(?!/\{keyOrId\}/resources)(/|$)",
    held="privateElements",
    notes={
        "update": "one PUT /elements/{key} here, where the program sets hub and description; "
        "a Connector that leaves hub or description unset (not managed) reads first, GET "
        "then PUT, to keep them"
    },
)
