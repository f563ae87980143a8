// The plain form's only script: a mean of the answers (reverse-keyed items
// flipped), shown under the form. Enough to time "last answer -> result shown".
const form = document.getElementById("check");
const result = document.getElementById("result");
form.addEventListener("submit", (event) => {
  event.preventDefault();
  let sum = 0, n = 0;
  for (const f of form.querySelectorAll("fieldset[data-item]")) {
    const checked = f.querySelector("input:checked");
    if (!checked) continue;
    const v = Number(checked.value);
    sum += f.hasAttribute("data-reverse") ? 4 - v : v;
    n += 1;
  }
  result.textContent = n ? `Mean strain: ${Math.round((sum / n) * 25)} of 100 (${n} answers)` : "No answers";
  result.hidden = false;
});
