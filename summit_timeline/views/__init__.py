"""Presenting the table: its chronology, plotly figures, the ipywidgets explorer, one-file HTML
and TimelineJS exports, and the teacher's handout.

``cells.py`` reads the table's cells for display (lists, durations, dates, clock times, and the
one naming of sources); ``chronology.py`` orders and places events in time, uncertainty kept;
``figures.py`` (``timeline_figure``) draws them, with hover texts from ``hover.py``;
``explorer.py`` (``TimelineExplorer``) and ``export.py`` (``export_html``, ``to_timelinejs``,
``build_outputs``) show the figure; ``lesson.py`` runs the lesson notebook into a handout.

The comparisons (``summit_timeline.compare``) read ``cells`` and ``chronology``; the hover texts
and the page's table of differences read ``compare.discrepancies``, so both say the same.
"""
