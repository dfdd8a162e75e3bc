"""``python -m pulumi_openconnectors export``: an existing organization as a Pulumi program.

reader.py    reads the account through the API into a :class:`~.reader.Snapshot`
naming.py    stable resource names, Python identifiers and file names
program.py   writes the project: Pulumi.yaml, __main__.py, data files, README.md
cli.py       the command: options, progress on stderr, summary, exit code
"""
