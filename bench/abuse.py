#!/usr/bin/env python3
"""The attacks of docs/security.md, run against the packaged service with the container image's JVM options.

Starts target/quarkus-app/quarkus-run.jar (build it first: ./mvnw -B package -DskipTests) with the JAVA_OPTS of
src/main/docker/Dockerfile.jvm in a machine of 512 MiB (-XX:MaxRAM=512m: a 256 MiB heap, ExitOnOutOfMemoryError),
on 127.0.0.1, then runs each attack and prints what the service answered, whether the JVM lived, its peak resident
memory, and how a well-behaved client fared meanwhile (an evaluation and a readiness probe, each timed).

Usage: python3 bench/abuse.py [attack ...]   (attacks: bodies batches slowreaders connections logins; default all)
Only the standard library; all traffic stays on 127.0.0.1. The figures go to docs/security.md, "Measured".
"""
import http.client
import json
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "target", "quarkus-app", "quarkus-run.jar")
PROFILE = open(os.path.join(ROOT, "examples", "declining-coal-city.json"), "rb").read()
ADMIN = "abuse-bench-admin-password"


def container_options():
    text = open(os.path.join(ROOT, "src", "main", "docker", "Dockerfile.jvm")).read()
    return ["-XX:MaxRAM=512m"] + re.search(r'JAVA_OPTS="([^"]*)"', text).group(1).split()


class Service:
    def __init__(self, properties=()):
        self.data = tempfile.mkdtemp(prefix="abuse-")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        env = dict(os.environ, ADVISOR_ADMIN_PASSWORD=ADMIN, ADVISOR_PLANNER_PASSWORD=ADMIN)
        command = ["java"] + container_options() + [
            "-Dquarkus.http.host=127.0.0.1", f"-Dquarkus.http.port={self.port}",
            f"-Dadvisor.rules-dir={os.path.join(ROOT, 'rules')}", f"-Dadvisor.data-dir={self.data}"] + list(properties) + ["-jar", JAR]
        self.log = open(os.path.join(self.data, "service.log"), "w")
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT, env=env)
        self.peak = 0
        self.sampling = True
        threading.Thread(target=self._sample, daemon=True).start()
        deadline = time.time() + 300
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("the service ended at start; see " + self.log.name)
            try:
                if self.get("/q/health/ready", timeout=5)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise SystemExit("the service was not ready within 5 minutes")

    def _sample(self):
        while self.sampling and self.process.poll() is None:
            try:
                with open(f"/proc/{self.process.pid}/status") as f:
                    for line in f:
                        if line.startswith("VmRSS:"):
                            self.peak = max(self.peak, int(line.split()[1]) // 1024)
            except OSError:
                return
            time.sleep(0.05)

    def alive(self):
        return self.process.poll() is None

    def request(self, method, path, body=None, headers=None, timeout=60, source="127.0.0.1"):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout, source_address=(source, 0))
        try:
            c.request(method, path, body=body, headers=headers or {})
            r = c.getresponse()
            return r.status, r.read()
        finally:
            c.close()

    def get(self, path, timeout=60):
        return self.request("GET", path, timeout=timeout)

    def probe(self):
        """A well-behaved client (from 127.0.0.2, another address than the attackers'): one evaluation and one
        readiness probe, each timed (ms), with their statuses."""
        out = []
        for method, path, body in (("POST", "/api/v1/recommendations?view=summary", PROFILE),
                                   ("GET", "/q/health/ready", None)):
            t = time.monotonic()
            try:
                status = self.request(method, path, body, {"Content-Type": "application/json"}, timeout=30,
                                      source="127.0.0.2")[0]
            except OSError as e:
                status = type(e).__name__
            out.append(f"{status} in {(time.monotonic() - t) * 1000:.0f} ms")
        return "evaluation " + out[0] + ", readiness " + out[1]

    def stop(self):
        self.sampling = False
        if self.alive():
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()
        if os.environ.get("KEEP_LOGS"):
            print("   service log kept in", self.log.name)
        else:
            shutil.rmtree(self.data, ignore_errors=True)


def tally(statuses):
    counts = {}
    for s in statuses:
        counts[s] = counts.get(s, 0) + 1
    return ", ".join(f"{k}: {v}" for k, v in sorted(counts.items(), key=lambda kv: str(kv[0])))


def parallel(n, work):
    results = [None] * n
    def run(i):
        try:
            results[i] = work(i)
        except Exception as e:  # the attack's own failure is a result too
            results[i] = type(e).__name__
    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def send_body(service, path, size, chunked):
    """Streams a body of `size` bytes (JSON whitespace after an opening bracket) and returns the status."""
    s = socket.create_connection(("127.0.0.1", service.port), timeout=60)
    try:
        head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        head += "Transfer-Encoding: chunked\r\n\r\n" if chunked else f"Content-Length: {size}\r\n\r\n"
        s.sendall(head.encode())
        block = b"[" + b" " * (64 * 1024 - 1)
        sent = 0
        try:
            while sent < size:
                piece = block if sent == 0 else b" " * len(block)
                s.sendall((f"{len(piece):x}\r\n".encode() + piece + b"\r\n") if chunked else piece)
                sent += len(piece)
            if chunked:
                s.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the service answered and closed before the whole body: what the limit is for
        answer = s.recv(200).decode(errors="replace")
        return int(answer.split()[1]) if answer.startswith("HTTP/") else "closed"
    finally:
        s.close()


def bodies(service):
    size = 16 * 1024 * 1024
    t = time.monotonic()
    results = parallel(16, lambda i: send_body(service, "/api/v1/recommendations", size, i % 2 == 1))
    return (f"16 parallel 16 MiB bodies to /api/v1/recommendations (half with Content-Length, half chunked): "
            f"{tally(results)} in {time.monotonic() - t:.1f} s")


def batch_body(target):
    """A valid batch of 1,000 profiles, {"profiles": [...]}, padded with whitespace to `target` bytes."""
    core = '"profiles": [' + ",".join([PROFILE.decode()] * 1000) + "]}"
    pad = max(0, target - len(core.encode()) - 1)
    return ("{" + " " * pad + core).encode()


def send_bytes(service, path, body, headers=""):
    """Sends a whole body on a socket of its own and returns the status the service answered (or how it ended)."""
    s = socket.create_connection(("127.0.0.1", service.port), timeout=600)
    try:
        s.sendall((f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n{headers}"
                   f"Content-Length: {len(body)}\r\n\r\n").encode())
        try:
            s.sendall(body)
        except OSError:
            pass  # answered before the whole body was read
        answer = s.recv(200).decode(errors="replace")
        return int(answer.split()[1]) if answer.startswith("HTTP/") else "closed"
    finally:
        s.close()


def batches(service):
    body = batch_body(int(15.8 * 1024 * 1024))
    t = time.monotonic()
    results = parallel(4, lambda i: send_bytes(service, "/api/v1/recommendations/batch?view=summary", body))
    during = service.probe()
    return (f"4 parallel batches of 1,000 profiles in {len(body) / 1048576:.1f} MiB each: {tally(results)} "
            f"(first bytes of each answer) in {time.monotonic() - t:.1f} s; then {during}")


def slowreaders(service):
    """220 clients, each from an address of its own (127.0.1.x), post a batch asking NDJSON and never read the
    answer; a polite client probes meanwhile."""
    body = json.dumps({"profiles": [json.loads(PROFILE)] * 200}).encode()
    socks, statuses = [], []
    for i in range(220):
        try:
            s = socket.create_connection(("127.0.0.1", service.port), timeout=10, source_address=(f"127.0.1.{i + 1}", 0))
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            s.sendall((f"POST /api/v1/recommendations/batch HTTP/1.1\r\nHost: x\r\nAccept: application/x-ndjson\r\n"
                       f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body)
            socks.append(s)
        except OSError as e:
            statuses.append(type(e).__name__)
    time.sleep(2)
    during = service.probe()
    time.sleep(12)  # past the write timeout (10 s)
    after = service.probe()
    time.sleep(20)
    later = service.probe()
    for s in socks:
        try:
            s.settimeout(0.2)
            head = s.recv(12).decode(errors="replace")
            statuses.append(int(head.split()[1]) if head.startswith("HTTP/") else "no answer")
        except OSError:
            statuses.append("no answer")
        s.close()
    return (f"220 clients from 220 addresses posting a 200-profile batch (NDJSON) and never reading: first bytes {tally(statuses)}; "
            f"meanwhile {during}; 12 s later {after}; 32 s later {later}")


def connections(service):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    wanted = min(20000, hard - 200)
    held, refused = [], 0
    t = time.monotonic()
    for _ in range(wanted):
        try:
            held.append(socket.create_connection(("127.0.0.1", service.port), timeout=2))
        except OSError:
            refused += 1
    opened = time.monotonic() - t
    time.sleep(1)
    during = service.probe()
    closed_by_service = 0
    for s in held:
        try:
            s.setblocking(False)
            if s.recv(1) == b"":
                closed_by_service += 1
        except BlockingIOError:
            pass
        except OSError:
            closed_by_service += 1
    for s in held:
        s.close()
    time.sleep(1)
    after = service.probe()
    return (f"{wanted} idle connections opened in {opened:.1f} s ({refused} refused at connect, {closed_by_service} "
            f"closed by the service within a second): meanwhile {during}; once closed {after}")


def logins(service):
    """Behind a proxy (127.0.0.1 trusted): an attacker forges the leftmost X-Forwarded-For; the proxy appends the
    attacker's real address. Then the real planner, from another address, signs in with the right password."""
    import base64
    def attempt(password, forwarded):
        auth = base64.b64encode(f"planner:{password}".encode()).decode()
        headers = {"Authorization": "Basic " + auth, "X-Forwarded-For": forwarded}
        return service.request("GET", "/api/v1/assessments", headers=headers)[0]
    wrong = [attempt("wrong", f"203.0.113.{i % 250}, 198.51.100.66") for i in range(200)]
    right = attempt(ADMIN, "192.0.2.10")
    again = attempt(ADMIN, "203.0.113.9, 198.51.100.66")
    return (f"200 wrong planner passwords through a trusted proxy, each with a different forged X-Forwarded-For: "
            f"{tally(wrong)}; then the real planner from another address with the right password: {right}; "
            f"the right password from the attacker's address: {again}")


PROPERTIES = {"logins": ["-Dadvisor.http.trusted-proxies=127.0.0.1"]}
ATTACKS = {"bodies": bodies, "batches": batches, "slowreaders": slowreaders, "connections": connections,
           "logins": logins}


def main():
    if not os.path.exists(JAR):
        raise SystemExit("no packaged service: ./mvnw -B package -DskipTests")
    chosen = sys.argv[1:] or list(ATTACKS)
    load = open("/proc/loadavg").read().split()[:3]
    print(f"== {os.cpu_count()} cores, load {' '.join(load)}, JVM options {' '.join(container_options())}, "
          f"{time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}")
    for name in chosen:
        service = Service(PROPERTIES.get(name, ()))
        try:
            before = service.peak
            result = ATTACKS[name](service)
            print(f"- {name}: {result}; JVM {'alive' if service.alive() else 'DEAD'}, "
                  f"peak RSS {service.peak} MiB (idle {before} MiB)", flush=True)
        finally:
            service.stop()


if __name__ == "__main__":
    main()
