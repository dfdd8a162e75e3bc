"""Resource types. Each type is one folder (``connector_instance/``, ...) with:

    spec.py        its properties: inputs, outputs, secrets, what a change does, docs
    resource.py    the class users write (typed keywords), built on :class:`SpecResource`
    provider.py    its dynamic provider, a :class:`SpecProvider` naming the spec
    inputs.py      its pydantic inputs model (check)
    state.py       outputs from what the API returns, inputs back from state
    operations.py  create / read / update / delete against the client

A type is registered by one line in :mod:`.registry` (its folder's name): the package's public
names, the lazy imports, the reference docs and the provider lookup derive from that list.

Shared: :mod:`.spec`, :mod:`.resource`, :mod:`.provider`, :mod:`.operations` (validation and
the lifecycle interface), :mod:`.runtime` (one client per process), :mod:`.docs`.
"""
