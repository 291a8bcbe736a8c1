"""Benchmarks: speed and memory targets, measured as figures in one run and written to a file."""
