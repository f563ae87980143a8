// A tiny DOM builder: the whole UI is made with createElement and textContent,
// never innerHTML, so no text from data or translations can become markup.

const SVG_NS = "http://www.w3.org/2000/svg";
// Set as properties after the children exist (a <select>'s value needs its options).
const PROPS = new Set(["value", "checked", "disabled", "selected", "indeterminate"]);

function build(el, attrs, children) {
  const props = [];
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value);
    } else if (PROPS.has(key)) {
      props.push([key, value]);
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
  append(el, children);
  for (const [key, value] of props) el[key] = value;
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** An HTML element: `h("p", { class: "x" }, "text", h("b", {}, "bold"))`. */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element, same shape as `h`. */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}
