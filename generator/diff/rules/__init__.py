"""One module per rule: each names a stable kebab-case id, a severity and a ``check(diff)``.

The rules judge the neutral ``VersionDiff`` for code that calls the generated Python client.
Each module's docstring states the judgement; ``generator.diff.registry`` lists them all.
"""
