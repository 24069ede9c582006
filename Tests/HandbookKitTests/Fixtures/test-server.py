# A static file server for the browser tests, on 127.0.0.1 only.
# GET /__wait?s=N answers after N seconds: a page that loads it keeps headless Chromium's virtual
# clock waiting in real time, long enough for Pagefind's web worker to finish a search.
import functools, http.server, sys, time

class Handler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/__wait"):
            seconds = float(self.path.split("=")[-1]) if "=" in self.path else 3
            time.sleep(min(seconds, 10))
            self.send_response(204)
            self.end_headers()
            return
        return super().do_GET()

    def log_message(self, *args):
        pass

port, folder = int(sys.argv[1]), sys.argv[2]
http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=folder)).serve_forever()
