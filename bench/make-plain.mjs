// Writes bench/plain.html: the full form's questions as a plain hand-made HTML
// form (no framework, no wasm, one small script), the baseline of `npm run bench`.
// Run again when the questionnaire changes: node bench/make-plain.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { initSync, questionnaire, setTexts } from "../www/pkg/burnout_check.js";

initSync({ module: readFileSync(new URL("../www/pkg/burnout_check_bg.wasm", import.meta.url)) });
setTexts(readFileSync(new URL("../www/pkg/texts-en.json", import.meta.url), "utf8"));
const q = questionnaire({ form: "full", locale: "en" });
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
const scale = q.scale.map((p) => `<label><input type="radio" name="%NAME%" value="${p.value}" required> ${esc(p.label)}</label>`).join("\n      ");
const items = q.items
  .map((i, n) => `  <fieldset data-item="${i.id}"${i.reverse ? ' data-reverse=""' : ""}>
    <legend>${n + 1}. ${esc(i.text)}</legend>
      ${scale.replaceAll("%NAME%", i.id)}
  </fieldset>`)
  .join("\n");
const context = q.context
  .map((c) => `  <fieldset>
    <legend>${esc(c.text)}</legend>
      ${c.options.map((o) => `<label><input type="${c.multiple ? "checkbox" : "radio"}" name="ctx-${c.id}" value="${o.id}"> ${esc(o.label)}</label>`).join("\n      ")}
  </fieldset>`)
  .join("\n");
writeFileSync(new URL("./plain.html", import.meta.url), `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Plain form (benchmark baseline)</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="plain.css">
  <script type="module" src="plain.js"></script>
</head>
<body>
<h1>Plain form</h1>
<form id="check">
${items}
${context}
  <button type="submit">See result</button>
</form>
<p id="result" hidden></p>
</body>
</html>
`);
console.log(`bench/plain.html: ${q.items.length} items, ${q.context.length} context questions`);
