// The start screen: what the check is about, the privacy promise, full or quick.

import { h } from "../h.js";
import { QUESTION_COUNTS as counts } from "../../pkg/forms.js"; // written by the build: the start screen comes before the core

export function renderStart(app) {
  const start = (event) => {
    event.preventDefault();
    const form = new FormData(event.target.closest("form")).get("form") ?? app.defaultForm;
    app._beginCheck(String(form));
  };
  const onKeydown = (event) => {
    // Enter on a radio starts, as it does on the button.
    if (event.key === "Enter" && event.target.type === "radio") start(event);
  };
  return h("section", { class: "start", part: "start" },
    h("h2", { tabindex: -1 }, app._t("start_title")),
    h("p", {}, app._t("start_intro")),
    h("p", { class: "notice privacy" }, app._t("start_privacy")),
    h("form", { onsubmit: start, onkeydown: onKeydown },
      h("fieldset", { class: "form-choice" },
        h("legend", {}, app._t("start_choose")),
        h("div", { class: "choices" },
          ["full", "quick"].map((form) =>
            h("label", {},
              h("input", { type: "radio", name: "form", value: form, checked: form === app.defaultForm }),
              h("span", {},
                h("strong", {}, app._t(`form_${form}`)),
                h("span", { class: "choice-desc" }, app._t(`form_${form}_desc`, { n: counts[form] })))))),
      ),
      h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, app._t("start_button"))),
    ),
    h("p", { class: "hint" }, app._t("keys_hint")),
  );
}
