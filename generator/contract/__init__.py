"""Changelog contracts: every statement of Intercom's changelogs, held against the specs and clients.

specs/changelogs/<v>.txt          the changelog text      -> statements.py  (statements, mechanically)
specs/changelogs/<v>.claims.yaml  what each one asserts   -> claims.py      (loaded, checked)
registered versions (IR)                                  -> versions.py, specquery.py
one check per assertion kind                              -> checks.py, samples.py
verdict per claim, coverage per statement                 -> evaluate.py
the generated packages agree?                             -> package.py
diff entries no claim explains                            -> unexplained.py
all of it, rendered                                       -> run.py, report.py
proposing claims for a new changelog                      -> draft.py
``intercom-gen contract`` / ``intercom-gen changelog draft`` -> command.py
"""
