// Draws the report charts. Each <canvas data-chart="ID"> has its configuration in the
// <script type="application/json" id="ID"> that Django's json_script wrote; a click on a bar
// opens the list of the records it counts. No inline script, so a strict CSP can forbid them.
(function () {
  "use strict";
  if (typeof Chart === "undefined") {
    return;
  }
  Chart.defaults.font.family = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source) {
      return;
    }
    var chart = JSON.parse(source.textContent);
    var config = chart.config;
    config.options = config.options || {};
    config.options.onClick = function (event, elements) {
      if (!elements.length || !chart.links) {
        return;
      }
      var hit = elements[0];
      var url = (chart.links[hit.datasetIndex] || [])[hit.index];
      if (url) {
        window.location.href = url;
      }
    };
    config.options.onHover = function (event, elements) {
      event.native.target.style.cursor = elements.length ? "pointer" : "default";
    };
    new Chart(canvas, config);
  });
})();
