// Draws the report charts. Each <canvas data-chart="ID"> has its configuration in the
// <script type="application/json" id="ID"> that Django's json_script wrote; a click on a bar
// opens the list of the records it counts. No inline script, so a strict CSP can forbid them.
// On a phone the labels are shortened (the tooltip keeps the full name), the legend goes below,
// fewer ticks are drawn and a bar chart on its side grows tall enough to name every bar.
(function () {
  "use strict";
  if (typeof Chart === "undefined") {
    return;
  }
  Chart.defaults.font.family = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';
  var numbers = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 1 });

  // A label cut into lines of at most `width` characters, `lines` of them at most.
  function wrap(text, width, lines) {
    text = String(text);
    if (text.length <= width) {
      return text;
    }
    var out = [];
    for (var i = 0; i < text.length && out.length < lines; i += width) {
      out.push(text.slice(i, i + width));
    }
    if (out.join("").length < text.length) {
      out[out.length - 1] = out[out.length - 1].slice(0, width - 1) + "…";
    }
    return out;
  }

  function fit(config, box) {
    var options = config.options;
    var narrow = box.clientWidth < 576;
    var horizontal = options.indexAxis === "y";
    var scales = options.scales || (options.scales = {});
    var category = scales[horizontal ? "y" : "x"] || (scales[horizontal ? "y" : "x"] = {});
    var value = scales[horizontal ? "x" : "y"] || (scales[horizontal ? "x" : "y"] = {});
    var count = (config.data.labels || []).length;

    category.ticks = Object.assign({}, category.ticks, {
      // Every topic or unit named on its side; months thinned out on a phone.
      autoSkip: !horizontal,
      maxRotation: 0,
      callback: function (tick) {
        var label = this.getLabelForValue(tick);
        return horizontal ? wrap(label, narrow ? 7 : 14, 2) : wrap(label, narrow ? 5 : 10, 2);
      },
    });
    if (!horizontal) {
      category.ticks.maxTicksLimit = narrow ? 6 : 12;
    }
    value.ticks = Object.assign({}, value.ticks, {
      precision: 0,
      maxTicksLimit: narrow ? 4 : 8,
      callback: function (tick) {
        return numbers.format(tick);
      },
    });

    var plugins = options.plugins || (options.plugins = {});
    plugins.legend = Object.assign({}, plugins.legend, {
      position: "bottom",
      labels: {
        boxWidth: 12,
        padding: narrow ? 6 : 10,
        font: { size: narrow ? 11 : 12 },
        generateLabels: function (chart) {
          var items = Chart.defaults.plugins.legend.labels.generateLabels(chart);
          if (narrow) {
            items.forEach(function (item) {
              item.text = wrap(item.text, 8, 1);
            });
          }
          return items;
        },
      },
    });
    plugins.tooltip = Object.assign({}, plugins.tooltip, {
      callbacks: {
        label: function (item) {
          return item.dataset.label + "：" + numbers.format(item.parsed[horizontal ? "x" : "y"]);
        },
      },
    });
    if (horizontal) {
      // Room for each bar's name, however narrow the box.
      var wanted = count * (narrow ? 34 : 28) + 90;
      if (box.clientHeight < wanted) {
        box.style.height = wanted + "px";
      }
    }
  }

  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source) {
      return;
    }
    var chart = JSON.parse(source.textContent);
    var config = chart.config;
    config.options = config.options || {};
    fit(config, canvas.parentNode);
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
    canvas.chart = new Chart(canvas, config);
  });
})();
