"""The local dysmsapi simulator (tests, benchmarks, `qualdesk simulator`, the GUI's demo)."""

from app.cloud.simulator.server import (
    DEMO_ACCESS_KEY_ID,
    DEMO_ACCESS_KEY_SECRET,
    Simulator,
    running_simulator,
)

__all__ = ["DEMO_ACCESS_KEY_ID", "DEMO_ACCESS_KEY_SECRET", "Simulator", "running_simulator"]
