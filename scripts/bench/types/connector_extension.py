"""ConnectorExtension in ``make bench --types-n`` (scripts/bench/bench_types.py): one
extension per catalog connector (the emulator's catalog has four), each with one resource."""

from bench_types import TypeBench

BENCH = TypeBench(
    setup="""\
EXTENDED = ("closeio", "brighttalk", "sfdc", "hootsuite")  # one extension per catalog connector
""",
    program="""\
    if i < len(EXTENDED):
        oc.ConnectorExtension(
            f"ext-{i}",
            element_key=EXTENDED[i],
            resources=[{"path": "/hubs/any/bench", "method": "GET", "vendorPath": f"/{tag}"}],
        )
""",
    routes=r"^\S+ /elements/\{keyOrId\}/resources",
    held="elementResources",
    limit=4,
    two_calls={
        "up": "GET /elements/{key}/resources (resources the organization already added are "
        "refused, not silently taken over) then one POST per resource",
        "update": "GET /elements/{key}/resources (the live resources, matched by method and "
        "path) then one PUT per changed resource",
        "destroy": "GET /elements/{key}/resources for the ids, then one DELETE per resource "
        "(the platform deletes a resource by id, Pulumi knows the extension by connector key)",
    },
)
