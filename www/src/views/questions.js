// The questionnaire: a few questions per screen, native radios, keyboard-first
// (arrows within a question, 1-5 to answer and move on, Enter for the next
// screen), a draft saved after every answer, and the optional context last.

import { h } from "../h.js";

/** Focuses the first unanswered question on screen (its checked or first radio). */
export function focusFirstOpen(root) {
  const sets = [...(root?.querySelectorAll("fieldset[data-item]") ?? [])];
  const target = sets.find((f) => !f.querySelector("input:checked")) ?? sets[0];
  if (target) focusQuestion(target);
  else root?.querySelector("h2")?.focus();
}

function focusQuestion(fieldset) {
  (fieldset.querySelector("input:checked") ?? fieldset.querySelector("input"))?.focus();
}

export function renderQuestions(app) {
  const c = app._check;
  const q = c.questionnaire;
  const total = q.items.length;
  // Questions per screen come from the element, not from an import of element.js: that import
  // would tie this lazy view to the element's chunk and split dist/'s shared chunks further.
  const perScreen = app._perScreen;
  const screens = app._screenCount(q);
  const onContext = c.screen === screens - 1;
  const first = c.screen * perScreen;
  const pageItems = onContext ? [] : q.items.slice(first, first + perScreen);
  const answered = () => q.items.filter((i) => i.id in c.answers).length;
  const flash = app._flash; // e.g. scoring failed on finish
  app._flash = null;

  const progressText = h("p", { id: "bc-progress", class: "progress-text" }, app._t("progress", { n: answered(), total }));
  const progress = h("progress", { max: total, value: answered(), "aria-labelledby": "bc-progress" });
  const error = h("p", { class: "error", role: "alert", id: "bc-open", hidden: true });
  const updateProgress = () => {
    progressText.textContent = app._t("progress", { n: answered(), total });
    progress.value = answered();
  };
  const showError = (text) => {
    error.textContent = text;
    error.hidden = false;
  };

  const next = () => {
    if (!onContext) {
      const open = pageItems.filter((i) => !(i.id in c.answers));
      const key = `screen-${c.screen}`;
      if (open.length && c.warned !== key) {
        // First press: say what is open; a second press skips (the model tolerates gaps).
        c.warned = key;
        showError(app._t("open_on_page", { n: open.length }));
        for (const f of form.querySelectorAll("fieldset[data-item]")) {
          const isOpen = open.some((i) => i.id === f.dataset.item);
          f.classList.toggle("open", isOpen);
          if (isOpen) f.setAttribute("aria-describedby", "bc-open");
        }
        focusQuestion(form.querySelector("fieldset.open"));
        return;
      }
      c.warned = null;
      c.screen += 1;
      app._saveDraft();
      app._go("questions");
      return;
    }
    const open = total - answered();
    if (open > 0 && c.warned !== "finish") {
      c.warned = "finish";
      showError(app._t("open_in_total", { n: open }));
      return;
    }
    app._finish();
  };

  const back = () => {
    c.warned = null;
    c.screen = Math.max(0, c.screen - 1);
    app._saveDraft();
    app._go("questions");
  };

  const startOver = () => {
    app._clearDraft();
    app._check = null;
    app._go("start");
  };

  const onChange = (event) => {
    const input = event.target;
    if (input.name?.startsWith("q-")) {
      c.answers[input.name.slice(2)] = Number(input.value);
      const fieldset = input.closest("fieldset");
      fieldset.classList.remove("open");
      fieldset.removeAttribute("aria-describedby");
      updateProgress();
    } else if (input.name === "ctx-secondary") {
      c.context.secondary = [...form.querySelectorAll('input[name="ctx-secondary"]:checked')].map((i) => i.value);
    } else if (input.name?.startsWith("ctx-")) {
      c.context[input.name.slice(4)] = input.value;
    } else if (input.name === "note") {
      c.note = input.value;
    }
    app._saveDraft();
  };

  const onKeydown = (event) => {
    const input = event.target;
    if (event.key === "Enter" && (input.type === "radio" || input.type === "checkbox")) {
      event.preventDefault();
      next();
      return;
    }
    if (/^[1-5]$/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey && input.type === "radio") {
      const fieldset = input.closest("fieldset[data-item]");
      if (!fieldset) return;
      event.preventDefault();
      const radio = fieldset.querySelector(`input[value="${Number(event.key) - 1}"]`);
      radio.checked = true;
      radio.dispatchEvent(new Event("change", { bubbles: true }));
      // Move on: the next question on this screen, else the Next button.
      const sets = [...form.querySelectorAll("fieldset[data-item]")];
      const following = sets[sets.indexOf(fieldset) + 1];
      if (following) focusQuestion(following);
      else form.querySelector('button[type="submit"]').focus();
    }
  };

  const question = (item, index) =>
    h("fieldset", { class: "question", "data-item": item.id },
      h("legend", {}, h("span", { class: "number" }, `${first + index + 1}. `), item.text),
      h("div", { class: "scale" },
        q.scale.map((point) =>
          h("label", {},
            h("input", { type: "radio", name: `q-${item.id}`, value: point.value, checked: c.answers[item.id] === point.value }),
            h("span", { class: "key", "aria-hidden": "true" }, String(point.value + 1)),
            h("span", {}, point.label)))),
    );

  const contextQuestion = (cq) => {
    const multiple = cq.multiple;
    return h("fieldset", { class: "context", "data-context": cq.id },
      h("legend", {}, cq.text),
      h("div", { class: "choices" },
        cq.options.map((option) =>
          h("label", {},
            h("input", {
              type: multiple ? "checkbox" : "radio",
              name: multiple ? "ctx-secondary" : `ctx-${cq.id}`,
              value: option.id,
              checked: multiple ? c.context.secondary.includes(option.id) : c.context[cq.id] === option.id,
            }),
            h("span", {}, option.label)))),
    );
  };

  const form = h("form", {
    novalidate: true,
    onsubmit: (event) => { event.preventDefault(); next(); },
    onchange: onChange,
    oninput: (event) => { if (event.target.name === "note") onChange(event); },
    onkeydown: onKeydown,
  },
    onContext
      ? [
          h("p", {}, app._t("context_intro")),
          q.context.map(contextQuestion),
          h("div", { class: "field" },
            h("label", { for: "bc-note" }, app._t("note_label")),
            h("input", { type: "text", id: "bc-note", name: "note", maxlength: 500, value: c.note, autocomplete: "off" })),
        ]
      : [h("p", { class: "window" }, app._t("q_window")), pageItems.map(question)],
    error,
    flash ? h("p", { class: "error flash", role: "alert" }, flash.text) : null,
    h("div", { class: "actions" },
      c.screen > 0 ? h("button", { type: "button", onclick: back }, app._t("back")) : null,
      h("button", { type: "button", class: "start-over", onclick: startOver }, app._t("start_over")),
      h("button", { type: "submit", class: "primary push" }, app._t(onContext ? "finish" : "next")),
    ),
  );

  return h("section", { class: "questions", part: "questionnaire" },
    h("h2", { tabindex: -1 }, onContext ? app._t("context_title") : app._t(`form_${c.form}`)),
    h("div", { class: "progress" },
      progressText,
      h("p", { class: "muted" }, app._t("page_of", { n: c.screen + 1, total: screens })),
      progress),
    form,
    h("p", { class: "hint" }, app._t("keys_hint")),
  );
}
