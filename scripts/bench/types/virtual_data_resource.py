"""VirtualDataResource in ``make bench --types-n`` (scripts/bench/bench_types.py)."""

from bench_types import TypeBench

BENCH = TypeBench(
    program="""\
    oc.VirtualDataResource(
        f"vdr-{i}",
        name=f"benchVdr{i}",
        definition={"fields": [{"path": "id", "type": "string"}, {"path": tag, "type": "string"}]},
        transformations={"closeio": {"vendorName": "contacts", "fields": [
            {"path": "id", "vendorPath": "id"}, {"path": tag, "vendorPath": tag.upper()}]}},
    )
""",
    routes=r"^\S+ /vdrs(/|$)",
    held="vdrs",
    two_calls={
        "up": "POST /vdrs (the definition; a taken name answers 409, so a create never takes "
        "over a VDR of the same name, and a create whose answer was lost is found) then PUT "
        "/vdrs/import (the transformations)"
    },
    notes={
        "destroy": "one DELETE /vdrs/{id} of the id the create's answer gave (vdr_id in "
        "state); a state written before vdr_id was kept finds the id by name first, GET "
        "/vdrs?where=objectName in (...) then DELETE"
    },
)
