// Article page: clicking (or pressing Enter on) a highlight shows its extracted records in the details panel.
// Everything is built with textContent/createElement, never innerHTML: record strings come from articles.
(function () {
  "use strict";
  const records = JSON.parse(document.getElementById("records").textContent);
  const entityKeys = JSON.parse(document.getElementById("entity-keys").textContent);
  const panel = document.getElementById("details");
  const KIND_LABELS = { entity: "كيان Entity", date: "تاريخ Date", time: "تعبير زمني Time expression",
                        quote: "اقتباس Quote", event: "حدث Event" };

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }

  function field(list, label, value, href) {
    if (value === undefined || value === null || value === "") return;
    list.appendChild(el("dt", label));
    const dd = el("dd");
    dd.appendChild(href ? el("a", value, { href: href }) : el("span", value));
    list.appendChild(dd);
  }

  function summary(kind, ref, record) {
    const list = el("dl", null, { class: "meta" });
    if (kind === "entity") {
      field(list, "الاسم Name", record.name);
      field(list, "English", record.name_en);
      field(list, "النوع Type", record.type);
      field(list, "KB", record.kb_id || "NIL (not linked)", entityKeys[record.id] ? "/entities/" + encodeURIComponent(entityKeys[record.id]) : null);
      if (/^Q[0-9]+$/.test(record.wikidata || "")) field(list, "Wikidata", record.wikidata, "https://www.wikidata.org/wiki/" + record.wikidata);
      field(list, "رمز الفاعل Actor code", record.actor_code);
      field(list, "البلد Country", record.country);
    } else if (kind === "event") {
      field(list, "النوع Type", record.type + (record.negated ? " (negated)" : ""));
      field(list, "Mode", record.mode);
      field(list, "CAMEO", record.cameo);
      field(list, "الفاعل Actors", names(record.actors));
      field(list, "المفعول به Recipients", names(record.recipients));
      field(list, "التاريخ Date", record.date);
    } else if (kind === "quote") {
      field(list, "المتحدث Speaker", record.speaker ? names([record.speaker]) : "?");
      field(list, "Cue", record.cue);
      field(list, "Kind", record.kind);
    } else {
      field(list, "القيمة Value", record.value || "(unresolved)");
      field(list, "النوع Type", record.type);
      field(list, "Reason", record.reason);
    }
    return list;
  }

  function names(ids) {
    return (ids || []).map(function (id) {
      const e = records["entity:" + id];
      return e ? e.name + (e.name_en ? " (" + e.name_en + ")" : "") : id;
    }).join("، ");
  }

  function show(refs) {
    panel.replaceChildren(el("h2", "التفاصيل Details"));
    for (const ref of refs) {
      const record = records[ref];
      if (!record) continue;
      const kind = ref.split(":")[0];
      const box = el("section", null, { class: "record record-" + kind, "data-ref": ref });
      box.appendChild(el("h3", KIND_LABELS[kind] || kind));
      box.appendChild(summary(kind, ref, record));
      box.appendChild(el("pre", JSON.stringify(record, null, 2)));
      panel.appendChild(box);
    }
    document.querySelectorAll(".selected").forEach(function (n) { n.classList.remove("selected"); });
    document.querySelectorAll("#article-text [data-refs]").forEach(function (n) {
      if (n.dataset.refs.split(" ").indexOf(refs[0]) >= 0) n.classList.add("selected");
    });
  }

  function activate(event) {
    const target = event.target.closest("[data-refs]");
    if (!target || event.target.closest("a")) return;
    show(target.dataset.refs.split(" "));
  }

  document.addEventListener("click", activate);
  document.addEventListener("keydown", function (event) { if (event.key === "Enter") activate(event); });
})();
