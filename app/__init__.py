"""QualDesk: prepare and track Alibaba Cloud communication-service qualifications locally."""

__version__ = "0.1.0"
