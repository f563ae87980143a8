// The embed entry: <script type="module" src=".../burnout-check.js"></script>
// then <burnout-check></burnout-check> anywhere on the page.
// The wasm core is fetched relative to this file, so the folder can live at any path.

import { define } from "./src/define.js";

define("burnout-check", { wasmUrl: new URL("./pkg/burnout_check_bg.wasm", import.meta.url) });

export { define };
export { BurnoutCheck } from "./src/element.js";
