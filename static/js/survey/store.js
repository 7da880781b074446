// The phone's copy: the worklist and the visits waiting to be sent, in IndexedDB, so they
// outlast closing the browser and restarting the phone. One database per account; logging
// out deletes every one of them (logout.js).

export const PREFIX = "survey-";
const VERSION = 1;

function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export async function openStore(name) {
  const request = indexedDB.open(name, VERSION);
  request.onupgradeneeded = () => {
    const db = request.result;
    db.createObjectStore("meta");
    db.createObjectStore("visits", { keyPath: "key" });
  };
  const db = await done(request);
  // Logging out in another tab deletes this database: let it go rather than block that.
  db.onversionchange = () => db.close();
  return new Store(db);
}

class Store {
  constructor(db) {
    this.db = db;
  }

  // Resolves once the transaction has committed, so a visit reported kept is kept.
  run(storeName, mode, work) {
    return new Promise((resolve, reject) => {
      const tx = this.db.transaction(storeName, mode);
      const request = work(tx.objectStore(storeName));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
  }

  worklist() {
    return this.run("meta", "readonly", (s) => s.get("worklist"));
  }

  saveWorklist(worklist) {
    return this.run("meta", "readwrite", (s) => s.put(worklist, "worklist"));
  }

  visits() {
    return this.run("visits", "readonly", (s) => s.getAll());
  }

  saveVisit(visit) {
    return this.run("visits", "readwrite", (s) => s.put(visit));
  }

  deleteVisit(key) {
    return this.run("visits", "readwrite", (s) => s.delete(key));
  }
}

// Every survey database on this phone (all accounts'), for logging out.
export async function surveyDatabases() {
  if (!indexedDB.databases) return [];
  const all = await indexedDB.databases();
  return all.map((d) => d.name).filter((name) => name && name.startsWith(PREFIX));
}

export async function countWaiting(name) {
  const store = await openStore(name);
  try {
    const visits = await store.visits();
    return visits.length;
  } finally {
    store.db.close();
  }
}

export function deleteDatabase(name) {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = () => resolve();
    // Still open in a page about to be left: deleted once it closes.
    request.onblocked = () => resolve();
  });
}
