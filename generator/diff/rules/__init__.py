"""The diff rules, one family per module; each module's ``RULES`` holds one ``Rule`` record per id.

A record is all there is to a rule: its stable kebab-case id, severity, direction, message template,
the reason for its severity (the README's rule table is checked against it) and its check over the
neutral ``VersionDiff``. Near-identical rules share one parameterised check. ``generator.diff.registry``
builds the single registry from ``FAMILIES``.
"""
