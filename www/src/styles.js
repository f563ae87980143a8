// The element's own styles, adopted into its shadow root (no <style> text in
// the DOM, so a strict CSP needs no 'unsafe-inline'). Colours, font, radius and
// spacing are --bc-* custom properties a host page can override.

const CSS = /* css */ `
:host {
  --bc-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  --bc-radius: 10px;
  --bc-space: 1rem;
  --bc-bg: #fdfcfa;
  --bc-surface: #ffffff;
  --bc-text: #1f2328;
  --bc-muted: #57606a;
  --bc-border: #c9ced4;
  --bc-control-border: #7d8590;
  --bc-accent: #2f5f8a;
  --bc-accent-text: #ffffff;
  --bc-focus: #c04f00;
  --bc-error: #a4002a;
  --bc-error-bg: #fff0f2;
  --bc-notice-bg: #fff7e0;
  --bc-support-bg: #fdecef;
  --bc-bar: #2f5f8a;
  --bc-band-low: #e6f1e8;
  --bc-band-elevated: #f8f0d6;
  --bc-band-high: #f7e0cc;
  --bc-band-very-high: #f3d0d4;
  display: block;
  color-scheme: light;
  font-family: var(--bc-font);
  line-height: 1.5;
  color: var(--bc-text);
}
:host([hidden]) { display: none; }
:host([theme="dark"]) {
  --bc-bg: #15181c; --bc-surface: #1d2126; --bc-text: #e8eaed; --bc-muted: #a8b0b9;
  --bc-border: #49515a; --bc-control-border: #7f8893; --bc-accent: #8cbcec; --bc-accent-text: #0e1116; --bc-focus: #ffb070;
  --bc-error: #ff9bae; --bc-error-bg: #3a1a22; --bc-notice-bg: #3a3219; --bc-support-bg: #3e1f26;
  --bc-bar: #8cbcec; --bc-band-low: #1f3325; --bc-band-elevated: #3a3519; --bc-band-high: #43301e; --bc-band-very-high: #4a2127;
  color-scheme: dark;
}
@media (prefers-color-scheme: dark) {
  :host(:not([theme="light"])) {
    --bc-bg: #15181c; --bc-surface: #1d2126; --bc-text: #e8eaed; --bc-muted: #a8b0b9;
    --bc-border: #49515a; --bc-control-border: #7f8893; --bc-accent: #8cbcec; --bc-accent-text: #0e1116; --bc-focus: #ffb070;
    --bc-error: #ff9bae; --bc-error-bg: #3a1a22; --bc-notice-bg: #3a3219; --bc-support-bg: #3e1f26;
    --bc-bar: #8cbcec; --bc-band-low: #1f3325; --bc-band-elevated: #3a3519; --bc-band-high: #43301e; --bc-band-very-high: #4a2127;
    color-scheme: dark;
  }
}
* { box-sizing: border-box; }
.app { background: var(--bc-bg); border: 1px solid var(--bc-border); border-radius: var(--bc-radius); padding: var(--bc-space); container-type: inline-size; }
header { display: flex; flex-wrap: wrap; gap: calc(var(--bc-space) / 2) var(--bc-space); align-items: center; justify-content: space-between;
  padding-block-end: calc(var(--bc-space) / 2); margin-block-end: var(--bc-space); border-block-end: 1px solid var(--bc-border); }
.brand { font-weight: 700; font-size: 1.1rem; }
nav { display: flex; gap: .5rem; }
.tools { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
h2 { font-size: 1.4rem; margin-block: 0 .5rem; }
h3 { font-size: 1.1rem; margin-block: 1.5rem .5rem; }
h2:focus, main:focus { outline: none; }
p { margin-block: .5rem; }
button, select, input, .file-label { font: inherit; color: inherit; }
button, .file-label {
  min-block-size: 2.75rem; padding-block: .4rem; padding-inline: 1rem; border-radius: var(--bc-radius);
  border: 1px solid var(--bc-control-border); background: var(--bc-surface); cursor: pointer;
}
button.primary { background: var(--bc-accent); color: var(--bc-accent-text); border-color: var(--bc-accent); font-weight: 600; }
button.danger { border-color: var(--bc-error); color: var(--bc-error); }
button.small { min-block-size: 2rem; padding-inline: .6rem; }
button[aria-current="page"] { border-color: var(--bc-accent); box-shadow: inset 0 -3px 0 var(--bc-accent); }
button.crisis { border-color: var(--bc-error); color: var(--bc-error); font-weight: 600; }
select, input[type="date"], input[type="text"] {
  min-block-size: 2.75rem; padding-inline: .5rem; border-radius: var(--bc-radius); border: 1px solid var(--bc-control-border); background: var(--bc-surface);
}
:focus-visible { outline: 3px solid var(--bc-focus); outline-offset: 2px; }
.visually-hidden { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.muted, .hint { color: var(--bc-muted); font-size: .92rem; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-block-start: var(--bc-space); }
.actions .push { margin-inline-start: auto; }
fieldset { border: 1px solid var(--bc-border); border-radius: var(--bc-radius); background: var(--bc-surface);
  margin-block: 0 var(--bc-space); margin-inline: 0; padding: var(--bc-space); min-inline-size: 0; }
fieldset.open { border-color: var(--bc-error); border-width: 2px; }
legend { font-weight: 600; padding-inline: .25rem; }
.scale { display: grid; grid-template-columns: repeat(5, 1fr); gap: .4rem; margin-block-start: .5rem; }
.scale label, .choices label {
  display: flex; align-items: center; gap: .5rem; min-block-size: 2.75rem; padding-inline: .6rem;
  border: 1px solid var(--bc-border); border-radius: var(--bc-radius); cursor: pointer;
}
.scale label:has(input:checked), .choices label:has(input:checked) { border-color: var(--bc-accent); box-shadow: inset 0 0 0 1px var(--bc-accent); }
.scale input, .choices input { inline-size: 1.25rem; block-size: 1.25rem; margin: 0; accent-color: var(--bc-accent); flex: none; }
.key { font-size: .8rem; color: var(--bc-muted); border: 1px solid var(--bc-border); border-radius: 4px; padding-inline: .3rem; }
.choices { display: grid; gap: .4rem; margin-block-start: .5rem; }
.choice-desc { display: block; color: var(--bc-muted); font-size: .92rem; }
.form-choice label { align-items: flex-start; padding-block: .6rem; }
.form-choice input { margin-block-start: .2rem; }
.progress { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; margin-block-end: var(--bc-space); }
progress { inline-size: 100%; block-size: .6rem; accent-color: var(--bc-accent); }
.window { font-style: italic; color: var(--bc-muted); }
.error { background: var(--bc-error-bg); color: var(--bc-error); border-inline-start: 4px solid var(--bc-error); padding: .5rem .75rem; border-radius: 4px; }
.notice { background: var(--bc-notice-bg); border-inline-start: 4px solid var(--bc-muted); padding: .5rem .75rem; border-radius: 4px; }
.support { background: var(--bc-support-bg); border: 2px solid var(--bc-error); border-radius: var(--bc-radius); padding: var(--bc-space); margin-block-end: var(--bc-space); }
.support h3 { margin-block-start: 0; }
.profile-title { font-size: 1.25rem; font-weight: 700; margin-block: .25rem; }
.strain-line { font-weight: 600; }
.disclaimer { font-size: .9rem; color: var(--bc-muted); border-block-start: 1px solid var(--bc-border); padding-block-start: .5rem; margin-block-start: var(--bc-space); }
.chart { inline-size: 100%; block-size: auto; max-inline-size: 40rem; display: block; font-family: var(--bc-font); direction: ltr; }
.chart text { fill: var(--bc-text); font-size: 12px; }
.chart .tick-label { fill: var(--bc-muted); font-size: 11px; }
.chart .value-label { font-weight: 700; }
.chart .grid { stroke: var(--bc-border); stroke-dasharray: 3 3; }
.chart .bar-track { fill: none; stroke: var(--bc-border); }
.chart .bar-fill { fill: var(--bc-bar); }
.band-low .band-area { fill: var(--bc-band-low); }
.band-elevated .band-area { fill: var(--bc-band-elevated); }
.band-high .band-area { fill: var(--bc-band-high); }
.band-very_high .band-area { fill: var(--bc-band-very-high); }
.band-area { stroke: var(--bc-border); stroke-width: .5; }
.chart .band-label { fill: var(--bc-muted); font-size: 11px; }
.trend-line { fill: none; stroke: var(--bc-text); stroke-width: 2; }
.trend-dot { fill: var(--bc-surface); stroke: var(--bc-text); stroke-width: 2; }
.reliable-line { stroke: var(--bc-text); stroke-width: 5; stroke-dasharray: 2 4; stroke-linecap: round; }
.chart .reliable-label { font-style: italic; font-weight: 700; }
.rest-hatch { stroke: var(--bc-muted); stroke-width: 2; opacity: .5; }
table { border-collapse: collapse; inline-size: 100%; margin-block: .5rem; }
th, td { text-align: start; padding-block: .4rem; padding-inline: .5rem; border-block-end: 1px solid var(--bc-border); vertical-align: top; }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
.badge { font-size: .8rem; border: 1px solid var(--bc-error); color: var(--bc-error); border-radius: 4px; padding-inline: .3rem; margin-inline-start: .3rem; }
.events { list-style: none; padding: 0; }
.events li { border: 1px solid var(--bc-border); border-radius: var(--bc-radius); padding: .75rem; margin-block-end: .5rem; background: var(--bc-surface); }
.event-head { display: flex; flex-wrap: wrap; gap: .5rem; justify-content: space-between; align-items: center; }
.state { font-weight: 700; }
/* Laid out and painted only near the screen; its last size stands in meanwhile. It
   clips what it paints, so it has room for the focus ring of what is at its edge. */
.later { content-visibility: auto; contain-intrinsic-size: auto 24rem; padding: .4rem; margin-inline: -.4rem; }
.event-forms { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: var(--bc-space); }
.entries-more { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem .75rem; margin-block: .5rem var(--bc-space); }
.entries-more[hidden] { display: none; }
.entries-more p { margin: 0; }
.field { display: grid; gap: .2rem; margin-block-end: .5rem; }
dialog { max-inline-size: min(36rem, 92vw); border: 1px solid var(--bc-border); border-radius: var(--bc-radius); background: var(--bc-bg); color: var(--bc-text); padding: var(--bc-space); }
dialog::backdrop { background: rgb(0 0 0 / .5); }
dialog h2 { margin-block-start: 0; }
.lines { padding-inline-start: 1.2rem; }
.lines a { color: inherit; text-decoration-thickness: 1px; }
.share-notice { border-inline-start-color: var(--bc-accent); }
/* A host page's global rules (\`* { … }\`, body text settings) reach the element
   only through inheritance; the first box inside sets every inherited text
   property back, so the check reads the same on any page. Size follows the
   page's root font size (rem) or --bc-font-size. Direction is inherited on purpose. */
.app {
  font-family: var(--bc-font); font-size: var(--bc-font-size, 1rem); font-style: normal; font-weight: 400; font-variant: normal;
  line-height: 1.5; letter-spacing: normal; word-spacing: normal; text-transform: none; text-indent: 0; text-align: start;
  text-shadow: none; white-space: normal; overflow-wrap: anywhere; hyphens: manual; visibility: visible; cursor: auto;
  color: var(--bc-text); list-style: disc; writing-mode: horizontal-tb; text-decoration: none;
  min-inline-size: 0; max-inline-size: 100%;
}
@media print { .app { color: #000; } }
@media (max-width: 40rem) {
  .scale { grid-template-columns: 1fr; }
  .app { padding: calc(var(--bc-space) * .75); }
}
/* A narrow element (a phone, 200 % zoom, a sidebar): each saved check becomes a small card, labelled cell by cell. */
@container (max-width: 34rem) {
  table.entries thead { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  table.entries, table.entries tbody { display: block; }
  table.entries tr { display: grid; grid-template-columns: 1fr auto; gap: .1rem .75rem; padding-block: .5rem; border-block-end: 1px solid var(--bc-border); }
  table.entries td { display: block; border: none; padding: 0; text-align: start; }
  table.entries td[data-label]::before { content: attr(data-label) ": "; color: var(--bc-muted); }
  table.entries td.row-actions { grid-column: 1 / -1; display: flex; flex-wrap: wrap; gap: .5rem; margin-block-start: .25rem; }
}
.print-dialog .choices label { padding-block: .4rem; }
.print-summary { display: none; }
/* A result laid out unseen once while idle, then removed (views/result.js warmUp). */
.warm-up { block-size: 0; overflow: hidden; visibility: hidden; }
@media (prefers-reduced-motion: no-preference) {
  button, .scale label, .choices label { transition: border-color .15s, box-shadow .15s; }
}
@media print {
  /* Paper is white whatever the screen theme: the light palette, dark text. */
  :host, :host([theme]), :host(:not([theme="light"])) {
    --bc-bg: #fff; --bc-surface: #fff; --bc-text: #000; --bc-muted: #444; --bc-border: #999; --bc-control-border: #666;
    --bc-accent: #2f5f8a; --bc-bar: #2f5f8a; --bc-error: #a4002a; --bc-error-bg: #fff; --bc-notice-bg: #fff; --bc-support-bg: #fff;
    --bc-band-low: #e6f1e8; --bc-band-elevated: #f8f0d6; --bc-band-high: #f7e0cc; --bc-band-very-high: #f3d0d4;
    color-scheme: light;
  }
  :host { color: #000; }
  /* A summary, when there is one, replaces its view on paper. */
  section:has(> .print-summary) > :not(.print-summary), main:has(> section > .print-summary) > :not(section) { display: none !important; }
  .print-summary { display: block; font-size: 9.5pt; line-height: 1.3; }
  .print-summary .summary-body { columns: 2; column-gap: 1.2rem; }
  .print-summary .summary-body > h4:first-child { margin-block-start: .4rem; }
  .print-summary .summary-title { font-size: 14pt; margin-block: 0 .15rem; }
  .print-summary h4 { font-size: 10.5pt; margin-block: .55rem .1rem; break-after: avoid; }
  .print-summary p { margin-block: .2rem; }
  .print-summary ul, .print-summary ol { margin-block: .1rem; padding-inline-start: 1.2rem; }
  .print-summary .summary-profile { font-size: 12pt; font-weight: 700; margin-block: .3rem .1rem; }
  .print-summary .summary-trend-row { display: grid; grid-template-columns: 8.5cm 1fr; gap: .6rem; align-items: start; }
  .print-summary .summary-talk { display: grid; grid-template-columns: 1fr 1fr; gap: .8rem; align-items: stretch; break-inside: avoid; }
  .print-summary table { inline-size: auto; margin-block: .2rem; }
  .print-summary th, .print-summary td { padding-block: .1rem; padding-inline: .4rem; }
  .print-summary .notes-space { border: 1px solid #666; border-radius: 4px; min-block-size: 2.4cm; padding: .3rem .5rem; margin-block-start: .55rem; color: #444; }
  .print-summary .summary-disclaimer { font-size: 8.5pt; color: #444; }
  .app { border: none; padding: 0; background: none; }
  header, .actions, .no-print, dialog, .hint, details { display: none !important; }
  .result { font-size: 9.5pt; line-height: 1.35; }
  .result h2 { font-size: 13pt; margin: 0; }
  .result h3 { font-size: 10.5pt; margin-block: .5rem .15rem; break-after: avoid; }
  .result p { margin-block: .25rem; }
  .result ol, .result ul { margin-block: .2rem; }
  .profile-title { font-size: 12pt; }
  .chart { max-inline-size: 16rem; }
  .disclaimer { margin-block-start: .4rem; padding-block-start: .25rem; }
  .support { border-width: 1px; padding: .4rem .6rem; margin-block-end: .5rem; }
  .support .lines { columns: 2; margin-block: .2rem; }
}
`;

let sheet = null;

/** One shared stylesheet for every instance; built on first use, not on import. */
export function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}
