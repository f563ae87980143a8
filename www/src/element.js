// <burnout-check>: the element class. Importing this file has no side effects;
// `define.js` registers it. The element asks the core for the questions,
// collects answers, hands them to the core and renders what comes back: it
// never computes a score itself.

import { h } from "./h.js";
import { styles } from "./styles.js";
import { LANGUAGE_NAMES, LOCALES, coreLocale, hasLocale, loadCoreTexts, loadLocale, pickLocale, translate } from "./i18n.js";
import { DEFAULT_WASM_URL, UNGUARDED, freshCore, guard, loadCore } from "./core.js";
import { localDate, warmFormats } from "./dates.js";
import { download } from "./download.js";
import { whenIdle } from "./idle.js";
import { hasDraft, rememberLanguage, rememberedLanguage } from "./prefs.js";
import { renderStart } from "./views/start.js";
import { EVENTS, emit, completeDetail, errorDetail, classifyLoadFailure } from "./embed-events.js";
import { parseCrisisResources, renderCrisisResources } from "./embed-crisis.js";

const FORMS = ["full", "quick"];
/**
 * Views the start screen does not need (with the charts and the printable summary
 * they bring), fetched when the page is idle or when first opened (a draft
 * resumed at start waits for the questions view's code, a few KB). Each shows
 * the core's texts, so each comes with the core's English table (the texts of
 * an English check, and the fallback of the others); the start screen needs none.
 */
const LAZY = {
  questions: lazy(() => import("./views/questions.js")),
  result: lazy(() => import("./views/result.js")),
  history: lazy(() => import("./views/history.js")),
};
/** Questions per screen: few enough to see at once, also on a phone (views/questions.js lays them out). */
const PER_SCREEN = 4;
/** `navigator.storage.persist()` is asked once per page, by whichever element saves first. */
let askedPersistence = false;
const DEFAULT_NAMESPACE = "burnout-check";

export class BurnoutCheck extends HTMLElement {
  static observedAttributes = ["lang", "form", "storage-key", "theme", "share-result", "crisis-resources"];
  /** Where the wasm module is fetched from; `define()` may set it relative to the entry script. */
  static wasmUrl = DEFAULT_WASM_URL;

  #root;
  #app = null;
  #main = null;
  #crisisDialog = null;
  #confirmDialog = null;
  #booting = null;
  /** What the dialogs and the header on screen were built for (see `_render`). */
  #frameKey = null;
  #headerKey = null;
  /** A language picked before the core was here, remembered once the store can say whether it may be. */
  #pickedEarly = null;
  /** The one live region: step changes and the result are announced here (politely), nothing else. */
  #live = h("p", { class: "visually-hidden live", role: "status" });
  #crisisCache = { text: null, spec: null };
  /** The views' width as the last layout left it: watched, so reading it never forces a layout (see `_chartWidth`). */
  #room = 0;
  #roomWatch = null;

  /**
   * Who receives the result under `share-result`, as shown to the person. The
   * iframe mode sets the parent's host here; inline, it is this page's host.
   */
  recipient = null;

  // Internal state shared with the view modules (not a public API).
  _core = null;
  _store = null;
  _view = "loading";
  /** A lazily loaded view on its way (see `_go`). */
  _pendingView = null;
  /** The check in progress: `{ form, questionnaire, screen, answers, context, note, warned }`. */
  _check = null;
  /** The result on screen: `{ result, explanation, next_steps, form, date, context, saveError }`. */
  _result = null;
  /** A one-off message for the history view: `{ text, error }`. */
  _flash = null;
  /** A message above any view (the core was restarted): `{ text, navs }`. */
  _notice = null;
  /** What the browser said to `navigator.storage.persist()`: granted, denied, unsupported, failed. */
  _persistence = null;
  /** Show the export reminder under this result. */
  _reminder = false;
  #navs = 0;
  #recovery = null;
  /** A result on screen not yet stored (see `#saveResult`). */
  #unsaved = null;
  #scoringWarm = false;
  #importWarm = false;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    this.#root.adoptedStyleSheets = [styles()];
  }

  connectedCallback() {
    if (this._store) window.addEventListener("storage", this.#onStorage); // else once booted (see #boot)
    window.addEventListener("pagehide", this.#onPageHide);
    this.#booting ??= this.#boot();
  }

  disconnectedCallback() {
    this.#saveResult();
    window.removeEventListener("storage", this.#onStorage);
    window.removeEventListener("pagehide", this.#onPageHide);
  }

  /** The page is being left (closed, reloaded, sent to the back/forward cache): a result just shown is stored now. */
  #onPageHide = () => this.#saveResult();

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    // Before the core only the start screen (or "loading") is up: what it shows is redrawn,
    // the rest waits for the core (see `#coreArrived`).
    if (!this._core && !(["start", "loading"].includes(this._view) && ["lang", "form", "share-result"].includes(name))) return;
    if (name === "storage-key") {
      this.#saveResult(); // under the namespace it was taken in
      this._store?.free?.();
      this._store = new this._core.HistoryStore(this.namespace);
      this._check = null;
      this._result = null;
      this._resumeOrStart();
    } else if (name === "lang") {
      const locale = this.locale;
      if (hasLocale(locale)) this._relocalize();
      // Its texts first, so the screen changes in one step (a failed fetch: English).
      else loadLocale(locale).catch(() => {}).then(() => this.locale === locale && this._relocalize());
    } else if (name === "form" && this._view === "start") {
      this._render();
    } else if (name === "crisis-resources") {
      this.#hostCrisisList(); // a bad value is reported now
      if (this._view === "result") this._render(); // the support panel may show the list
      else if (!this.#crisisDialog?.open) this.#crisisDialog?.replaceWith((this.#crisisDialog = this.#buildCrisisDialog()));
    } else if (name === "share-result" && this._view === "start") {
      this._render(); // the notice; a check already begun keeps what the person was told
    }
  }

  /** The shipped locale: the element's `lang`, else the nearest ancestor's, else the browser's. */
  get locale() {
    const own = this.getAttribute("lang");
    const inherited = this.parentElement?.closest("[lang]")?.getAttribute("lang");
    return pickLocale(own || inherited || navigator.language);
  }

  /** The locale the core writes in: `locale` once its texts are here (see i18n.js), else English like the rest of the screen. */
  get coreLocale() {
    return coreLocale(this._core, this.locale);
  }

  /** The storage namespace (`storage-key`), so several checks can live on one origin. */
  get namespace() {
    return this.getAttribute("storage-key") || DEFAULT_NAMESPACE;
  }

  /** The form offered first on the start screen (`form` attribute). */
  get defaultForm() {
    const form = this.getAttribute("form");
    return FORMS.includes(form) ? form : "full";
  }

  /** Whether the page asked to see the result (`share-result`). */
  get shareResult() {
    return this.hasAttribute("share-result");
  }

  _t(key, vars) {
    return translate(this.locale, key, vars);
  }

  /**
   * The start screen first, then the core: the start screen needs no wasm (its
   * question counts come from pkg/forms.js), so it shows as soon as this code and
   * its texts are here, and the core (the glue and the wasm, most of the bytes)
   * is fetched right after it. Start pressed before the core is here waits for it
   * (see `_beginCheck`). A saved draft needs the core to be resumed, so with one
   * the element says "loading" until then instead of flashing the start screen.
   */
  async #boot() {
    // Not inside connectedCallback itself: what the host sets right after defining or
    // adding the element (frame.js sets `recipient`) is in place for the first screen.
    await null;
    const remembered = rememberedLanguage(this.namespace); // the person's own pick wins over the page's
    if (remembered && remembered !== this.getAttribute("lang")) this.setAttribute("lang", remembered);
    if (!hasLocale(this.locale)) await loadLocale(this.locale).catch(() => {}); // failed: English
    const focus = this.#focusFree();
    if (hasDraft(this.namespace)) this._render(); // "loading"
    else this._go("start", { focus });
    await new Promise((resolve) => setTimeout(resolve, 0)); // the start screen's task ends before the core is asked for
    const core = new Promise((resolve) => resolve(loadCore(this.constructor.wasmUrl))); // a throw becomes a rejection
    try {
      this._core = guard(await core, this.#onFault);
    } catch (e) {
      // Shown inside the widget and reported as an event; nothing is thrown into the host page.
      this._view = "failed";
      this._failure = e?.message ?? String(e);
      this._failureCode = classifyLoadFailure();
      this._render();
      this.#booting = null;
      emit(this, EVENTS.error, errorDetail(this._failureCode, e));
      return;
    }
    this._store = new this._core.HistoryStore(this.namespace);
    if (this.#pickedEarly) rememberLanguage(this._store, this.namespace, this.#pickedEarly);
    const wanted = this.locale; // or a lang set while the core loaded
    if (!hasLocale(wanted)) await loadLocale(wanted).catch(() => {});
    if (this._view === "loading") this._resumeOrStart({ focus: this.#focusFree() });
    else this.#coreArrived();
    emit(this, EVENTS.ready, { locale: this.locale, persistent: this.#persistent() });
    whenIdle(() => {
      // Listening to other tabs opens this origin's storage for events, which takes a
      // while: done once the first screen can be used (there is nothing to refresh before).
      if (this.isConnected) window.addEventListener("storage", this.#onStorage);
      warmFormats(this.locale);
      for (const view of Object.values(LAZY)) view.load().catch(() => {}); // tried again when opened
      // Builds a result once, unseen, as soon as its code is here, so the first real one is quicker.
      LAZY.result.load().then((m) => m.warmUp?.(this), () => {});
    });
  }

  /**
   * The start screen shown before the core: its navigation is enabled in place,
   * so the person's choice of form and focus stay; anything that changed while the
   * core loaded (the language, the form offered, the crisis list) is drawn anew.
   */
  #coreArrived() {
    if (this._view !== "start") return; // Start was pressed meanwhile: `_beginCheck` takes it from here
    const { frameKey, headerKey } = this.#keys();
    if (frameKey !== this.#frameKey) return this._render(); // e.g. a crisis list set meanwhile
    for (const button of this.#app?.querySelectorAll(":scope > header nav button") ?? []) button.disabled = false;
    this.#headerKey = headerKey;
  }

  #persistent() {
    try {
      return !!this._store.status().persistent;
    } catch {
      return false;
    }
  }

  /**
   * Whether the first screen may take focus: not when the person is already
   * somewhere else on the host page (its own autofocused field, say), which
   * the element's start must not take away.
   */
  #focusFree() {
    const active = document.activeElement;
    return !active || active === document.body || active === this;
  }

  /** Continues an unfinished check saved as a draft, or shows the start screen. */
  _resumeOrStart({ focus = true } = {}) {
    let draft = null;
    try {
      draft = this._store.loadDraft();
    } catch {
      draft = null; // an unreadable draft must not block a fresh start
    }
    if (draft && FORMS.includes(draft.form)) {
      this._beginCheck(draft.form, draft, { focus });
    } else {
      this._go("start", { focus });
    }
  }

  /** Starts (or resumes from `draft`) a check of `form`. */
  _beginCheck(form, draft = null, { focus = true } = {}) {
    if (!this._core || !LAZY.questions.module) return this.#whenLoaded("questions", () => this._beginCheck(form, draft, { focus }));
    let questionnaire;
    try {
      questionnaire = this._core.questionnaire({ form, locale: this.coreLocale });
    } catch {
      return; // a fault: the restart notice tells the person to try again
    }
    const ids = new Set(questionnaire.items.map((i) => i.id));
    const answers = {};
    for (const [id, v] of Object.entries(draft?.answers ?? {})) {
      if (ids.has(id) && Number.isInteger(v) && v >= 0 && v <= 4) answers[id] = v;
    }
    const context = { duration: null, scope: null, secondary: [] };
    const dc = draft?.context ?? {};
    if (typeof dc.duration === "string") context.duration = dc.duration;
    if (typeof dc.scope === "string") context.scope = dc.scope;
    if (Array.isArray(dc.secondary)) context.secondary = dc.secondary.filter((s) => typeof s === "string");
    const screens = this._screenCount(questionnaire);
    const screen = Number.isInteger(draft?.screen) ? Math.min(Math.max(draft.screen, 0), screens - 1) : 0;
    this._check = { form, questionnaire, screen, answers, context, note: typeof draft?.note === "string" ? draft.note : "", warned: null };
    // Shared only if the person is told now, on every screen of this check (see #renderView).
    this._check.shared = this.shareResult;
    this._go("questions", { focus });
    whenIdle(() => this.#warmScoring(questionnaire));
  }

  /**
   * Scores a made-up check of this questionnaire once, unseen, while the person
   * answers: their result then runs scoring code the browser has already compiled
   * (about a quarter of the time to show it at 4x). Done when a check begins, not
   * at load, so a page that only opens or imports its history is spared it.
   * Unguarded: a fault here is no reason to tell the person the core restarted
   * (the next call they make finds it). Nothing is stored.
   */
  #warmScoring(questionnaire) {
    if (this.#scoringWarm || !this._core) return;
    this.#scoringWarm = true;
    try {
      const answers = Object.fromEntries(questionnaire.items.map((item, k) => [item.id, (k * 3) % 5]));
      this._unguardedCore.assess({ form: questionnaire.form, locale: this.coreLocale, answers, context: { secondary: [] } });
    } catch {
      // only a head start
    }
  }

  /**
   * Runs an import of a made-up history once, in memory, unseen, while the file
   * dialog of an import is open (the history view calls this when its file input
   * is clicked): the browser compiles the core's code when it is first called,
   * and optimises what keeps running, which made a person's first import in a
   * page about a third slower at 4x. Only then, so a page whose history is only
   * looked at is spared it; stores nothing (the core's warmUp). Unguarded, like
   * the scoring warm-up.
   */
  _warmImport() {
    if (this.#importWarm || !this._core) return;
    this.#importWarm = true;
    whenIdle(() => {
      try {
        this._unguardedCore.HistoryStore.warmUp(this.coreLocale);
      } catch {
        // only a head start
      }
    });
  }

  /** The core without its guard, for work the person did not ask for (see core.js). */
  get _unguardedCore() {
    return this._core?.[UNGUARDED];
  }

  /** Questions per screen (for views/questions.js). */
  get _perScreen() {
    return PER_SCREEN;
  }

  _screenCount(questionnaire) {
    return Math.ceil(questionnaire.items.length / PER_SCREEN) + 1; // + the context screen
  }

  /** Saves the check in progress so a reload resumes at the same screen. */
  _saveDraft() {
    const c = this._check;
    if (!c) return;
    const context = { secondary: c.context.secondary };
    if (c.context.duration) context.duration = c.context.duration;
    if (c.context.scope) context.scope = c.context.scope;
    try {
      this._store.saveDraft({ form: c.form, screen: c.screen, answers: c.answers, context, note: c.note });
    } catch {
      // Without storage the draft lives only as long as the page; nothing to tell yet.
    }
  }

  _clearDraft() {
    try {
      this._store.clearDraft();
    } catch {
      // same as above
    }
  }

  /**
   * Scores the finished check and shows the result, then saves it once that is
   * drawn (see `#saveResult`): the person sees their result without waiting for
   * storage, and the draft, kept until the save is done, still holds every answer
   * should the page close in between.
   */
  _finish(retry = true) {
    const c = this._check;
    if (!c) return;
    // The result's code first: until it is here the questions stay, so Finish
    // pressed again (or after that code failed to load) finishes this check once.
    if (!LAZY.result.module) return this.#whenLoaded("result", () => this._check === c && this._finish(retry));
    const request = {
      form: c.form,
      locale: this.coreLocale,
      answers: c.answers,
      context: contextRequest(c.context),
      at: Date.now(),
      date: localDate(),
    };
    if (c.note.trim()) request.note = c.note.trim();
    let assessment;
    try {
      assessment = this._core.assess({ form: c.form, locale: request.locale, answers: c.answers, context: request.context });
    } catch (e) {
      // A fault in the core: finish once more on the fresh instance, so the answers are kept.
      if (e?.kind === "trap" && retry && this.#recovery) {
        this.#recovery.then(() => this._check === c && this._finish(false));
        return;
      }
      this._flash = { text: this._t("action_failed", { message: e.message }), error: true };
      this._render();
      return;
    }
    this._check = null;
    this._result = {
      result: assessment,
      explanation: assessment.explanation,
      next_steps: assessment.next_steps,
      form: c.form,
      date: request.date,
      context: request.context,
      note: request.note ?? null,
      saveError: null,
    };
    this._reminder = false;
    this.#saveResult(); // an earlier result not stored yet goes first (every step stores it, so none should be)
    // Removing `share-result` mid-check withdraws it; adding it mid-check does not count.
    const job = { request, assessment, shown: this._result, shared: c.shared && this.shareResult };
    this.#unsaved = job;
    this._go("result");
    afterPaint(() => this.#saveResult(job));
  }

  /**
   * Stores a result shown by `_finish`, once: after its frame, or at once when
   * the person moves on first (every step, export and storage switch calls this
   * first), so whatever they look at next has it. On a storage failure the store
   * keeps the entry in memory (and in exports) and the result on screen says so.
   */
  #saveResult(job = this.#unsaved, retry = true) {
    if (!job || this.#unsaved !== job) return;
    this.#unsaved = null;
    let saveError = null;
    let entry = null;
    try {
      // Its texts handed to this instance of the core (a fresh one after a fault has none yet).
      job.request.locale = coreLocale(this._core, job.request.locale);
      ({ entry } = this._store.save(job.request));
    } catch (e) {
      // A fault in the core: save once more on the fresh instance.
      if (e?.kind === "trap" && retry && this.#recovery) {
        this.#unsaved = job;
        this.#recovery.then(() => this.#saveResult(job, false));
        return;
      }
      saveError = e;
    }
    this._clearDraft();
    const { shown, assessment } = job;
    shown.saveError = saveError;
    const onScreen = this._result === shown && this._view === "result";
    if (onScreen && saveError) this._render(); // the notice that it was not saved, and the export
    else if (onScreen) this.#main?.querySelector("section.result")?.removeAttribute("data-saving");
    // Counting the saved checks reads the whole history (a long one takes a while):
    // done once the result is on screen, and added below it without a re-render.
    if (!saveError) whenIdle(() => {
      if (this._result !== shown || this._view !== "result" || !this.#remindToExport()) return;
      this._reminder = true;
      this.#main?.append(this.#reminderNode());
    });
    if (entry?.saved) whenIdle(() => this.#askPersistence()); // its answer comes later anyway
    const persistent = !saveError && this.#persistent();
    // In a task of their own: the result is drawn before the host's listeners run.
    setTimeout(() => {
      emit(this, EVENTS.complete, completeDetail(job.request.form, assessment, job.shared));
      if (saveError) emit(this, EVENTS.error, errorDetail("not-saved", saveError));
      else emit(this, EVENTS.saved, { form: job.request.form, persistent });
    }, 0);
  }

  /** Shows a saved entry's result, its texts rendered anew in the current language. */
  _showEntry(entry) {
    let texts;
    try {
      texts = this._core.describe({ result: entry.result, context: entry.context, locale: this.coreLocale });
    } catch (e) {
      this._flash = { text: this._t("action_failed", { message: e.message }), error: true };
      this._go("history");
      return;
    }
    this._result = {
      result: entry.result,
      explanation: texts.explanation,
      next_steps: texts.next_steps,
      form: entry.form,
      date: entry.date,
      context: entry.context,
      entryId: entry.id,
      note: entry.note ?? null,
      saveError: null,
    };
    this._go("result");
  }

  /** Re-renders everything in the new language, keeping answers and the screen. */
  _relocalize() {
    if (this._check) {
      this._check.questionnaire = this._core.questionnaire({ form: this._check.form, locale: this.coreLocale });
    }
    if (this._result?.result) {
      try {
        const texts = this._core.describe({ result: this._result.result, context: this._result.context ?? {}, locale: this.coreLocale });
        this._result.explanation = texts.explanation;
        this._result.next_steps = texts.next_steps;
      } catch {
        // keep the texts we have
      }
    }
    this._render();
  }

  _go(view, { focus = true } = {}) {
    // A result just shown is stored before anything else is shown.
    if (!(view === "result" && this.#unsaved?.shown === this._result)) this.#saveResult();
    if (LAZY[view] && !LAZY[view].module) return this.#whenLoaded(view, () => this._go(view, { focus }));
    this._pendingView = null;
    // A restart notice stays for one more screen, so it is seen after the step that failed.
    if (this._notice && ++this.#navs > this._notice.navs + 1) this._notice = null;
    if (view !== "result") this._reminder = false;
    this._view = view;
    this._render();
    // Focus first, then the live region: focusing lays out the new screen, and the
    // announcement after it does not make the browser lay it out a second time.
    if (focus) {
      if (view === "questions" && this._check.screen < this._screenCount(this._check.questionnaire) - 1) {
        LAZY.questions.module.focusFirstOpen(this.#main);
      } else {
        this.#main?.querySelector("h2")?.focus();
      }
    }
    this.#announce();
  }

  /**
   * Runs `then` as soon as the code of `view` and the core are here; a newer step
   * wins if the person moves on first. Meanwhile the start screen says it is loading.
   */
  #whenLoaded(view, then) {
    this._pendingView = view;
    this.#showWaiting(true);
    const core = this._core ? null : (this.#booting ?? Promise.resolve()).then(() => {
      if (!this._core) throw new Error(this._failure ?? this._t("loading")); // the failure is on screen
    });
    Promise.all([LAZY[view].load(), core]).then(() => {
      this.#showWaiting(false);
      if (this._pendingView === view) then();
    }, (e) => {
      this.#showWaiting(false);
      if (this._pendingView !== view || this._view === "failed") return;
      this._notice = { text: this._t("action_failed", { message: e?.message ?? String(e) }), navs: this.#navs };
      this._render();
    });
  }

  /** "Loading…" beside the start screen's button while Start waits for code (status, so it is heard once). */
  #showWaiting(on) {
    const actions = this.#main?.querySelector("section.start .actions");
    if (!actions) return;
    actions.querySelector(".waiting")?.remove();
    if (on) actions.append(h("p", { class: "muted waiting", role: "status" }, this._t("loading")));
  }

  /** Says where the person now is: the page of the questionnaire, or the result. Silent elsewhere. */
  #announce() {
    let text = "";
    if (this._view === "questions" && this._check) {
      const { questionnaire: q, answers, screen } = this._check;
      text = this._t("announce_page", {
        n: screen + 1, total: this._screenCount(q), answered: q.items.filter((i) => i.id in answers).length, count: q.items.length,
      });
    } else if (this._view === "result" && this._result?.result) {
      text = this._t("announce_result", { profile: this._t(`profile_${this._result.result.profile}`) });
    }
    this.#live.textContent = text;
  }

  /**
   * Rebuilds the shadow tree for the current view. The frame around it is kept
   * while nothing it shows has changed: the dialogs while the language and the
   * crisis list are the same, the header also while the navigation is, so mostly
   * only the view is built and laid out anew.
   */
  _render() {
    const locale = this.locale;
    const hadFocus = this.#root.activeElement !== null;
    const previous = this.#app;
    const { frameKey, headerKey } = this.#keys();
    const keepFrame = previous?.parentNode === this.#root && this.#live.parentNode === this.#root && this.#frameKey === frameKey;
    const keepHeader = keepFrame && this.#headerKey === headerKey;
    this.#frameKey = frameKey;
    this.#headerKey = headerKey;
    if (!keepFrame) {
      this.#crisisDialog = this.#buildCrisisDialog();
      this.#confirmDialog = h("dialog", { class: "confirm", part: "confirm-dialog" });
    }
    let view;
    try {
      view = this.#renderView();
    } catch (e) {
      // A view that could not be built (its core call failed) shows why instead.
      view = h("p", { class: "error", role: "alert" }, this._t("action_failed", { message: e.message }));
    }
    const main = h("main", { part: "main" },
      this._notice ? h("p", { class: "notice core-restarted", role: "alert" }, this._notice.text) : null,
      view,
      this._view === "result" && this._reminder ? this.#reminderNode() : null);
    if (keepFrame) {
      if (!keepHeader) previous.querySelector(":scope > header").replaceWith(this.#renderHeader());
      this.#main.replaceWith(main);
      this.#main = main;
    } else {
      this.#main = main;
      this.#app = h("div", { class: "app", part: "app", lang: locale },
        this.#renderHeader(),
        this.#main,
        this.#crisisDialog,
        this.#confirmDialog,
      );
      this.#roomWatch ??= new ResizeObserver((entries) => { this.#room = entries.at(-1).contentRect.width; });
      this.#roomWatch.disconnect();
      this.#roomWatch.observe(this.#app);
      // The live region stays in place across renders, or screen readers would not hear it change.
      if (previous?.parentNode === this.#root && this.#live.parentNode === this.#root) previous.replaceWith(this.#app);
      else this.#root.replaceChildren(this.#app, this.#live);
    }
    // Focus is never dropped on the page: whatever had it is gone, so the view's heading takes it.
    if (hadFocus && !this.#root.activeElement) this.#main?.querySelector("h2")?.focus();
  }

  /**
   * The width a chart is drawn at: the room the views had at the last layout (the
   * content box of `.app`, which `main` fills), at most `max`. A drawing that wide
   * is one unit per CSS pixel, so its text keeps its size on a phone instead of
   * shrinking with the chart; `max` before the first layout.
   */
  _chartWidth(max) {
    return this.#room ? Math.round(Math.min(max, Math.max(240, this.#room))) : max;
  }

  /** What the frame (dialogs) and the header on screen depend on (see `_render`). */
  #keys() {
    const frameKey = `${this.locale}|${this.getAttribute("crisis-resources")}`;
    return { frameKey, headerKey: `${frameKey}|${!!this._core}|${this._view === "history"}` };
  }

  #reminderNode() {
    return h("p", { class: "notice export-reminder" }, this._t("export_reminder"), " ",
      h("button", { type: "button", class: "small", onclick: () => this._exportJson() }, this._t("export_json")));
  }

  #renderView() {
    switch (this._view) {
      case "loading":
        return h("p", { role: "status" }, this._t("loading"));
      case "failed":
        return h("p", { class: "error", role: "alert" },
          this._failureCode === "wasm-blocked" ? this._t("load_blocked")
            : this._failureCode === "unsupported" ? this._t("load_unsupported")
            : this._t("load_failed", { message: this._failure }));
      case "start": {
        const section = renderStart(this);
        // Under share-result the privacy promise says who will see the result.
        if (this.shareResult) {
          section.querySelector(".privacy")?.replaceWith(
            h("p", { class: "notice privacy share-notice", part: "share-notice" }, this._t("share_notice", { site: this.#recipientName() })));
        }
        return section;
      }
      case "questions":
        return [
          this._check?.shared
            ? h("p", { class: "notice share-notice", part: "share-notice" }, this._t("share_notice_short", { site: this.#recipientName() }))
            : null,
          LAZY.questions.module.renderQuestions(this),
        ];
      case "result": {
        const section = LAZY.result.module.renderResult(this);
        // Until `#saveResult` has stored it (tests wait for this to go).
        if (this.#unsaved?.shown === this._result) section.setAttribute("data-saving", "");
        return section;
      }
      case "history":
        return LAZY.history.module.renderHistory(this);
      default:
        return null;
    }
  }

  #recipientName() {
    return this.recipient || location.host || this._t("share_this_site");
  }

  #renderHeader() {
    const ready = !!this._core;
    const navButton = (view, key, onclick) =>
      h("button", { type: "button", "aria-current": (this._view === "history" ? "history" : "check") === view ? "page" : null, disabled: !ready, onclick }, this._t(key));
    return h("header", { part: "header" },
      h("span", { class: "brand" }, this._t("app_title")),
      h("nav", { "aria-label": this._t("app_title") },
        navButton("check", "nav_check", () => (this._check ? this._go("questions") : this._go("start"))),
        navButton("history", "nav_history", () => this._go("history")),
      ),
      h("div", { class: "tools" },
        h("label", {},
          h("span", { class: "visually-hidden" }, this._t("language")),
          h("select", { class: "language", value: this.locale, onchange: (e) => this.#switchLanguage(e.target.value) },
            LOCALES.map((l) => h("option", { value: l, lang: l }, LANGUAGE_NAMES[l]))),
        ),
        h("button", { type: "button", class: "crisis", part: "crisis-button", "aria-haspopup": "dialog", onclick: () => this.#crisisDialog.showModal() }, this._t("crisis_open")),
      ),
    );
  }

  async #switchLanguage(locale) {
    const keepFocus = () => this.#root.querySelector("select.language")?.focus(); // keep the person where they were
    keepFocus();
    if (this._store) rememberLanguage(this._store, this.namespace, pickLocale(locale));
    else this.#pickedEarly = pickLocale(locale); // remembered once the store is open (see #boot)
    await loadLocale(locale).catch(() => {}); // its texts first (one small fetch, or the worker's cache)
    this.setAttribute("lang", locale); // re-renders synchronously
    keepFocus();
  }

  /**
   * The offline crisis list; a host page can replace it with the
   * `crisis-resources` attribute (JSON) or, taking precedence, `slot="crisis-resources"`.
   */
  _crisisContent({ inDialog = true } = {}) {
    const fromAttribute = this.#hostCrisisList();
    const builtIn = fromAttribute ? renderCrisisResources(fromAttribute) : [
      h("p", {}, this._t("crisis_lines_intro")),
      h("ul", { class: "lines" }, this._t("crisis_lines").map((line) => h("li", {}, line))),
      h("p", {}, this._t("crisis_gp")),
    ];
    // Slotted content can appear in one place only: the dialog. Elsewhere a
    // host's own list is one click away, and ours is shown in full.
    const hostList = this.querySelector(':scope > [slot="crisis-resources"]');
    let list = builtIn;
    if (inDialog) list = h("slot", { name: "crisis-resources" }, builtIn);
    else if (hostList) list = h("button", { type: "button", class: "crisis", onclick: () => this.#crisisDialog.showModal() }, this._t("crisis_open"));
    return h("div", { class: "crisis-content" }, h("p", { class: "danger" }, h("strong", {}, this._t("crisis_danger"))), list);
  }

  /** The parsed `crisis-resources` attribute, or null (absent or invalid: the built-in list stays). */
  #hostCrisisList() {
    const text = this.getAttribute("crisis-resources");
    if (text === this.#crisisCache.text) return this.#crisisCache.spec;
    let spec = null;
    if (text !== null) {
      try {
        spec = parseCrisisResources(text);
      } catch (e) {
        // Reported once per value; a person in need still gets our list.
        queueMicrotask(() => emit(this, EVENTS.error, errorDetail("bad-attribute", e)));
      }
    }
    this.#crisisCache = { text, spec };
    return spec;
  }

  #buildCrisisDialog() {
    const dialog = h("dialog", { class: "crisis-dialog", part: "crisis-dialog", "aria-labelledby": "bc-crisis-title" },
      h("h2", { id: "bc-crisis-title" }, this._t("crisis_title")),
      this._crisisContent(),
      h("form", { method: "dialog", class: "actions" }, h("button", { class: "primary" }, this._t("close"))),
    );
    return dialog;
  }

  /** Asks a yes/no question in a native dialog; resolves true on confirm. */
  _confirm(message, confirmLabel) {
    const dialog = this.#confirmDialog;
    dialog.replaceChildren(
      h("p", {}, message),
      h("form", { method: "dialog", class: "actions" },
        h("button", { value: "cancel", autofocus: true }, this._t("cancel")),
        h("button", { value: "confirm", class: "danger" }, confirmLabel)),
    );
    dialog.returnValue = "";
    return new Promise((resolve) => {
      dialog.addEventListener("close", () => resolve(dialog.returnValue === "confirm"), { once: true });
      dialog.showModal();
    });
  }

  /** Offers the whole history (including entries kept only in memory) as a JSON file. */
  _exportJson() {
    this.#saveResult();
    download(`burnout-check-${localDate()}.json`, this._store.exportJson(), "application/json");
  }

  /** Every fifth saved check, a gentle nudge to keep a copy outside this browser. */
  #remindToExport() {
    try {
      const saved = this._store.overview().entries.saved.filter(Boolean).length;
      return saved > 0 && saved % 5 === 0;
    } catch {
      return false;
    }
  }

  /**
   * Asks the browser once per page to keep this origin's storage through clean-ups
   * (Safari removes script storage after 7 days without a visit, others when space
   * runs low). Every outcome is recorded for the history view; nothing is thrown.
   */
  async #askPersistence() {
    if (this._persistence || askedPersistence) return;
    askedPersistence = true;
    let outcome;
    try {
      if (typeof navigator.storage?.persist !== "function") outcome = "unsupported";
      else outcome = (await navigator.storage.persist()) ? "granted" : "denied";
    } catch {
      outcome = "failed";
    }
    this._persistence = outcome;
    if (this._view === "history") this._go("history", { focus: false });
  }

  /** The core failed inside (a trap): tell the person and carry on with a fresh instance. */
  #onFault = () => {
    if (this.#recovery) return;
    const old = this._store;
    this._notice = { text: this._t("core_restarting"), navs: this.#navs };
    this.#recovery = (async () => {
      await null; // from here on `#recovery` is set, so a fault in the old store below is not a second restart
      let carried = null;
      try {
        carried = old?.exportJson(); // results kept only in memory, if the old instance still answers
      } catch {
        carried = null;
      }
      try {
        this._core = guard(await freshCore(this.constructor.wasmUrl), this.#onFault);
        this._store = new this._core.HistoryStore(this.namespace);
        if (carried) {
          try {
            this._store.importJson(carried);
          } catch {
            // already stored, or storage refuses: what the new store read is what there is
          }
        }
        this._notice = { text: this._t("core_restarted"), navs: this.#navs };
      } catch (e) {
        this._view = "failed";
        this._failure = e?.message ?? String(e);
      }
      try {
        old?.free();
      } catch {
        // the old instance may be beyond freeing
      }
      this.#recovery = null;
      this._render();
    })();
  };

  #onStorage = (event) => {
    // Another tab changed our namespace (or cleared storage): re-read and show it.
    if (!this._store || (event.key !== null && !event.key.startsWith(`${this.namespace}:`))) return;
    this._store.refresh();
    if (this._view === "history") this._go("history", { focus: false });
  };
}

/** A module loaded once, on first use: `load()` resolves to it, `module` holds it once here. */
function lazy(importer) {
  const entry = { module: null, promise: null };
  entry.load = () => {
    entry.promise ??= Promise.all([importer(), loadCoreTexts("en")]).then(([m]) => (entry.module = m));
    entry.promise.catch(() => (entry.promise = null)); // a failed fetch may be retried later
    return entry.promise;
  };
  return entry;
}

/**
 * Runs `fn` once the current screen has been drawn: in the task after the next
 * frame, or after 100 ms where no frame comes (a hidden tab draws none).
 */
function afterPaint(fn) {
  let done = false;
  const run = () => {
    if (!done) (done = true), fn();
  };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 100);
}

/** The context part of a request: only what was answered. */
function contextRequest(context) {
  const out = { secondary: [...context.secondary] };
  if (context.duration) out.duration = context.duration;
  if (context.scope) out.scope = context.scope;
  return out;
}
