// Host page instrumentation, loaded first: records every widget event and every
// CSP violation the page sees, as a page owner's own script would.
window.__events = [];
window.__violations = [];
for (const name of ["burnout-check:ready", "burnout-check:complete", "burnout-check:saved", "burnout-check:error"]) {
  document.addEventListener(name, (event) => {
    window.__events.push({ type: event.type, detail: event.detail, bubbles: event.bubbles, composed: event.composed, custom: event instanceof CustomEvent, target: event.target.localName + (event.target.id ? "#" + event.target.id : "") });
  });
}
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample });
});
