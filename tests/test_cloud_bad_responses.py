"""What a broken service or network does to the client: each ends in one clear, typed error
(never a traceback or a hang). A tiny raw HTTP server plays the broken service."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from app.cloud.client import DysmsApi, ListFilters, RetryPolicy
from app.cloud.credentials import Credentials
from app.cloud.endpoint import parse_endpoint
from app.cloud.errors import (
    ApiError,
    ApiTimeout,
    BadResponse,
    CloudError,
    NetworkError,
    ServiceUnavailable,
)
from app.cloud.listing import list_all

CREDS = Credentials("LTAIany", "secret", "session")
RETRY = RetryPolicy(attempts=3, base_delay_s=0.01, max_delay_s=0.02)


class Canned:
    status = 200
    content_type = "application/json"
    body = b"{}"
    hits = 0


@pytest.fixture()
def canned() -> Iterator[tuple[type[Canned], str]]:
    class Reply(Canned):
        pass

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            Reply.hits += 1
            self.send_response(Reply.status)
            self.send_header("content-type", Reply.content_type)
            self.send_header("content-length", str(len(Reply.body)))
            self.end_headers()
            self.wfile.write(Reply.body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield Reply, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _api(endpoint: str, read_timeout_s: float = 5) -> DysmsApi:
    return DysmsApi(CREDS, parse_endpoint(endpoint), read_timeout_s=read_timeout_s,
                    connect_timeout_s=2, retry=RETRY)


def _assert_clear(error: CloudError) -> None:
    for lang in ("en", "zh"):
        text = error.message(lang)
        assert text and "Traceback" not in text and "{" not in text


@pytest.mark.parametrize(("body", "what"), [
    (b"{not json", "not JSON"),
    (b'{"Code": "OK"}', "Data"),
    (b'{"Code": "OK", "Data": {"Total": 3}}', "Data.List"),
    (b'{"Code": "OK", "Data": {"Total": 1, "List": [{"StateName": "PASS"}]}}', "GroupId"),
    (b'{"Code": "OK", "Data": {"Total": "many", "List": []}}', ""),
    (b"[1, 2]", ""),
])
def test_malformed_or_incomplete_json_is_a_bad_response(canned, body: bytes, what: str) -> None:
    reply, endpoint = canned
    reply.body = body
    with pytest.raises(BadResponse) as err:
        list_all(_api(endpoint))
    assert what in err.value.message("en")
    assert reply.hits == 1  # a broken answer is not retried
    _assert_clear(err.value)


def test_html_error_page_is_a_bad_response(canned) -> None:
    reply, endpoint = canned
    reply.status, reply.content_type = 502, "text/html"
    reply.body = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
    with pytest.raises(BadResponse) as err:
        list_all(_api(endpoint))
    _assert_clear(err.value)


def test_5xx_is_retried_then_reported(canned) -> None:
    reply, endpoint = canned
    reply.status, reply.body = 503, b'{"Code": "ServiceUnavailable", "Message": "busy"}'
    with pytest.raises(ServiceUnavailable) as err:
        list_all(_api(endpoint))
    assert reply.hits == RETRY.attempts
    assert "503" in err.value.message("en")


def test_business_error_in_a_200_answer(canned) -> None:
    reply, endpoint = canned
    reply.body = b'{"Code": "isv.SOMETHING", "Message": "went wrong"}'
    with pytest.raises(ApiError) as err:
        _api(endpoint).list_page(ListFilters(), 1)
    assert "isv.SOMETHING" in err.value.message("en") and "went wrong" in err.value.message("zh")


@pytest.mark.timeout(30)
def test_a_server_that_never_answers_times_out() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)  # accepts connections (kernel backlog) but never replies
    try:
        api = _api(f"http://127.0.0.1:{listener.getsockname()[1]}", read_timeout_s=0.5)
        with pytest.raises(ApiTimeout) as err:
            list_all(api)
    finally:
        listener.close()
    assert api.attempts_made == 1  # a hang is not multiplied by retries
    assert "0.5" in err.value.message("en")
    _assert_clear(err.value)


def test_refused_connection_is_a_network_error() -> None:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now
    api = _api(f"http://127.0.0.1:{port}")
    with pytest.raises(NetworkError) as err:
        list_all(api)
    assert api.attempts_made == RETRY.attempts  # network errors are retried, bounded
    assert "refused" in err.value.message("en")
    assert str(port) in err.value.message("zh")
    _assert_clear(err.value)
