"""`make bench`: a bounded load test of the production configuration on this machine.

Starts gunicorn with the production settings (debug off, whitenoise, a secret generated
for this run) on 127.0.0.1 and a free port, over a fresh SQLite database with the starting
content in a temporary folder, then runs wrk (Debian's package) against a hashed static
file, the home page, an article, an exercise, a routine, an API list (warm: the response
cache holds them after the first request) and the home page asked with its ETag
(If-None-Match: the 304 path): 20 s each at 32 connections. Prints requests per second,
p50 and p99 latency, errors and unexpected answers per target (anything but a 2xx, or but
a 304 on the 304 path), and each one's throughput as a ratio of the static file's. Then it
changes the content version (as an editor's save does) and times the first request of
each page after it (rendered again) and the next one. Exits non-zero on any error or
unexpected answer. Only 127.0.0.1 is ever contacted.

Environment: BENCH_DURATION (s, default 20), BENCH_CONNECTIONS (32), BENCH_THREADS (wrk
threads, 2), BENCH_WORKERS (gunicorn workers, 2 x cores), BENCH_GUNICORN_THREADS (4).
"""

# ruff: noqa: S603, S607 (fixed commands of our own: apt-get, wrk, gunicorn, manage.py)

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
HOST = "127.0.0.1"
ACCEPT_ENCODING = "gzip, br"

DURATION = int(os.environ.get("BENCH_DURATION", "20"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
WRK_THREADS = int(os.environ.get("BENCH_THREADS", "2"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(2 * (os.cpu_count() or 1))))
GUNICORN_THREADS = int(os.environ.get("BENCH_GUNICORN_THREADS", "4"))

# wrk's Lua hooks: count unexpected answers per thread (not a 2xx; not a 304 when the
# script is made with expect_304), print one JSON line at the end.
REPORT_LUA = r"""
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) non2xx = 0 end
function response(status, headers, body)
  if EXPECT_304 then
    if status ~= 304 then non2xx = non2xx + 1 end
  elseif status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  local non = 0
  for _, thread in ipairs(threads) do non = non + thread:get("non2xx") end
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, '
    .. '"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d, "non2xx": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout, non))
end
"""


def ensure_wrk() -> str:
    wrk = shutil.which("wrk")
    if wrk:
        return wrk
    if os.geteuid() != 0:
        sys.exit("wrk is missing: apt-get install wrk (or run make bench as root)")
    print("Installing Debian's wrk...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, env=env)
    return shutil.which("wrk") or sys.exit("wrk is still missing")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def production_env(workdir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="sciatica.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),  # this run only, never written down
        DJANGO_ALLOWED_HOSTS=HOST,
        # Plain HTTP on the loopback: no TLS here, so no redirect, secure cookies or HSTS.
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_COOKIES="0",
        DJANGO_HSTS_SECONDS="0",
        DATABASE_URL=f"sqlite:///{workdir / 'bench.sqlite3'}",
    )
    return env


def manage(env, *args):
    subprocess.run(
        [BIN / "python", "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


def get(url: str, timeout: float = 5, headers: dict | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 (loopback)
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        return response.status, response.read()


def etag_of(url: str) -> str:
    request = urllib.request.Request(url, headers={"Accept-Encoding": ACCEPT_ENCODING})  # noqa: S310
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 (loopback)
        return response.headers["ETag"]


def timed_get(url: str) -> float:
    """Milliseconds for one GET, body read."""
    started = time.perf_counter()
    status, _body = get(url, headers={"Accept-Encoding": ACCEPT_ENCODING})
    if status != 200:
        sys.exit(f"{url}: HTTP {status}")
    return (time.perf_counter() - started) * 1000


def wait_until_up(base: str, server: subprocess.Popen, log: Path):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn exited early:\n{log.read_text()[-3000:]}")
        try:
            if get(base + "/healthz", timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    sys.exit(f"gunicorn did not answer /healthz in 60 s:\n{log.read_text()[-3000:]}")


def targets(base: str) -> list[tuple[str, str]]:
    """(label, path): the pages to load, found from the running app itself."""
    articles = json.loads(get(base + "/api/articles/")[1])["results"]
    exercises = json.loads(get(base + "/api/exercises/")[1])["results"]
    routines = json.loads(get(base + "/api/routines/")[1])["results"]
    manifest = json.loads((ROOT / "staticfiles" / "staticfiles.json").read_text())
    static_path = "/static/" + manifest["paths"]["css/site.css"]
    return [
        ("static file (hashed)", static_path),
        ("home page", "/"),
        ("article", articles[0]["url"]),
        ("exercise", exercises[0]["url"]),
        ("routine", routines[0]["url"]),
        ("API list", "/api/articles/"),
    ]


def run_wrk(wrk: str, script: Path, url: str, headers: tuple[str, ...] = ()) -> dict:
    result = subprocess.run(
        [
            wrk,
            f"--threads={WRK_THREADS}",
            f"--connections={CONNECTIONS}",
            f"--duration={DURATION}s",
            "--timeout=10s",
            f"--header=Accept-Encoding: {ACCEPT_ENCODING}",
            *(f"--header={header}" for header in headers),
            f"--script={script}",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=DURATION + 60,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("BENCH "))
    data = json.loads(line.removeprefix("BENCH "))
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    data["errors"] = sum(data[k] for k in ("connect", "read", "write", "status", "timeout"))
    return data


def print_after_change(env: dict, base: str, pages: list[tuple[str, str]]) -> None:
    """The content version changes (as an editor's save changes it): the first request of
    each page renders it again (in whichever worker answers), the next ones are hits."""
    manage(env, "shell", "-c", "from core.content_version import bump; bump()")
    print("\nAfter a content change (the version bumped; one request at a time):\n")
    header = (
        f"| {'page':<10} | {'first request ms':>16} | {'second ms':>9} | {'warm median ms':>14} |"
    )
    print(header)
    print("|" + "|".join("-" * len(cell) for cell in header.split("|")[1:-1]) + "|")
    for label, path in pages:
        first = timed_get(base + path)
        second = timed_get(base + path)
        warm = sorted(timed_get(base + path) for _ in range(4 * WORKERS + 1))
        print(f"| {label:<10} | {first:>16.1f} | {second:>9.1f} | {warm[len(warm) // 2]:>14.1f} |")


def main() -> int:
    wrk = ensure_wrk()
    if not (ROOT / "staticfiles" / "staticfiles.json").exists():
        sys.exit("run collectstatic first (make bench does)")
    workdir = Path(tempfile.mkdtemp(prefix="sciatica-bench."))
    server = None
    try:
        env = production_env(workdir)
        manage(env, "migrate", "--noinput")
        manage(env, "load_content")
        port = free_port()
        base = f"http://{HOST}:{port}"
        log = workdir / "gunicorn.log"
        command = [
            str(BIN / "gunicorn"),
            "sciatica.wsgi",
            f"--bind={HOST}:{port}",
            f"--workers={WORKERS}",
            "--worker-class=gthread",
            f"--threads={GUNICORN_THREADS}",
        ]
        with log.open("wb") as out:
            server = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
            )
        wait_until_up(base, server, log)
        script = workdir / "report.lua"
        script.write_text("EXPECT_304 = false\n" + REPORT_LUA)
        script_304 = workdir / "report-304.lua"
        script_304.write_text("EXPECT_304 = true\n" + REPORT_LUA)

        print(
            f"gunicorn {WORKERS} workers x {GUNICORN_THREADS} threads (gthread), DEBUG off, "
            f"SQLite; wrk {WRK_THREADS} threads, {CONNECTIONS} connections, {DURATION} s each, "
            f"on {os.cpu_count()} cores shared by server and client\n",
            flush=True,
        )
        results = []
        pages = targets(base)
        for label, path in pages:
            print(f"  {label}: {path} ...", flush=True)
            results.append((label, path, run_wrk(wrk, script, base + path)))
        etag = etag_of(base + "/")
        print(f"  304 path: / with If-None-Match: {etag} ...", flush=True)
        results.append(
            (
                "home, If-None-Match (304)",
                "/",
                run_wrk(wrk, script_304, base + "/", (f"If-None-Match: {etag}",)),
            )
        )

        static_rps = results[0][2]["rps"]
        header = (
            f"| {'target':<26} | {'req/s':>8} | {'p50 ms':>7} | {'p99 ms':>7} "
            f"| {'errors':>6} | {'non-2xx':>7} | {'vs static':>9} |"
        )
        print("\n" + header)
        print("|" + "|".join("-" * (len(cell)) for cell in header.split("|")[1:-1]) + "|")
        failed = False
        for label, _path, r in results:
            failed |= r["errors"] > 0 or r["non2xx"] > 0
            print(
                f"| {label:<26} | {r['rps']:>8.0f} | {r['p50_us'] / 1000:>7.1f} "
                f"| {r['p99_us'] / 1000:>7.1f} | {r['errors']:>6} | {r['non2xx']:>7} "
                f"| {r['rps'] / static_rps:>9.2f} |"
            )
        print("(non-2xx: on the 304 path, any answer but a 304)")
        print_after_change(env, base, pages[1:])
        if failed:
            print("\nFAILED: errors or non-2xx answers (see above).", file=sys.stderr)
            print(log.read_text()[-3000:], file=sys.stderr)
            return 1
        print("\nZero errors, zero non-2xx answers.")
        return 0
    finally:
        if server is not None and server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
