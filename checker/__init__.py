"""checker: a fact-consistency checker for German news."""

__version__ = "0.1.0"
