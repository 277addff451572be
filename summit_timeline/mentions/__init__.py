"""Finding mentions: one report's text -> event mentions with type, status, actors, place, times,
quotes and evidence.

Follow the files in this order: ``sentences.py`` (sentences with offsets), ``temporal.py`` (time
expressions; ``temporal_rules.py`` compiles its lexicon), ``quotes.py`` (direct quotations),
``actors.py`` and ``places.py`` (who and where), ``discourse.py`` (principals, pronouns,
speakers), ``clauses.py`` and ``status.py`` (the clause of a trigger and what it says of the
event), ``extract.py`` (the passes over one report), ``statements.py`` (quotations left over,
live-blog stamps) and ``merge.py`` (one mention per event in a report). ``mention.py`` holds the
result type.
"""

from __future__ import annotations

from .extract import extract_mentions, read_report
from .mention import Mention, ReportMentions
from .temporal import TimeExpression, find_temporal, parse_duration, resolve_day

__all__ = [
    "Mention",
    "ReportMentions",
    "TimeExpression",
    "extract_mentions",
    "find_temporal",
    "parse_duration",
    "read_report",
    "resolve_day",
]
