"""The dysmsapi client: the official SDK with QualDesk's timeouts, retries and typed errors.

tea-openapi 0.4.x ignores RuntimeOptions' retry settings, so the bounded retry loop is ours:
exponential backoff with jitter on throttling, 5xx and network errors; never on credential
or parameter errors. One SDK client per thread, because the SDK makes no thread-safety
promise and a client is cheap. Logs name the action, attempt and error code only — never
request parameters (filters carry names) nor the secret.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from alibabacloud_dysmsapi20170525 import models as sms
from alibabacloud_dysmsapi20170525.client import Client as SdkClient
from alibabacloud_tea_openapi.models import Config
from darabonba.runtime import RuntimeOptions
from Tea.exceptions import TeaException, UnretryableException

from app.cloud.credentials import Credentials
from app.cloud.endpoint import CONNECT_TIMEOUT_S, READ_TIMEOUT_S, Endpoint, parse_endpoint
from app.cloud.errors import CloudError, Throttled, error_for_code, malformed, network_error
from app.cloud.records import Page, detail_from_body, page_from_body
from app.core.tasks import CancelCheck, check_cancelled, never_cancelled

log = logging.getLogger(__name__)
T = TypeVar("T")
MAX_PAGE_SIZE = 50


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4          # first try included
    base_delay_s: float = 0.2
    max_delay_s: float = 4.0

    def delay(self, retry: int, retry_after: float | None = None) -> float:
        """Exponential backoff with "equal jitter": half fixed, half random."""
        ceiling = min(self.max_delay_s, self.base_delay_s * (2 ** retry))
        wait = ceiling / 2 + random.uniform(0, ceiling / 2)
        if retry_after:
            wait = max(wait, min(retry_after, self.max_delay_s))
        return wait


@dataclass(frozen=True)
class ListFilters:
    """Every filter QuerySmsQualificationRecord has; `state` is the list API's raw value."""

    group_name: str | None = None
    company: str | None = None
    state: str | None = None
    work_order_id: int | None = None
    legal_person: str | None = None
    use_by_self: bool | None = None


class DysmsApi:
    """The two query actions, each returning validated data or raising a `CloudError`."""

    def __init__(self, credentials: Credentials, endpoint: Endpoint | None = None, *,
                 connect_timeout_s: float = CONNECT_TIMEOUT_S,
                 read_timeout_s: float = READ_TIMEOUT_S,
                 retry: RetryPolicy | None = None):
        self.credentials = credentials
        self.endpoint = endpoint or parse_endpoint(None)
        self.connect_timeout_s = connect_timeout_s
        self.read_timeout_s = read_timeout_s
        self.retry = retry or RetryPolicy()
        self._local = threading.local()
        self.attempts_made = 0  # all attempts, retries included (for tests and benchmarks)
        self._count_lock = threading.Lock()

    def _sdk(self) -> SdkClient:
        client = getattr(self._local, "client", None)
        if client is None:
            creds = self.credentials
            config = Config(
                endpoint=self.endpoint.host,
                protocol=self.endpoint.protocol,
                connect_timeout=int(self.connect_timeout_s * 1000),
                read_timeout=int(self.read_timeout_s * 1000),
                user_agent="QualDesk",
            )
            if creds.chain is not None:
                config.credential = creds.chain
            else:
                config.access_key_id = creds.access_key_id
                config.access_key_secret = creds.access_key_secret
            client = SdkClient(config)
            self._local.client = client
        return client

    # -- the actions ----------------------------------------------------------------------

    def list_page(self, filters: ListFilters, page_no: int, page_size: int = MAX_PAGE_SIZE, *,
                  cancelled: CancelCheck = never_cancelled) -> Page:
        request = sms.QuerySmsQualificationRecordRequest(
            page_no=page_no, page_size=page_size,
            qualification_group_name=filters.group_name, company_name=filters.company,
            state=filters.state, work_order_id=filters.work_order_id,
            legal_person_name=filters.legal_person, use_by_self=filters.use_by_self,
        )
        body = self._call(
            "QuerySmsQualificationRecord",
            lambda: self._sdk().query_sms_qualification_record_with_options(
                request, RuntimeOptions()),
            cancelled,
        )
        return page_from_body(body, page_no, page_size)

    def detail(self, group_id: int, *, cancelled: CancelCheck = never_cancelled
               ) -> dict[str, Any]:
        request = sms.QuerySingleSmsQualificationRequest(qualification_group_id=group_id)
        body = self._call(
            "QuerySingleSmsQualification",
            lambda: self._sdk().query_single_sms_qualification_with_options(
                request, RuntimeOptions()),
            cancelled,
        )
        return detail_from_body(body, group_id)

    # -- one call, retried ----------------------------------------------------------------

    def _call(self, action: str, send: Callable[[], Any], cancelled: CancelCheck
              ) -> dict[str, Any]:
        for attempt in range(self.retry.attempts):
            check_cancelled(cancelled)
            with self._count_lock:
                self.attempts_made += 1
            try:
                return self._once(send)
            except CloudError as error:
                last = attempt == self.retry.attempts - 1
                log.info("%s attempt %d failed: %s", action, attempt + 1, error.code)
                if not error.retryable or last:
                    raise
                retry_after = error.retry_after if isinstance(error, Throttled) else None
                self._sleep(self.retry.delay(attempt, retry_after), cancelled)
        raise AssertionError("unreachable: the loop returns or raises")

    @staticmethod
    def _sleep(seconds: float, cancelled: CancelCheck) -> None:
        """Back off in short slices so a cancel is honoured promptly."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            check_cancelled(cancelled)
            time.sleep(min(left, 0.1))

    def _once(self, send: Callable[[], Any]) -> dict[str, Any]:
        try:
            response = send()
        except UnretryableException as exc:  # network, timeout, body not JSON
            raise network_error(str(exc.inner_exception or exc), self.endpoint.url,
                                self.read_timeout_s) from None
        except TeaException as exc:  # an HTTP 4xx / 5xx with an error body
            status = getattr(exc, "status_code", None) or getattr(exc, "statusCode", None)
            retry_after = getattr(exc, "retry_after", None)
            raise error_for_code(str(exc.code or "Unknown"), status, _service_message(exc),
                                 retry_after / 1000 if retry_after else None) from None
        except (AttributeError, TypeError, ValueError, KeyError):
            raise malformed("body") from None  # the SDK could not map the JSON onto its model
        body = response.body.to_map() if response is not None and response.body else None
        if not isinstance(body, dict):
            raise malformed("body")
        code = body.get("Code")
        if code != "OK":
            raise error_for_code(str(code or "Unknown"), 200, body.get("Message"))
        return body


def _service_message(exc: TeaException) -> object:
    data = getattr(exc, "data", None)
    return data.get("Message") if isinstance(data, dict) else None

