"""Real servers for the channels: an SMTP server (aiosmtpd) the mail settings point at, and an
HTTP server standing in for the WeCom and DingTalk robots, each on a free local port."""

import email
import json
import socket
import threading
from email import policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from aiosmtpd.controller import Controller


@pytest.fixture(autouse=True)
def _campaign_loaded(plan, settings):
    settings.ROBOT_HOSTS = ["127.0.0.1"]
    settings.SITE_URL = "https://sy.example.cn"
    return plan


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append(
            {
                "to": envelope.rcpt_tos,
                "subject": str(message["subject"]),
                "body": message.get_body().get_content(),
                "raw": envelope.content,
            }
        )
        return "250 Message accepted"


@pytest.fixture
def smtp_inbox(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield inbox
    controller.stop()


class RobotServer:
    """Answers as the robots do: {"errcode": 0} when `failing` is off, else an error."""

    def __init__(self):
        self.posts = []
        self.failing = False
        robot = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                robot.posts.append(
                    {
                        "path": self.path,
                        "type": self.headers["Content-Type"],
                        "json": json.loads(body),
                        "raw": body,
                    }
                )
                if robot.failing:
                    answer = {"errcode": 93000, "errmsg": "invalid webhook url"}
                else:
                    answer = {"errcode": 0, "errmsg": "ok"}
                data = json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"


@pytest.fixture
def robot_server():
    robot = RobotServer()
    robot.thread.start()
    yield robot
    robot.server.shutdown()
    robot.server.server_close()
