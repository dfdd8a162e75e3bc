"""Start, reuse or stop a local S3-compatible object store for Pulumi state (versitygw).

    python scripts/s3_server.py start|env|status|stop [--state-dir .state/s3] [--prefix P]

The code is pulumi_openconnectors/devtools/s3_server.py (its docstring has the details).
"""

from pulumi_openconnectors.devtools.s3_server import main

if __name__ == "__main__":
    main()
