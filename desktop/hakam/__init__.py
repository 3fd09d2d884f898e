"""Hakam: review Arabic news annotations."""

__version__ = "0.1.0"
