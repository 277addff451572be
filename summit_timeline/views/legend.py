"""Clicks on the legend of the page's timeline: an outlet hidden or shown at once.

plotly waits its double-click delay (the figure's ``doubleClickDelay``) after a click on a
legend entry before it hides or shows the outlet, to tell a click from a double-click (which
shows the outlet alone). On an archive's page that wait was most of a click's time. The page's
script (``LEGEND_SCRIPT``) acts on the first click at once and, when a second click on the same
entry follows within the delay, undoes it and shows that outlet alone, as plotly's double-click
does. A click is told from a double-click by the times the browser gave the two clicks
(``event.timeStamp``), not by when the script got them: a redraw still running when the second
click comes does not turn a double-click into two clicks.

What a click and a double-click do is plotly's (``legend.groupclick="togglegroup"``,
``itemdoubleclick="toggleothers"``): a click hides or shows every trace of the outlet's legend
group; a double-click shows the outlet alone, or every outlet when it was shown alone already
or hidden.
"""

from __future__ import annotations

#: The most time between the two clicks of a double-click, ms, when the figure's configuration
#: does not say (its ``doubleClickDelay``, plotly's wait).
DOUBLE_CLICK_MS = 300

LEGEND_SCRIPT = """
(function () {
  "use strict";
  var figure = document.getElementById("%(figure)s");
  var last = null;  // the last click: its legend group, time, and the traces' state before it
  function group(trace, index) {
    return trace.legendgroup ? "g:" + trace.legendgroup : "t:" + index;
  }
  function states() {
    return figure.data.map(function (trace) {
      return trace.visible === undefined ? true : trace.visible;
    });
  }
  function apply(visible) {
    var indices = visible.map(function (_, i) { return i; });
    Plotly.restyle(figure, {visible: visible}, indices);
  }
  function toggle(clicked, before) {
    var show = before[clicked] !== true;
    var key = group(figure.data[clicked], clicked);
    apply(before.map(function (state, i) {
      if (state === false || group(figure.data[i], i) !== key) return state;
      return show ? true : "legendonly";
    }));
  }
  function alone(clicked, before) {
    var key = group(figure.data[clicked], clicked);
    var others = before.some(function (state, i) {
      return state === true && group(figure.data[i], i) !== key;
    });
    var all = before[clicked] !== true || !others;
    apply(before.map(function (state, i) {
      if (state === false) return state;
      return all || group(figure.data[i], i) === key ? true : "legendonly";
    }));
  }
  function clicked(event) {
    var index = event.curveNumber;
    if (typeof index !== "number" || !figure.data[index]) return true;
    var time = event.event && event.event.timeStamp ? event.event.timeStamp : performance.now();
    var key = group(figure.data[index], index);
    var delay = (figure._context && figure._context.doubleClickDelay) || %(double)d;
    if (last && last.key === key && time - last.time < delay) {
      alone(index, last.before);
      last = null;
    } else {
      last = {key: key, time: time, before: states()};
      toggle(index, last.before);
    }
    return false;  // plotly's own handling (its wait, then the same) is not needed
  }
  var waited = 0;
  function listen() {  // plotly's script has drawn the figure before, or draws it soon
    if (figure && typeof figure.on === "function") {
      figure.on("plotly_legendclick", clicked);
      figure.on("plotly_legenddoubleclick", function () { return false; });
    } else if (figure && waited++ < 100) {
      window.setTimeout(listen, 50);
    }
  }
  listen();
})();
"""


def legend_script(figure_id: str) -> str:
    """``LEGEND_SCRIPT`` for the figure of the element ``figure_id``."""
    return LEGEND_SCRIPT.replace("%(figure)s", figure_id).replace(
        "%(double)d", str(DOUBLE_CLICK_MS)
    )


__all__ = ["DOUBLE_CLICK_MS", "LEGEND_SCRIPT", "legend_script"]
