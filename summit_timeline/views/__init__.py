"""Presenting the table: its stories, its chronology, plotly figures, the ipywidgets explorer,
one-file HTML and TimelineJS exports, and the teacher's handout.

``cells.py`` reads the table's cells for display (lists, durations, dates, clock times, and the
one naming of sources); ``stories.py`` lists the table's stories (summits, or meetings the
reports recall), main story first, names them from their rows and takes one story's rows;
``chronology.py`` orders and places one story's events in time, uncertainty kept;
``figures.py`` (``timeline_figure``) draws one story at a time, with a menu of the stories when
there are several, from the marks of ``marks.py`` and the hover texts of ``hover.py``;
``parts.py`` cuts a story of more than a few dozen events into days, drawn one at a time;
``explorer.py`` (``TimelineExplorer``) and ``export.py`` (``export_html``, ``build_outputs``)
show the figure, the page's tables coming from ``html_tables.py`` (long ones a page of rows at a
time), its menus of stories and days, overview and figures kept as data from ``selector.py``,
and its TimelineJS JSON from ``timelinejs.py``; ``lesson.py`` runs the lesson notebook into a
handout. ``provenance.py`` shows where a row comes from (its report's text, the evidence
sentence and the words that gave its values highlighted) in the explorer's review mode
(``review.py``: the form that writes corrections) and, through ``reader.py``, in the exported
page and the handout.

The comparisons (``summit_timeline.compare``) read ``cells``, ``stories`` and ``chronology``; the
hover texts and the page's table of differences read ``compare.discrepancies``, so both say the
same.
"""
