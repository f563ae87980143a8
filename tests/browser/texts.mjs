// Every shipped language of the interface texts at once, for the tests (the
// completeness test compares their keys). The element loads one at a time.

import en from "../../www/src/i18n/en.js";
import de from "../../www/src/i18n/de.js";
import es from "../../www/src/i18n/es.js";

export { LOCALES, LANGUAGE_NAMES } from "../../www/src/i18n.js";

export const TEXTS = { en, de, es };
