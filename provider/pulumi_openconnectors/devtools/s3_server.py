"""Start, reuse or stop a local S3-compatible object store for Pulumi state (versitygw).

    python scripts/s3_server.py start  [--state-dir .state/s3] [--prefix P]   prints the backend URL
    python scripts/s3_server.py env    [--state-dir .state/s3] [--prefix P]   start, print exports
    python scripts/s3_server.py status [--state-dir .state/s3]
    python scripts/s3_server.py stop   [--state-dir .state/s3]

(scripts/s3_server.py runs this module's ``main``; so does
``python -m pulumi_openconnectors.devtools.s3_server``.)

The server is the Versity S3 Gateway (built by scripts/bootstrap_s3.sh) with its posix
backend: `<state-dir>/data` is served as S3, each sub-directory a bucket, each file an object,
so the state Pulumi writes can be read on disk. It listens on 127.0.0.1 only, on a port the
kernel picks (it is asked for port 0 and the bound port is read back from /proc, so no other
process can take the port between choosing and binding it), with a random access key and
secret made at the first start and kept in `<state-dir>/credentials.json` (mode 0600), so
exports taken from `env` stay valid across restarts. `start` creates the bucket with a signed
S3 CreateBucket request, waits until a signed HeadBucket succeeds, and writes
`<state-dir>/s3.json` (mode 0600: it holds the secret); a second `start` reuses a server that
still answers. `stop` signals the recorded pid only after checking, from its command line,
that it is this server.

Use the printed URL as PULUMI_BACKEND_URL, with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY
from `env` (or `eval "$(python scripts/s3_server.py env)"`).
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import os
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

import requests

from .. import pids
from .paths import REPO, script

DEFAULT_STATE_DIR = REPO / ".state" / "s3"
DEFAULT_BUCKET = "pulumi-state"
REGION = "us-east-1"
HEALTH_PATH = "/health"
RECORD_NAME = "s3.json"
CREDENTIALS_NAME = "credentials.json"
START_TIMEOUT_S = 30.0


def log(message: str) -> None:
    print(f"[s3] {message}", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class S3Record:
    """What `start` wrote about a running server."""

    pid: int
    port: int
    bucket: str
    region: str
    access_key: str
    secret_key: str
    binary: str
    data_dir: str
    log_file: str

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def backend_url(self, prefix: str = "") -> str:
        """PULUMI_BACKEND_URL for the bucket, optionally under a key prefix.

        The parameters are those of gocloud.dev's s3blob for AWS SDK v2 (what Pulumi v3.259
        uses): an endpoint with its scheme, path-style addressing (a bucket name is not a
        host name here) and a region for signing.
        """
        path = f"{self.bucket}/{prefix.strip('/')}" if prefix.strip("/") else self.bucket
        return f"s3://{path}?endpoint={self.endpoint}&use_path_style=true&region={self.region}"

    def env(self, prefix: str = "") -> dict[str, str]:
        """Variables for the `pulumi` CLI: the backend URL and credentials for it only.

        The AWS SDK also reads profiles, shared files and session tokens; they are pointed
        away so that a developer's own AWS settings cannot change what is sent here.
        """
        return {
            "PULUMI_BACKEND_URL": self.backend_url(prefix),
            "AWS_ACCESS_KEY_ID": self.access_key,
            "AWS_SECRET_ACCESS_KEY": self.secret_key,
            "AWS_SESSION_TOKEN": "",
            "AWS_PROFILE": "",
            "AWS_CONFIG_FILE": os.devnull,
            "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
            "AWS_EC2_METADATA_DISABLED": "true",
        }


# -- S3 requests (AWS Signature Version 4, enough for bucket-level calls) -----------------


def _hmac(key: bytes, message: str) -> bytes:
    return hmac.new(key, message.encode(), hashlib.sha256).digest()


def signed_headers(
    method: str, host: str, path: str, access_key: str, secret_key: str, region: str
) -> dict[str, str]:
    """Headers that sign a body-less, query-less S3 request (SigV4)."""
    now = datetime.now(timezone.utc)
    amz_date = now.strftime("%Y%m%dT%H%M%SZ")
    day = now.strftime("%Y%m%d")
    payload_hash = hashlib.sha256(b"").hexdigest()
    headers = {"host": host, "x-amz-content-sha256": payload_hash, "x-amz-date": amz_date}
    names = ";".join(sorted(headers))
    canonical = "\n".join(
        [
            method,
            path,
            "",
            "".join(f"{name}:{headers[name]}\n" for name in sorted(headers)),
            names,
            payload_hash,
        ]
    )
    scope = f"{day}/{region}/s3/aws4_request"
    to_sign = "\n".join(
        ["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()]
    )
    key = _hmac(
        _hmac(_hmac(_hmac(f"AWS4{secret_key}".encode(), day), region), "s3"), "aws4_request"
    )
    signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    return {
        "x-amz-content-sha256": payload_hash,
        "x-amz-date": amz_date,
        "Authorization": (
            f"AWS4-HMAC-SHA256 Credential={access_key}/{scope}, "
            f"SignedHeaders={names}, Signature={signature}"
        ),
    }


def s3_request(record: S3Record, method: str, path: str) -> requests.Response:
    headers = signed_headers(
        method,
        f"127.0.0.1:{record.port}",
        path,
        record.access_key,
        record.secret_key,
        record.region,
    )
    return requests.request(method, record.endpoint + path, headers=headers, timeout=5)


def healthy(record: S3Record) -> bool:
    """The server answers and the credentials reach the bucket (signed HeadBucket)."""
    try:
        return s3_request(record, "HEAD", f"/{record.bucket}").status_code == 200
    except requests.RequestException:
        return False


def create_bucket(record: S3Record) -> None:
    """CreateBucket; a bucket that exists already (from an earlier start) is fine."""
    answer = s3_request(record, "PUT", f"/{record.bucket}")
    if answer.status_code == 200 or "BucketAlreadyOwnedByYou" in answer.text:
        return
    # Created under other credentials (credentials.json deleted since): the root account
    # still reaches it, which is all that counts here.
    if "BucketAlreadyExists" in answer.text and healthy(record):
        return
    raise RuntimeError(
        f"CreateBucket {record.bucket} answered {answer.status_code}: {answer.text[:500]}"
    )


# -- processes ------------------------------------------------------------------------------


def alive(pid: int) -> bool:
    """The process runs (a zombie does not: one that exited but was not reaped yet)."""
    try:
        # Reap it if it is our child (the server started by `start` in this same process,
        # as in a pytest session); any other process is not ours to wait for.
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    except ChildProcessError:
        pass
    return pids.running(pid, lambda proc: pids.state(proc) != "Z")


def command_line(pid: int) -> list[str]:
    """The process's argv, or [] when it is gone."""
    if Path("/proc/self").exists():
        try:
            raw = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            return []
        return [arg for arg in raw.decode(errors="replace").split("\0") if arg]
    out = subprocess.run(
        ["ps", "-o", "command=", "-p", str(pid)], capture_output=True, text=True, check=False
    )
    return shlex.split(out.stdout.strip()) if out.returncode == 0 else []


def is_ours(record: S3Record) -> bool:
    """The recorded pid still runs the recorded binary on the recorded data directory."""
    argv = command_line(record.pid)
    return (
        bool(argv)
        and os.path.realpath(argv[0]) == os.path.realpath(record.binary)
        and record.data_dir in argv
    )


def listening_ports(pid: int) -> set[int]:
    """TCP ports the process listens on, from its socket inodes and /proc/<pid>/net/tcp*."""
    inodes: set[str] = set()
    try:
        fds = list(Path(f"/proc/{pid}/fd").iterdir())
    except OSError:
        return set()
    for fd in fds:
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    ports: set[int] = set()
    for table in ("tcp", "tcp6"):
        try:
            rows = Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            if len(fields) > 9 and fields[3] == "0A" and fields[9] in inodes:  # 0A: LISTEN
                ports.add(int(fields[1].rsplit(":", 1)[1], 16))
    return ports


def kernel_picks_port() -> bool:
    return Path("/proc/self/net/tcp").exists()


def free_port() -> int:
    """Only where /proc is missing: a port free now, retried if the server cannot bind it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def xattrs_supported(directory: Path) -> bool:
    """The posix backend keeps object metadata in user xattrs, or else in a sidecar dir."""
    setxattr = getattr(os, "setxattr", None)
    if setxattr is None:
        return False
    probe = directory / f".xattr-probe-{os.getpid()}"
    probe.touch()
    try:
        setxattr(probe, "user.openconnectors.probe", b"1")
    except OSError:
        return False
    finally:
        probe.unlink(missing_ok=True)
    return True


def bootstrap_binary() -> str:
    """Path of versitygw from scripts/bootstrap_s3.sh (builds it the first time)."""
    out = subprocess.run(
        ["bash", str(script("bootstrap_s3.sh"))],
        check=True,
        stdout=subprocess.PIPE,
        text=True,
        timeout=3600,
    )
    return out.stdout.strip().splitlines()[-1]


# -- record ---------------------------------------------------------------------------------


def read_record(state: Path) -> S3Record | None:
    try:
        return S3Record(**json.loads((state / RECORD_NAME).read_text()))
    except (OSError, ValueError, TypeError):
        return None


def write_private(path: Path, content: dict[str, object]) -> None:
    """Write JSON readable by the owner only, atomically."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump(content, fh, indent=2)
    os.replace(tmp, path)


def write_record(state: Path, record: S3Record) -> None:
    write_private(state / RECORD_NAME, asdict(record))


def credentials(state: Path) -> tuple[str, str]:
    """The state directory's access key and secret: made at the first start, then kept, so
    that exports taken from `env` stay valid across restarts."""
    path = state / CREDENTIALS_NAME
    try:
        saved = json.loads(path.read_text())
        return str(saved["access_key"]), str(saved["secret_key"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    access_key, secret_key = f"oc{secrets.token_hex(8)}", secrets.token_urlsafe(24)
    write_private(path, {"access_key": access_key, "secret_key": secret_key})
    return access_key, secret_key


# -- commands -------------------------------------------------------------------------------


def running(state: Path) -> S3Record | None:
    """The recorded server, if it is ours and answers."""
    record = read_record(state)
    if record and alive(record.pid) and is_ours(record) and healthy(record):
        return record
    return None


def start(
    state: Path,
    bucket: str = DEFAULT_BUCKET,
    binary: str | None = None,
    access_key: str | None = None,
    secret_key: str | None = None,
) -> S3Record:
    state = state.resolve()
    current = running(state)
    if current and current.bucket == bucket:
        log(f"reusing the S3 server already running at {current.endpoint} (pid {current.pid})")
        return current
    stop(state, quiet=True)

    binary = binary or bootstrap_binary()
    data_dir = state / "data"
    data_dir.mkdir(parents=True, exist_ok=True)
    log_file = state / "s3.log"
    if not (access_key and secret_key):
        access_key, secret_key = credentials(state)

    backend_args: list[str] = []
    if not xattrs_supported(data_dir):
        (state / "meta").mkdir(exist_ok=True)
        backend_args = ["--sidecar", str(state / "meta")]
        log(f"{data_dir} has no user xattrs: object metadata goes to {state / 'meta'}")

    env = {k: v for k, v in os.environ.items() if not k.startswith(("VGW_", "ROOT_"))}
    # Credentials by environment, not argv: `ps` shows argv to every user.
    env.update({"ROOT_ACCESS_KEY_ID": access_key, "ROOT_SECRET_ACCESS_KEY": secret_key})

    attempts = 1 if kernel_picks_port() else 5
    for attempt in range(1, attempts + 1):
        asked = 0 if kernel_picks_port() else free_port()
        argv = [
            binary,
            "--port",
            f"127.0.0.1:{asked}",
            "--region",
            REGION,
            "--health",
            HEALTH_PATH,
            "--quiet",
            "posix",
            *backend_args,
            str(data_dir),
        ]
        with log_file.open("ab") as out:
            process = subprocess.Popen(
                argv,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        started = time.monotonic()
        deadline = started + START_TIMEOUT_S
        port = asked
        while time.monotonic() < deadline and process.poll() is None:
            if not port:
                ports = listening_ports(process.pid)
                port = min(ports) if ports else 0
            if port:
                try:
                    up = requests.get(f"http://127.0.0.1:{port}{HEALTH_PATH}", timeout=2)
                except requests.RequestException:
                    up = None
                if up is not None and up.status_code == 200:
                    break
            time.sleep(0.05)
        else:
            if process.poll() is None:
                process.kill()
                process.wait()
                raise SystemExit(
                    f"the S3 server did not answer in {START_TIMEOUT_S:.0f} s; see {log_file}"
                )
            tail = log_file.read_text(errors="replace")[-2000:]
            if "bind" in tail and attempt < attempts:
                log(f"port {asked} was taken before the server bound it; trying another")
                continue
            raise SystemExit(
                f"the S3 server exited with {process.returncode}; see {log_file}:\n{tail}"
            )

        record = S3Record(
            pid=process.pid,
            port=port,
            bucket=bucket,
            region=REGION,
            access_key=access_key,
            secret_key=secret_key,
            binary=binary,
            data_dir=str(data_dir),
            log_file=str(log_file),
        )
        try:
            create_bucket(record)
            if not healthy(record):
                raise RuntimeError(f"HeadBucket {bucket} failed after CreateBucket")
        except (RuntimeError, requests.RequestException) as exc:
            process.terminate()
            process.wait(timeout=10)
            raise SystemExit(f"the S3 server started but the bucket is not usable: {exc}") from exc
        write_record(state, record)
        log(
            f"ready in {time.monotonic() - started:.2f} s at {record.endpoint} "
            f"(pid {record.pid}, bucket {bucket} in {data_dir})"
        )
        return record
    raise SystemExit("the S3 server did not start")  # pragma: no cover - loop returns or raises


def stop(state: Path, quiet: bool = False) -> None:
    state = state.resolve()
    record = read_record(state)
    if record is None:
        if not quiet:
            log("no S3 server recorded as running")
        return
    if alive(record.pid) and not is_ours(record):
        log(
            f"pid {record.pid} is no longer the S3 server (its command line differs): not signalled"
        )
    elif alive(record.pid):
        began = time.monotonic()
        os.kill(record.pid, signal.SIGTERM)
        how = "stopped"
        # versitygw lets requests in flight finish for up to 10 s, then exits.
        while alive(record.pid):
            if time.monotonic() - began > 12:
                os.kill(record.pid, signal.SIGKILL)
                how = "killed (SIGTERM did not end it)"
                break
            time.sleep(0.02)
        log(
            f"{how} the S3 server (pid {record.pid}) in {time.monotonic() - began:.2f} s; "
            f"its data stays in {record.data_dir}"
        )
    (state / RECORD_NAME).unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("command", choices=["start", "stop", "status", "env"])
    parser.add_argument("--state-dir", type=Path, default=DEFAULT_STATE_DIR)
    parser.add_argument("--bucket", default=DEFAULT_BUCKET)
    parser.add_argument("--prefix", default="", help="key prefix for the state in the bucket")
    parser.add_argument("--binary", help="versitygw to run (default: scripts/bootstrap_s3.sh)")
    args = parser.parse_args(argv)
    if args.command == "start":
        print(
            start(args.state_dir, bucket=args.bucket, binary=args.binary).backend_url(args.prefix)
        )
    elif args.command == "stop":
        stop(args.state_dir)
    elif args.command == "env":
        record = start(args.state_dir, bucket=args.bucket, binary=args.binary)
        for name, value in record.env(args.prefix).items():
            print(f"export {name}={shlex.quote(value)}")
    else:
        current = running(args.state_dir.resolve())
        print(current.backend_url(args.prefix) if current else "not running")
        sys.exit(0 if current else 1)


if __name__ == "__main__":
    main()
