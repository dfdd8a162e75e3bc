"""Formulas as reviewable artefacts: a formula drawn as a flowchart (:mod:`.graph`,
``python -m pulumi_openconnectors graph``)."""
