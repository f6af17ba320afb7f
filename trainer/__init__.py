"""backtrainer: a terminal coach for lower back pain."""

__version__ = "0.1.0"
