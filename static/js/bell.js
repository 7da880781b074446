// The navbar bell: its unread count is asked for after the page loads, so rendering a page
// never waits on it.
(function () {
  "use strict";
  var bell = document.querySelector("[data-unread-url]");
  if (!bell) return;
  var badge = bell.querySelector("[data-testid=unread-count]");
  fetch(bell.getAttribute("data-unread-url"), { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (data) {
      if (!data) return;
      badge.textContent = data.unread > 99 ? "99+" : String(data.unread);
      badge.classList.toggle("d-none", data.unread === 0);
      bell.setAttribute("data-unread", String(data.unread));
    })
    .catch(function () {});
})();
