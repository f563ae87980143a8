// Deferred, so it runs after parsing and before the widget's module script:
// `?attrs={"share-result":""}` sets attributes on the first widget, `?dir=rtl`
// turns the page right-to-left. Values are set as attribute text, nothing else.
(() => {
  const params = new URLSearchParams(location.search);
  const el = document.querySelector("burnout-check, burnout-check-frame");
  const attrs = params.get("attrs");
  if (el && attrs) for (const [k, v] of Object.entries(JSON.parse(attrs))) el.setAttribute(k, v);
  if (params.get("dir")) document.documentElement.dir = params.get("dir");
})();
