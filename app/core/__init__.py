"""Qt-free core: form specs, draft values and the rule engine."""
