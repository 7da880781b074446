// The job page's bar: asks the server for the job's state every second until it finishes, then
// shows the download (or the reason it failed) without reloading the page.
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box || box.dataset.finished === "1") return;
  var url = box.dataset.stateUrl;
  var bar = box.querySelector(".progress");
  var fill = box.querySelector(".progress-bar");
  var countsText = box.querySelector("[data-field=counts]");
  var countsPattern = countsText.textContent;

  function field(name) { return box.querySelector("[data-field=" + name + "]"); }
  function show(selector, visible) { box.querySelector(selector).hidden = !visible; }

  function paint(state) {
    fill.style.width = state.percent + "%";
    fill.textContent = state.percent + "%";
    bar.setAttribute("aria-valuenow", state.percent);
    field("status_label").textContent = state.status_label;
    field("stage").textContent = state.stage;
    if (state.total) {
      // The first two numbers of the sentence rendered by the server are done and total.
      var n = 0;
      countsText.textContent = countsPattern.replace(/\d+/g, function (m) {
        n += 1;
        return n === 1 ? state.done : n === 2 ? state.total : m;
      });
      countsText.hidden = false;
    }
    field("error").textContent = state.error;
    field("error").hidden = !state.error;
    field("outcome").textContent = state.outcome;
    field("outcome").hidden = !state.outcome;
    if (state.finished) {
      fill.classList.remove("progress-bar-striped", "progress-bar-animated");
      show("[data-show=waiting]", false);
      if (state.download) {
        box.querySelector("[data-testid=job-download]").href = state.download;
        show("[data-show=download]", true);
      }
    }
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state) { window.setTimeout(poll, 5000); return; }
        paint(state);
        if (!state.finished) window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 500);
})();
