"""Tools for testing code that uses trigger-facade."""

from ._clock import FakeClock

__all__ = ["FakeClock"]
