"""`qualdesk simulator`: run the local dysmsapi simulator until Ctrl-C."""

from __future__ import annotations

import argparse

from app.cloud.simulator import DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, Simulator
from app.commands.common import add_lang_option, fail, lang_of
from app.core.text import Text, UserError

PORT_BUSY = Text("无法在端口 {port} 上启动模拟器：{reason}",
                 "Cannot start the simulator on port {port}: {reason}")
STARTED = Text(
    "dysmsapi 模拟器已启动：{endpoint}（{records} 条资质，延迟 {latency} 毫秒，故障率 {rate}）\n"
    "  AccessKey ID:     {key}\n  AccessKey Secret: {secret}\n"
    "使用方法：\n  export ALIBABA_CLOUD_ACCESS_KEY_ID={key} ALIBABA_CLOUD_ACCESS_KEY_SECRET={secret}\n"
    "  qualdesk status list --endpoint {endpoint}\n按 Ctrl-C 停止。",
    "dysmsapi simulator running at {endpoint} ({records} qualifications, {latency} ms latency, "
    "fail rate {rate})\n  AccessKey ID:     {key}\n  AccessKey Secret: {secret}\n"
    "Use it:\n  export ALIBABA_CLOUD_ACCESS_KEY_ID={key} ALIBABA_CLOUD_ACCESS_KEY_SECRET={secret}\n"
    "  qualdesk status list --endpoint {endpoint}\nPress Ctrl-C to stop.")


def _ranged(kind: type, low: float, high: float):  # type: ignore[no-untyped-def]
    def parse(value: str) -> float | int:
        try:
            number = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"{value} is outside {low:g}..{high:g}")
        return number
    return parse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("simulator", help="run the local dysmsapi simulator")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on")
    p.add_argument("--port", type=_ranged(int, 0, 65535), default=8080)
    p.add_argument("--latency-ms", type=_ranged(float, 0, 60000), default=0)
    p.add_argument("--records", type=_ranged(int, 0, 100000), default=120)
    p.add_argument("--fail-rate", type=_ranged(float, 0, 1), default=0.0,
                   help="share of requests answered with Throttling.User or HTTP 503")
    p.add_argument("--seed", type=int, default=20250501, help="data seed")
    p.add_argument("--access-key-id", default=DEMO_ACCESS_KEY_ID)
    p.add_argument("--access-key-secret", default=DEMO_ACCESS_KEY_SECRET)
    add_lang_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    sim = Simulator(args.records, seed=args.seed, latency_ms=args.latency_ms,
                    fail_rate=args.fail_rate, access_key_id=args.access_key_id,
                    access_key_secret=args.access_key_secret)
    try:
        sim.start(args.host, args.port)
    except OSError as exc:
        return fail(UserError(PORT_BUSY.format(port=args.port, reason=exc.strerror or exc)),
                    lang)
    endpoint = f"http://{args.host}:{sim.port}"
    print(STARTED.format(endpoint=endpoint, records=args.records, latency=args.latency_ms,
                         rate=args.fail_rate, key=args.access_key_id,
                         secret=args.access_key_secret).get(lang), flush=True)
    try:
        sim.wait()
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
    return 0
