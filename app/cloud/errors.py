"""Typed API errors with bilingual messages, and the mapping from the SDK's exceptions.

The SDK raises `ClientException` (4xx), `ServerException` (5xx), `ThrottlingException` and
`UnretryableException` (network, timeout, unparseable body); its messages embed the request
URL, which can carry personal data in filters. So the mapping below never copies SDK text
into a message — only the error code, which is safe.
"""

from __future__ import annotations

from app.core.text import Text, UserError

RAM_PERMISSION = "dysms:QuerySmsQualificationRecord / dysms:QuerySingleSmsQualification"
RAM_POLICY = "AliyunDysmsReadOnlyAccess"


class CloudError(UserError):
    """An API call failed; `retryable` says whether trying again may help."""

    retryable = False

    def __init__(self, message: Text, code: str | None = None):
        super().__init__(message)
        self.code = code


class CredentialsMissing(CloudError):
    pass


class KeyringUnavailable(CloudError):
    pass


class BadAccessKey(CloudError):
    pass


class SignatureMismatch(CloudError):
    pass


class PermissionDenied(CloudError):
    pass


class Throttled(CloudError):
    retryable = True

    def __init__(self, message: Text, code: str | None = None, retry_after: float | None = None):
        super().__init__(message, code)
        self.retry_after = retry_after


class ServiceUnavailable(CloudError):
    retryable = True


class NetworkError(CloudError):
    retryable = True


class ApiTimeout(CloudError):
    """Not retried: a server that hangs would otherwise multiply the wait by the attempts."""


class BadResponse(CloudError):
    pass


class NotFound(CloudError):
    pass


class ApiError(CloudError):
    """Any other error code the service returned (usually a bad parameter)."""


BAD_KEY = Text(
    "AccessKey ID 无效或已停用（{code}）。请在 RAM 控制台检查该 AccessKey。",
    "The AccessKey ID is unknown or disabled ({code}). Check the AccessKey in the RAM console.")
BAD_SIGNATURE = Text(
    "签名不匹配：AccessKey Secret 不正确（{code}）。",
    "Signature mismatch: the AccessKey secret is wrong ({code}).")
CLOCK_SKEW = Text(
    "请求时间戳已过期：本机时钟与标准时间相差超过 15 分钟，请校准系统时间（{code}）。",
    "Request timestamp rejected: this computer's clock is off by more than 15 minutes; "
    "correct the system time ({code}).")
DENIED = Text(
    "权限不足（{code}）：调用的 RAM 身份需要短信服务的只读权限（{permission}，"
    "例如系统策略 {policy}）。",
    "Permission denied ({code}): the RAM identity needs read access to dysmsapi "
    "({permission}, e.g. the system policy {policy}).")
THROTTLED = Text("请求过于频繁，重试后仍被限流（{code}），请稍后再试。",
                 "Throttled by the service ({code}) even after retrying; try again later.")
UNAVAILABLE = Text("服务暂时不可用（HTTP {status}，{code}），重试后仍失败，请稍后再试。",
                   "The service is unavailable (HTTP {status}, {code}) even after retrying; "
                   "try again later.")
REFUSED = Text("无法连接到 {endpoint}：连接被拒绝。请检查网络和接入地址。",
               "Cannot connect to {endpoint}: connection refused. Check the network and the "
               "endpoint.")
NO_DNS = Text("无法解析 {endpoint} 的主机名。请检查网络和接入地址。",
              "Cannot resolve the host of {endpoint}. Check the network and the endpoint.")
NETWORK = Text("与 {endpoint} 的网络连接失败。请检查网络和代理设置。",
               "The network connection to {endpoint} failed. Check the network and proxy.")
TIMEOUT = Text("{endpoint} 在 {seconds} 秒内没有响应（超时）。",
               "{endpoint} did not answer within {seconds} s (timed out).")
NOT_JSON = Text("服务返回了无法识别的内容（不是 JSON，可能是代理或错误页面）。",
                "The service answered with something that is not JSON (a proxy or an error "
                "page?).")
MALFORMED = Text("服务返回的数据不完整或格式不对：{what}。",
                 "The service's answer is incomplete or malformed: {what}.")
NOT_FOUND = Text("找不到该资质（{code}）。", "No such qualification ({code}).")
API_ERROR = Text("服务返回错误 {code}：{detail}", "The service returned error {code}: {detail}")


def _safe_detail(message: object) -> str:
    """The service's own message, for codes we do not know; cut short and single-line."""
    text = str(message or "").replace("\n", " ").strip()
    return text[:200] or "-"


def error_for_code(code: str, status: int | None, message: object = None,
                   retry_after: float | None = None) -> CloudError:
    """The typed error for a service error code (from an HTTP error or a body `Code`)."""
    if code.startswith("InvalidAccessKeyId"):
        return BadAccessKey(BAD_KEY.format(code=code), code)
    if code in ("SignatureDoesNotMatch", "IncompleteSignature", "InvalidSignature"):
        return SignatureMismatch(BAD_SIGNATURE.format(code=code), code)
    if code.startswith("InvalidTimeStamp"):
        return SignatureMismatch(CLOCK_SKEW.format(code=code), code)
    if (code.startswith("Forbidden") or "PERMISSION_DENY" in code.upper()
            or code in ("NoPermission", "AccessDenied")):
        return PermissionDenied(
            DENIED.format(code=code, permission=RAM_PERMISSION, policy=RAM_POLICY), code)
    if code.startswith("Throttling") or code == "SignatureNonceUsed":
        return Throttled(THROTTLED.format(code=code), code, retry_after)
    if status is not None and status >= 500:
        return ServiceUnavailable(UNAVAILABLE.format(status=status, code=code), code)
    if code in ("QualificationNotExist", "isv.QualificationNotExist"):
        return NotFound(NOT_FOUND.format(code=code), code)
    return ApiError(API_ERROR.format(code=code, detail=_safe_detail(message)), code)


def network_error(cause: str, endpoint: str, read_timeout_s: float) -> CloudError:
    """Classify a transport failure from the text of the HTTP library's exception."""
    lowered = cause.lower()
    if "timed out" in lowered or "timeout" in lowered:
        return ApiTimeout(TIMEOUT.format(endpoint=endpoint, seconds=f"{read_timeout_s:g}"))
    if "refused" in lowered:
        return NetworkError(REFUSED.format(endpoint=endpoint), "ConnectionRefused")
    if "resolve" in lowered or "name or service" in lowered or "getaddrinfo" in lowered:
        return NetworkError(NO_DNS.format(endpoint=endpoint), "NameResolution")
    if "parse the value as json" in lowered:
        return BadResponse(NOT_JSON, "NotJson")
    return NetworkError(NETWORK.format(endpoint=endpoint), "Network")


def malformed(what: str) -> BadResponse:
    return BadResponse(MALFORMED.format(what=what), "Malformed")
