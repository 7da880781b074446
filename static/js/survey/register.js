// Registers the survey's service worker, which keeps the app's page and files for opening
// it without signal.
(function () {
  if (!("serviceWorker" in navigator)) return;
  const config = JSON.parse(document.getElementById("survey-config").textContent);
  navigator.serviceWorker.register(config.workerUrl, { scope: config.scope });
})();
