"""Benchmarks: `python -m bench.run` (or `make bench`) measures the site under load."""
