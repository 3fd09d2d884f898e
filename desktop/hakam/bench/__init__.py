"""Benchmarks behind `hakam bench`: each measures the product through its public layers
and prints JSON. They sit above the layers they measure (import-linter checks it)."""
