# SPDX-License-Identifier: GPL-2.0-or-later
"""The organisers' server, as hallscreen-fetch meets it, for the tests: on
127.0.0.1 only, on a free port (written to PORT_FILE once it listens).

  /files/NAME   NAME from FILES_DIR, with an ETag and a Last-Modified, and
                304 Not Modified to a request that sends either back
  /live         the file named in CONTROL_DIR/live (one of FILES_DIR), or
                the status written in CONTROL_DIR/status when there is one
  /slow         a body that comes a byte a second
  /truncated    half the body its Content-Length announces
  /html         200 with an HTML error page
  /empty        200 with nothing
  /shape        200 with JSON of the wrong shape
  /error        503
  /big          a 50 MB body with no Content-Length
  /big-announced  the same, announced with its Content-Length
  /loop         a redirect to /loop2, which redirects back to /loop
  /moved        a redirect to /files/lswt2019.xml
  /gzip         lswt2019.xml compressed, as Content-Encoding: gzip says
  /badgzip      Content-Encoding: gzip over a body that is not

Each request is logged to CONTROL_DIR/requests as one line: the path, the
If-None-Match and If-Modified-Since sent ("-" for none), the User-Agent,
the status answered. With --tls CERT KEY it speaks HTTPS.

usage: fetch_server.py FILES_DIR CONTROL_DIR PORT_FILE [--tls CERT KEY]
"""
import email.utils
import gzip
import hashlib
import http.server
import os
import ssl
import sys
import time

FILES, CONTROL, PORT_FILE = sys.argv[1:4]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def note(self, status):
        with open(os.path.join(CONTROL, "requests"), "a") as log:
            log.write("%s %s %s %s %d\n" % (
                self.path,
                self.headers.get("If-None-Match", "-"),
                (self.headers.get("If-Modified-Since") or "-").replace(" ", "_"),
                self.headers.get("User-Agent", "-").replace(" ", "_"),
                status))

    def answer(self, status, body=b"", headers=(), length=None):
        self.note(status)
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        if length is not False:
            self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def serve_file(self, name):
        path = os.path.join(FILES, os.path.basename(name))
        if not os.path.isfile(path):
            return self.answer(404, b"not found\n")
        with open(path, "rb") as f:
            body = f.read()
        etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        modified = email.utils.formatdate(int(os.stat(path).st_mtime), usegmt=True)
        headers = [("ETag", etag), ("Last-Modified", modified),
                   ("Content-Type", "application/json" if name.endswith(".json") else "text/xml")]
        if self.headers.get("If-None-Match") == etag or (
                "If-None-Match" not in self.headers
                and self.headers.get("If-Modified-Since") == modified):
            return self.answer(304, headers=headers, length=False)
        self.answer(200, body, headers)

    def read_control(self, name):
        try:
            with open(os.path.join(CONTROL, name)) as f:
                return f.read().strip()
        except OSError:
            return None

    def do_GET(self):
        path = self.path
        if path.startswith("/files/"):
            return self.serve_file(path[len("/files/"):])
        if path == "/live":
            status = self.read_control("status")
            if status:
                return self.answer(int(status), b"<html><body>down</body></html>\n")
            return self.serve_file(self.read_control("live") or "missing")
        if path == "/slow":
            self.note(200)
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"<")
                    self.wfile.flush()
                    time.sleep(1)
            except OSError:
                pass
            return
        if path == "/truncated":
            with open(os.path.join(FILES, "lswt2019.xml"), "rb") as f:
                body = f.read()
            self.answer(200, body[: len(body) // 2], length=len(body))
            self.close_connection = True
            return
        if path == "/html":
            return self.answer(200, b"<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title>"
                               b"</head><body><h1>Bad Gateway</h1></body></html>\n",
                               [("Content-Type", "text/html")])
        if path == "/empty":
            return self.answer(200, b"")
        if path == "/shape":
            return self.answer(200, b'{"schedule": {"version": "1", "talks": []}}\n')
        if path == "/error":
            return self.answer(503, b"<html><body>Service Unavailable</body></html>\n")
        if path in ("/big", "/big-announced"):
            size = 50 << 20
            self.note(200)
            self.send_response(200)
            if path == "/big-announced":
                self.send_header("Content-Length", str(size))
            else:
                self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"[" * 65536
            try:
                for _ in range(size // len(chunk)):
                    self.wfile.write(chunk)
            except OSError:
                pass
            self.close_connection = True
            return
        if path in ("/loop", "/loop2"):
            other = "/loop2" if path == "/loop" else "/loop"
            return self.answer(302, headers=[("Location", other)])
        if path in ("/gzip", "/badgzip"):
            with open(os.path.join(FILES, "lswt2019.xml"), "rb") as f:
                body = f.read()
            return self.answer(200, gzip.compress(body) if path == "/gzip" else body,
                               [("Content-Encoding", "gzip")])
        if path == "/moved":
            return self.answer(301, headers=[("Location", "/files/lswt2019.xml")])
        self.answer(404, b"not found\n")


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
if len(sys.argv) > 4 and sys.argv[4] == "--tls":
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(sys.argv[5], sys.argv[6])
    server.socket = context.wrap_socket(server.socket, server_side=True)
with open(PORT_FILE + ".tmp", "w") as f:
    f.write("%d\n" % server.server_address[1])
os.rename(PORT_FILE + ".tmp", PORT_FILE)
server.serve_forever()
