""""Test connection": one small list call with the current settings, as a background job."""

from __future__ import annotations

from collections.abc import Callable

from app.cloud.client import ListFilters
from app.core.tasks import CancelCheck, Progress, check_cancelled
from app.core.text import Text
from app.ui.context import AppContext
from app.ui.settings.credentials import make_client
from app.ui.settings.values import AppSettings

CONNECTED = Text("连接成功：{endpoint}，账号下共有 {total} 个资质（凭据来源：{source}）。",
                 "Connected to {endpoint}: {total} qualification(s) in the account "
                 "(credentials from {source}).")


def connection_test(context: AppContext, settings: AppSettings) -> Callable[..., Text]:
    """A TaskRunner job: returns a bilingual success message, raises a `UserError` otherwise."""

    def run(*, progress: Progress, cancelled: CancelCheck) -> Text:
        progress(None, "")
        client = make_client(context, settings)
        check_cancelled(cancelled)
        page = client.list_page(ListFilters(), 1, 1, cancelled=cancelled)
        source = client.credentials.source.split(":", 1)[0]
        return CONNECTED.format(endpoint=client.endpoint.url, total=page.total, source=source)

    return run
