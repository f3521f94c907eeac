"""Duidu (对读): read and compare Chinese official speeches side by side."""

__version__ = "0.1.0"
