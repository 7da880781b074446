// Logging out clears the survey's copy on this phone: its databases, its cached pages and its
// service worker. Visits not yet sent are named first, and kept if the clerk changes its mind.
import { countWaiting, deleteDatabase, surveyDatabases } from "./store.js";

async function clearPhone() {
  for (const name of await surveyDatabases()) await deleteDatabase(name);
  if (window.caches) {
    for (const key of await caches.keys()) if (key.startsWith("survey-")) await caches.delete(key);
  }
  if (navigator.serviceWorker) {
    for (const registration of await navigator.serviceWorker.getRegistrations()) {
      if (new URL(registration.scope).pathname.startsWith("/outreach/survey/")) {
        await registration.unregister();
      }
    }
  }
}

async function waitingVisits() {
  let count = 0;
  for (const name of await surveyDatabases()) count += await countWaiting(name);
  return count;
}

for (const form of document.querySelectorAll("form[data-clears-phone]")) {
  form.addEventListener("submit", async (event) => {
    if (form.dataset.cleared) return;
    event.preventDefault();
    try {
      const waiting = await waitingVisits();
      if (waiting && !window.confirm(form.dataset.clearsPhone)) {
        return;
      }
      await clearPhone();
    } catch (error) {
      // Nothing stored, or storage refused: logging out goes on.
    }
    form.dataset.cleared = "1";
    form.submit();
  });
}
