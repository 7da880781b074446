{% autoescape off %}// The survey's service worker: keeps the app's page and files so the app opens without
// signal. The worklist and the sending go to the network only; the phone's visits live in
// IndexedDB, not here.
const CACHE = "survey-{{ version }}";
const SHELL = {{ shell }};
const APP = {{ app }};

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith("survey-") && k !== CACHE).map((k) => caches.delete(k))
        )
      )
      .then(() => self.clients.claim())
  );
});

// The page: from the network when there is one (a fresh token, the latest release), else the
// copy kept. A page that is not the app (the login page after a session ends) is not kept.
async function appPage(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected) await cache.put(APP, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(APP);
    if (kept) return kept;
    throw error;
  }
}

// The app's files: the copy kept at once, refreshed behind it for the next opening.
async function shellFile(event) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(event.request);
  const fresh = fetch(event.request)
    .then(async (response) => {
      if (response.ok) await cache.put(event.request, response.clone());
      return response;
    })
    .catch(() => undefined);
  event.waitUntil(fresh);
  return kept || (await fresh) || Response.error();
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === APP) {
    event.respondWith(appPage(request));
  } else if (SHELL.includes(url.pathname)) {
    event.respondWith(shellFile(event));
  }
});
{% endautoescape %}
