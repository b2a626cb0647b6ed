"""Benchmarks and their generators (not tests): ``python -m bench.simulate``."""
