"""Presenting the table: its chronology, plotly figures, the ipywidgets explorer, one-file HTML
and TimelineJS exports, and the teacher's handout.

``chronology.py`` (order and placement of events, uncertainty kept) is read by ``figures.py``
(``timeline_figure``), which ``explorer.py`` (``TimelineExplorer``) and ``export.py``
(``export_html``, ``to_timelinejs``, ``build_outputs``) show; ``lesson.py`` runs the lesson
notebook into a handout.
"""
