// The survey app on a clerk's phone: the worklist downloaded before going out, visits
// recorded without signal and kept in IndexedDB, sent once there is signal again. Each visit
// carries a key made here, so sending twice records it once; what the server refuses comes
// back with its reason, to fix or discard. Its words come from the page (survey-config).
import { openStore } from "./store.js";

const config = JSON.parse(document.getElementById("survey-config").textContent);
const T = config.strings;
const root = document.getElementById("survey-app");
const part = (name) => root.querySelector(`[data-testid="${name}"]`);

const SETTLE_MS = 500;

let store;
let worklist;
let visits = [];
let sending = false;
let editing = null; // the visit being fixed, or null for a new one

function fill(text, values) {
  return text.replace(/%\((\w+)\)s/g, (_, name) => String(values[name] ?? ""));
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value;
    else if (name === "class") node.className = value;
    else node.setAttribute(name, value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

// A random (version 4) UUID. crypto.randomUUID exists only on HTTPS; getRandomValues
// everywhere, so a page served over plain HTTP on a county intranet still makes keys.
function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function localDay(date = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function say(text, kind = "info") {
  const status = part("survey-status");
  status.className = `alert alert-${kind} py-2 small`;
  status.textContent = text;
  status.hidden = !text;
}

// What waits, what was refused, the worklist's age.

function waiting() {
  return visits.filter((v) => v.state === "waiting");
}

function refused() {
  return visits.filter((v) => v.state === "refused");
}

function householdOf(id) {
  return worklist?.households.find((h) => h.id === id);
}

function showConnection() {
  const badge = part("connection");
  badge.textContent = navigator.onLine ? T.online : T.offline;
  badge.className = `badge ${navigator.onLine ? "text-bg-success" : "text-bg-secondary"}`;
}

function showCounts() {
  part("pending-count").textContent = fill(T.pending, { count: waiting().length });
  part("send").disabled = sending || waiting().length === 0;
}

function showWorklistInfo() {
  const info = part("worklist-info");
  const stale = part("stale");
  if (!worklist) {
    info.textContent = T.noWorklist;
    stale.hidden = true;
    return;
  }
  const when = new Date(worklist.saved_at);
  info.textContent = fill(T.worklistInfo, {
    township: worklist.township,
    count: worklist.households.length,
    when: `${localDay(when)} ${when.toTimeString().slice(0, 5)}`,
  });
  const days = config.maxAgeDays;
  stale.textContent = fill(T.stale, { days });
  stale.hidden = Date.now() - worklist.saved_at <= days * 24 * 3600 * 1000;
}

function personLine(person) {
  const bits = [person.name, person.relation, ...person.categories];
  if (person.deceased) bits.push(T.deceased);
  if (person.id_number) bits.push(person.id_number);
  if (person.phone) bits.push(`${T.phone} ${person.phone}`);
  return bits.filter(Boolean).join(" · ");
}

function showHouseholds() {
  const list = part("households");
  list.replaceChildren();
  if (!worklist) return;
  if (!worklist.campaign) {
    list.append(element("p", { class: "text-muted", text: T.noCampaign }));
    return;
  }
  const query = part("search").value.trim();
  const stateOf = new Map(visits.map((v) => [v.household, v.state]));
  const shown = worklist.households.filter(
    (h) =>
      !query ||
      h.head.includes(query) ||
      h.village.includes(query) ||
      h.persons.some((p) => p.name.includes(query))
  );
  if (worklist.households.length === 0) {
    list.append(element("p", { class: "text-muted", text: T.noHouseholds }));
  }
  for (const household of shown) {
    const state = stateOf.get(household.id);
    const card = element(
      "div",
      { class: "list-group-item", "data-household": household.id },
      element(
        "div",
        { class: "fw-semibold" },
        `${household.head} `,
        element("span", { class: "small text-muted", text: household.number })
      ),
      element("div", {
        class: "small text-muted",
        text: [household.village, household.address, household.phone].filter(Boolean).join(" · "),
      }),
      element(
        "ul",
        { class: "small mb-1 ps-3" },
        ...household.persons.map((p) => element("li", { text: personLine(p) }))
      )
    );
    if (state === "waiting") {
      card.append(element("span", { class: "badge text-bg-warning", text: T.waiting }));
    } else if (state === "refused") {
      card.append(element("span", { class: "badge text-bg-danger", text: T.refusedBadge }));
    } else {
      const button = element("button", {
        type: "button",
        class: "btn btn-sm btn-danger",
        text: T.record,
      });
      button.addEventListener("click", () => openForm(household));
      card.append(button);
    }
    list.append(card);
  }
}

function showRefused() {
  const section = part("refused");
  const list = section.querySelector("[data-list]");
  list.replaceChildren();
  const items = refused();
  section.hidden = items.length === 0;
  for (const visit of items) {
    const household = householdOf(visit.household);
    const name = household ? `${household.head}（${household.village}）` : visit.label;
    const fix = element("button", { type: "button", class: "btn btn-sm btn-outline-danger me-2", text: T.fix });
    const discard = element("button", { type: "button", class: "btn btn-sm btn-outline-secondary", text: T.discard });
    fix.addEventListener("click", () => openForm(household || { id: visit.household, head: visit.label, village: "", persons: [] }, visit));
    discard.addEventListener("click", async () => {
      if (!window.confirm(T.confirmDiscard)) return;
      await store.deleteVisit(visit.key);
      await reload();
    });
    list.append(
      element(
        "div",
        { class: "list-group-item", "data-refused": visit.key },
        element("div", { class: "fw-semibold", text: `${name} · ${visit.visited_on}` }),
        element("div", { class: "small text-danger", "data-testid": "refusal-reason", text: visit.reason }),
        element("div", { class: "mt-1" }, fix, discard)
      )
    );
  }
}

function showAll() {
  showConnection();
  showCounts();
  showWorklistInfo();
  showRefused();
  showHouseholds();
}

async function reload() {
  visits = await store.visits();
  visits.sort((a, b) => a.saved_at - b.saved_at);
  showAll();
}

// The visit form: the same fields and rules as the form on the server.

function openForm(household, visit = null) {
  editing = visit;
  const section = part("visit-form");
  const form = section.querySelector("form");
  form.replaceChildren();
  section.querySelector("[data-household-name]").textContent =
    `${household.head}（${household.village}）`;
  section.querySelector("[data-persons]").replaceChildren(
    ...(household.persons || []).map((p) => element("li", { text: personLine(p) }))
  );
  const findings = new Map((visit?.findings || []).map((f) => [f.topic, f]));
  const field = (label, input) =>
    element("div", { class: "mb-2" }, element("label", { class: "form-label", for: input.id, text: label }), input);
  form.append(
    element("div", { class: "alert alert-danger d-none", "data-errors": "" }),
    field(T.visitedOn, element("input", { type: "date", id: "survey-visited-on", name: "visited_on", class: "form-control", value: visit?.visited_on || localDay(), max: localDay() })),
    field(T.visitors, element("input", { type: "text", id: "survey-visitors", name: "visitors", class: "form-control", maxlength: "200", value: visit?.visitors || worklist.visitors })),
    element("p", { class: "small text-muted", text: T.topicsHint })
  );
  for (const topic of worklist.topics) {
    const found = findings.get(topic.number);
    const text = element("textarea", { id: `survey-topic-${topic.number}`, class: "form-control", rows: "2", "data-topic-text": topic.number });
    text.value = found?.text || "";
    const action = element("input", { type: "checkbox", class: "form-check-input", id: `survey-action-${topic.number}`, "data-topic-action": topic.number });
    action.checked = Boolean(found?.needs_action);
    const box = element(
      "fieldset",
      { class: "border rounded p-2 mb-2", "data-topic": topic.number },
      field(topic.label, text),
      element("div", { class: "form-check" }, action, element("label", { class: "form-check-label", for: action.id, text: T.needsAction }))
    );
    if (topic.policy_check) {
      for (const [name, label] of [["policies_done", T.policiesDone], ["policies_missing", T.policiesMissing]]) {
        const chosen = new Set(visit?.[name] || []);
        const group = element("div", { class: "small mb-1" }, element("div", { class: "fw-semibold", text: label }));
        for (const policy of worklist.policies) {
          const box = element("input", { type: "checkbox", class: "form-check-input", id: `survey-${name}-${policy.id}`, "data-policy": name, value: policy.id });
          box.checked = chosen.has(policy.id);
          group.append(element("div", { class: "form-check" }, box, element("label", { class: "form-check-label", for: box.id, text: policy.name })));
        }
        box.append(group);
      }
    }
    form.append(box);
  }
  const notes = element("textarea", { id: "survey-notes", class: "form-control", rows: "2" });
  notes.value = visit?.notes || "";
  const save = element("button", { type: "submit", class: "btn btn-danger me-2", text: T.save });
  const cancel = element("button", { type: "button", class: "btn btn-outline-secondary", text: T.cancel });
  cancel.addEventListener("click", closeForm);
  form.append(field(T.notes, notes), save, cancel);
  form.onsubmit = (event) => {
    event.preventDefault();
    keep(household, form);
  };
  part("worklist").hidden = true;
  section.hidden = false;
  window.scrollTo(0, 0);
}

function closeForm() {
  editing = null;
  part("visit-form").hidden = true;
  part("worklist").hidden = false;
}

function readForm(form) {
  const findings = [];
  const errors = [];
  const policies = (name) =>
    [...form.querySelectorAll(`[data-policy="${name}"]:checked`)].map((b) => Number(b.value));
  const done = policies("policies_done");
  const missing = policies("policies_missing");
  if (done.some((id) => missing.includes(id))) errors.push(T.bothPolicies);
  for (const topic of worklist.topics) {
    const text = form.querySelector(`[data-topic-text="${topic.number}"]`).value.trim();
    const needsAction = form.querySelector(`[data-topic-action="${topic.number}"]`).checked;
    if (needsAction && !text) errors.push(`${topic.label}：${T.describeProblem}`);
    if (text || (topic.policy_check && (done.length || missing.length))) {
      findings.push({ topic: topic.number, text, needs_action: needsAction });
    }
  }
  const visitedOn = form.querySelector("#survey-visited-on").value;
  const visitors = form.querySelector("#survey-visitors").value.trim();
  if (!visitedOn) errors.push(T.noDate);
  else if (visitedOn > localDay()) errors.push(T.futureDate);
  if (!visitors) errors.push(T.noVisitors);
  if (!findings.length) errors.push(T.needFinding);
  return {
    errors,
    data: {
      visited_on: visitedOn,
      visitors,
      notes: form.querySelector("#survey-notes").value.trim(),
      findings,
      policies_done: done,
      policies_missing: missing,
    },
  };
}

async function keep(household, form) {
  const { errors, data } = readForm(form);
  const box = form.querySelector("[data-errors]");
  if (errors.length) {
    box.textContent = errors.join(" ");
    box.classList.remove("d-none");
    return;
  }
  const visit = {
    // A refused visit fixed keeps its key: the server recorded nothing under it.
    key: editing?.key || newKey(),
    household: household.id,
    label: `${household.head}（${household.village}）`,
    campaign: worklist.campaign,
    ...data,
    state: "waiting",
    reason: "",
    saved_at: editing?.saved_at || Date.now(),
  };
  await store.saveVisit(visit);
  closeForm();
  await reload();
  say(T.saved, "success");
  if (navigator.onLine) send();
}

// The worklist and the sending.

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : "";
}

// A session that ended answers with the login page, not the app's JSON.
async function readJson(response) {
  const type = response.headers.get("Content-Type") || "";
  if (response.redirected || !type.includes("application/json")) {
    throw new Error(response.status === 403 ? "403" : "login");
  }
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || String(response.status));
  return body;
}

function failure(error, template) {
  if (error.message === "login") return T.loginAgain;
  return fill(template, { error: error.message });
}

async function download() {
  const button = part("download");
  button.disabled = true;
  button.textContent = T.downloading;
  try {
    const response = await fetch(config.worklistUrl, { credentials: "same-origin" });
    const fresh = await readJson(response);
    fresh.saved_at = Date.now();
    await store.saveWorklist(fresh);
    worklist = fresh;
    say(fill(T.downloaded, { count: fresh.households.length }), "success");
  } catch (error) {
    say(failure(error, T.downloadFailed), "danger");
  } finally {
    button.disabled = false;
    button.textContent = T.download;
    showAll();
  }
}

async function send() {
  if (sending || !waiting().length) return;
  sending = true;
  const button = part("send");
  button.textContent = T.sending;
  showCounts();
  const counts = { recorded: 0, already: 0, refused: 0 };
  try {
    const queue = waiting();
    for (let start = 0; start < queue.length; start += config.batch) {
      const batch = queue.slice(start, start + config.batch);
      const response = await fetch(config.sendUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
        body: JSON.stringify({
          visits: batch.map(({ state, reason, saved_at, label, ...visit }) => visit),
        }),
      });
      const answer = await readJson(response);
      for (const result of answer.results) {
        const visit = batch.find((v) => v.key === result.key);
        if (!visit) continue;
        counts[result.status] += 1;
        if (result.status === "refused") {
          await store.saveVisit({ ...visit, state: "refused", reason: result.reason });
        } else {
          await store.deleteVisit(visit.key);
          // Visited now: off the list of households still to visit.
          if (worklist) {
            worklist.households = worklist.households.filter((h) => h.id !== visit.household);
          }
        }
      }
      if (worklist) await store.saveWorklist(worklist);
    }
    say(fill(T.sent, counts), counts.refused ? "warning" : "success");
  } catch (error) {
    say(failure(error, T.sendFailed), "danger");
  } finally {
    sending = false;
    button.textContent = T.send;
    await reload();
  }
}

async function start() {
  store = await openStore(config.database);
  worklist = (await store.worklist()) || null;
  if (worklist && worklist.version !== config.worklistVersion) worklist = null;
  part("download").addEventListener("click", download);
  part("send").addEventListener("click", send);
  part("search").addEventListener("input", showHouseholds);
  window.addEventListener("online", () => {
    showConnection();
    // Signal in the field comes and goes: send once it has held for a moment.
    setTimeout(() => navigator.onLine && send(), SETTLE_MS);
  });
  window.addEventListener("offline", showConnection);
  await reload();
  root.dataset.ready = "1";
  if (navigator.onLine) send();
}

start();
