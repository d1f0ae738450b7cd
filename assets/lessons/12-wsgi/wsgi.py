def application(environ, start_response):
    """A WSGI application: a callable that returns an iterable, here a generator."""
    start_response("200 OK", [("Content-Type", "text/plain")])
    try:
        yield b"Hello, "
        yield environ["PATH_INFO"][1:].encode()
        yield b"!\n"
    finally:
        print("app: request finished")


class Server:
    """A tiny WSGI server: it calls the application, then pulls the response body chunk by chunk."""

    def __init__(self, app):
        self.app = app

    def handle(self, method, path):
        environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "wsgi.version": (1, 0)}

        def start_response(status, headers):
            print("server: status", status, "headers", headers)

        body = self.app(environ, start_response)
        print("server: the app returned", type(body).__name__)
        try:
            for chunk in body:
                if method == "HEAD":
                    break
                print("server: sends", chunk)
        finally:
            body.close()


server = Server(application)
server.handle("GET", "/class")
server.handle("HEAD", "/class")
