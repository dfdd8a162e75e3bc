"""``python -m pulumi_openconnectors export``: an existing organization as a Pulumi program.

reader.py    reads the account through the API into a :class:`~.reader.Snapshot`
naming.py    stable, unique resource names, Python identifiers and file names; --project
program.py   writes the project: Pulumi.yaml, __main__.py, data files, README.md
output.py    the --out directory: checked before reading, the manifest, writing
cli.py       the command: options, progress on stderr, summary, exit code
"""
