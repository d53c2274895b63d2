"""Benchmarks of intercom-clientgen against the tools users would otherwise pick (see run.py)."""
