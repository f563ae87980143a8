//! Explanations and next steps for each profile and flag, in every locale,
//! following the thesis: rest for overload, a change in structure for mismatch.
//! Every string is a `Text` (`crate::text`), so a missing translation does not compile. German
//! uses "du", Spanish "tú". Nothing here ever tells anyone to toughen up.

use crate::model::{Construct, Flag, Form, Locale, Profile, RestState, Scope, Secondary};
use crate::text::{t, Text};
use crate::scoring::{Context, Outcome};
use crate::thresholds;

/// Shown with every result by the UI; not repeated inside the explanation.
pub const DISCLAIMER: Text = t([
    "This is a self-reflection aid built from original questions, not a validated instrument and not a diagnosis. The score ranges are provisional.",
    "Dies ist eine Hilfe zur Selbstreflexion mit eigens formulierten Fragen, kein validiertes Messinstrument und keine Diagnose. Die Wertebereiche sind vorläufig.",
    "Esta es una ayuda para la autorreflexión con preguntas propias, no un instrumento validado ni un diagnóstico. Los rangos de puntuación son provisionales.",
]);

/// A short localized name for a construct, lower-case where the language allows,
/// so it reads inside a sentence ("The areas that stand out: recognition and ...").
pub fn area_name(c: Construct, locale: Locale) -> &'static str {
    area_text(c).get(locale)
}

fn area_text(c: Construct) -> Text {
    use Construct::*;
    match c {
        UnrelievedFatigue => const { t(["fatigue that rest does not clear", "Müdigkeit, die Erholung nicht vertreibt", "cansancio que no se va al descansar"]) },
        LostCuriosity => const { t(["lost curiosity", "verlorene Neugier", "pérdida de curiosidad"]) },
        LowTolerance => const { t(["low tolerance for small demands", "wenig Geduld für Kleinigkeiten", "poca tolerancia a lo pequeño"]) },
        EmotionalFlattening => const { t(["emotional flatness", "innere Leere", "emociones apagadas"]) },
        RestartDifficulty => const { t(["trouble restarting tasks", "Mühe, wieder anzufangen", "dificultad para retomar tareas"]) },
        StressActivation => const { t(["not being able to switch off", "nicht abschalten können", "no poder desconectar"]) },
        RewardBlunting => const { t(["wins that no longer feel good", "Erfolge, die sich nicht mehr gut anfühlen", "logros que ya no satisfacen"]) },
        NarrowedAttention => const { t(["narrowed attention", "eingeengte Aufmerksamkeit", "atención reducida"]) },
        SlowRecovery => const { t(["slow recovery", "langsame Erholung", "recuperación lenta"]) },
        DemandVolume => const { t(["amount of work", "Arbeitsmenge", "cantidad de trabajo"]) },
        DemandPeak => const { t(["a passing peak", "eine vorübergehende Spitze", "un pico pasajero"]) },
        RestRelief => const { t(["relief from rest", "Entlastung durch Erholung", "alivio al descansar"]) },
        IntrinsicCost => const { t(["the cost of the work itself", "der Kraftaufwand der Arbeit selbst", "el coste del propio trabajo"]) },
        InnerResistance => const { t(["inner resistance", "innerer Widerstand", "resistencia interna"]) },
        RestRelapse => const { t(["the drain returning after time off", "Erschöpfung, die nach freien Tagen zurückkehrt", "el desgaste que vuelve tras descansar"]) },
        Control => const { t(["say over your work", "Mitbestimmung", "el margen de decisión"]) },
        Reward => const { t(["recognition", "Anerkennung", "el reconocimiento"]) },
        Community => const { t(["the people you work with", "das Miteinander", "las relaciones en el trabajo"]) },
        Fairness => const { t(["fair treatment", "Gerechtigkeit", "el trato justo"]) },
        Values => const { t(["fit with your values", "Übereinstimmung mit deinen Werten", "la coherencia con tus valores"]) },
        SustainedPerformance => const { t(["still delivering", "weiterhin Leistung bringen", "seguir rindiendo"]) },
        InvisibleStrain => const { t(["strain nobody sees", "unsichtbare Belastung", "un desgaste que nadie ve"]) },
        PushingThrough => const { t(["pushing through warning signs", "über Warnzeichen hinweggehen", "ignorar las señales de alarma"]) },
    }
}

/// "a", "a and b", "a, b and c" in the locale.
/// `template` with each `{}` replaced by `value`, as `str::replace` would; a
/// byte scan because a `&str` pattern brings the std substring searcher (about
/// 4 KB of wasm) for these two calls.
fn fill(template: &str, value: &str) -> String {
    let mut out = String::with_capacity(template.len() + value.len());
    let mut rest = template;
    while let Some(i) = rest.as_bytes().windows(2).position(|w| w == b"{}") {
        // `{` is ASCII, so i and i + 2 fall on character boundaries.
        out.push_str(rest.get(..i).unwrap_or_default());
        out.push_str(value);
        rest = rest.get(i + 2..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

const AND: Text = t([" and ", " und ", " y "]);

fn join(names: &[&str], l: Locale) -> String {
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => crate::cat::cat(&[&crate::json::join(rest, ", "), AND.get(l), last]),
    }
}

// ---- explanation paragraphs ----

const INCOMPLETE: Text = t([
    "There are too few answers to say where this comes from. The more questions you answer, the clearer the picture.",
    "Es gibt zu wenige Antworten, um zu sagen, woher das kommt. Je mehr Fragen du beantwortest, desto klarer wird das Bild.",
    "Hay muy pocas respuestas para saber de dónde viene esto. Cuantas más preguntas respondas, más clara será la imagen.",
]);
const EARLY_MISMATCH: Text = t([
    "Your strain is still low, but your answers show a real mismatch with your work. This is how burnout usually starts: slowly and quietly, long before it shows. Now is a good time to look at what does not fit, while you still have the energy to change it.",
    "Deine Erschöpfung ist noch gering, aber deine Antworten zeigen, dass etwas an deiner Arbeit nicht zu dir passt. So beginnt Burnout meistens: langsam und leise, lange bevor man es merkt. Jetzt ist ein guter Zeitpunkt hinzuschauen, solange du noch die Kraft hast, etwas zu ändern.",
    "Tu desgaste todavía es bajo, pero tus respuestas muestran un desajuste real con tu trabajo. Así suele empezar el burnout: despacio y en silencio, mucho antes de que se note. Ahora es buen momento para mirar qué no encaja, mientras aún tienes energía para cambiarlo.",
]);
const STEADY: Text = t([
    "Your strain is low, and nothing here points to overload or mismatch. Whatever keeps it this way is worth protecting.",
    "Deine Erschöpfung ist gering, und nichts hier deutet auf Überlastung oder Fehlpassung hin. Was dich gerade so gut trägt, ist es wert, geschützt zu werden.",
    "Tu desgaste es bajo y nada aquí apunta a sobrecarga ni a desajuste. Lo que te mantiene así merece la pena cuidarlo.",
]);
const MISMATCH: Text = t([
    "Your answers point to mismatch more than to too much work: the work itself costs you more than it gives back. Rest will help for a while, but the drain is likely to return soon after you are back, because its source is still there. What helps here is a change in structure, not more recovery.",
    "Deine Antworten deuten eher auf eine Fehlpassung als auf zu viel Arbeit hin: Die Arbeit selbst kostet dich mehr, als sie dir gibt. Erholung hilft eine Weile, aber die Erschöpfung kommt wahrscheinlich bald zurück, weil ihre Quelle noch da ist. Hier hilft eine Veränderung der Strukturen, nicht mehr Erholung.",
    "Tus respuestas apuntan más a un desajuste que a un exceso de trabajo: el propio trabajo te cuesta más de lo que te da. Descansar ayudará un tiempo, pero es probable que el desgaste vuelva poco después de regresar, porque su origen sigue ahí. Lo que ayuda aquí es un cambio en la estructura, no más recuperación.",
]);
const MIXED: Text = t([
    "You seem to carry both at once: too much work, and work that does not fit. Rest buys you time and is worth taking, but on its own it will not last; the structure has to change too.",
    "Du scheinst beides gleichzeitig zu tragen: zu viel Arbeit und Arbeit, die nicht zu dir passt. Erholung verschafft dir Zeit und lohnt sich, hält allein aber nicht an; auch die Strukturen müssen sich ändern.",
    "Parece que cargas con las dos cosas a la vez: demasiado trabajo y un trabajo que no encaja contigo. El descanso te da tiempo y merece la pena, pero por sí solo no durará; también tiene que cambiar la estructura.",
]);
const OVERLOAD: Text = t([
    "Your answers point to overload: too much for the time you have, while the work itself still fits you. Overload responds to rest. A real break and a temporary cut in what you take on should help, as long as the load does not stay this high.",
    "Deine Antworten deuten auf Überlastung hin: zu viel für die verfügbare Zeit, während die Arbeit selbst noch zu dir passt. Überlastung spricht auf Erholung an. Eine echte Pause und eine vorübergehende Entlastung sollten helfen, solange die Last nicht dauerhaft so hoch bleibt.",
    "Tus respuestas apuntan a sobrecarga: demasiado para el tiempo que tienes, mientras que el trabajo en sí todavía encaja contigo. La sobrecarga responde al descanso. Una pausa de verdad y reducir por un tiempo lo que asumes deberían ayudar, siempre que la carga no siga así de alta.",
]);
const UNCLEAR: Text = t([
    "Your strain is raised, but neither too much work nor a mismatch with your work stands out clearly. It is worth asking what else might be draining you right now.",
    "Deine Erschöpfung ist erhöht, aber weder zu viel Arbeit noch eine Fehlpassung sticht klar heraus. Es lohnt sich zu fragen, was dich gerade sonst noch Kraft kostet.",
    "Tu desgaste está alto, pero ni el exceso de trabajo ni un desajuste con tu trabajo destacan con claridad. Vale la pena preguntarte qué más te está quitando energía ahora.",
]);
/// Only when `secondary` or scope `life` point beyond work.
const UNCLEAR_BEYOND: Text = t([
    "What goes on outside work, your health included, may be a large part of it.",
    "Was außerhalb der Arbeit los ist, auch deine Gesundheit, könnte einen großen Teil davon ausmachen.",
    "Lo que pasa fuera del trabajo, incluida tu salud, puede ser una parte importante.",
]);
const AREAS_STAND_OUT: Text = t([
    "The areas that stand out: {}.",
    "Besonders auffällig: {}.",
    "Las áreas que más destacan: {}.",
]);
const LIFE: Text = t([
    "You said this is about life in general, not mainly work. Burnout is a work concept; losing interest and feeling flat can also be signs of depression, which is common and treatable, so a doctor is a good first step.",
    "Du hast gesagt, dass es um dein Leben insgesamt geht, nicht vor allem um die Arbeit. Burnout ist ein Begriff aus der Arbeitswelt; Interessenverlust und innere Leere können auch Anzeichen einer Depression sein, die häufig und gut behandelbar ist. Ein Arzt oder eine Ärztin ist deshalb ein guter erster Schritt.",
    "Dijiste que se trata de tu vida en general, no sobre todo del trabajo. El burnout es un concepto laboral; perder el interés y sentir las emociones apagadas también pueden ser señales de depresión, que es frecuente y tiene tratamiento, así que un médico es un buen primer paso.",
]);

// ---- flags ----

const SEEK_SUPPORT: Text = t([
    "Your answers suggest it is time to get support rather than carry this alone.",
    "Deine Antworten sprechen dafür, dir jetzt Unterstützung zu holen, statt das allein zu tragen.",
    "Tus respuestas indican que es momento de buscar apoyo en lugar de cargar con esto en solitario.",
]);
const MASKING: Text = t([
    "You may be compensating well: still delivering while it costs you more and more. People who can do that look fine for longer, and pay more when it finally gives way. Being reliable is not the same as being all right.",
    "Vielleicht gleichst du gerade vieles aus: Du lieferst weiter, obwohl es dich immer mehr kostet. Wer das kann, wirkt länger unauffällig und zahlt einen höheren Preis, wenn es irgendwann nicht mehr geht. Zuverlässig sein heißt nicht, dass es dir gut geht.",
    "Puede que estés compensando bien: sigues rindiendo aunque cada vez te cuesta más. Quien puede hacerlo parece estar bien durante más tiempo y paga más cuando por fin ya no puede. Ser de fiar no es lo mismo que estar bien.",
]);
const STRUCTURAL_LOAD: Text = t([
    "Heavy load is the normal state of your work, not a passing peak. That makes it a structure to change, not something a break will fix.",
    "Viel Arbeit ist bei dir der Normalzustand, keine vorübergehende Spitze. Damit ist sie eine Struktur, die sich ändern muss, nicht etwas, das eine Pause behebt.",
    "La carga alta es lo normal en tu trabajo, no un pico pasajero. Eso la convierte en una estructura que hay que cambiar, no en algo que se arregle con una pausa.",
]);
const CHRONIC: Text = t([
    "It has felt like this for many months. The longer it lasts, the less likely it is to pass by itself.",
    "Es fühlt sich schon seit vielen Monaten so an. Je länger das dauert, desto unwahrscheinlicher ist es, dass es von allein vorbeigeht.",
    "Llevas muchos meses así. Cuanto más dura, menos probable es que pase por sí solo.",
]);
const SECONDARY: Text = t([
    "You mentioned {}. That takes energy too and deserves care in its own right; it is not a failing, and it does not rule out that work plays a part.",
    "Du hast {} genannt. Auch das kostet Kraft und verdient eigene Aufmerksamkeit; es ist kein Versagen und schließt nicht aus, dass die Arbeit eine Rolle spielt.",
    "Mencionaste {}. Eso también cuesta energía y merece atención por sí mismo; no es un fallo tuyo y no descarta que el trabajo influya.",
]);
fn secondary_name(s: Secondary) -> Text {
    match s {
        Secondary::Health => const { t(["your health", "deine Gesundheit", "tu salud"]) },
        Secondary::Care => const { t(["caring for someone", "die Sorge für einen anderen Menschen", "el cuidado de alguien"]) },
        Secondary::Money => const { t(["money worries", "Geldsorgen", "las preocupaciones económicas"]) },
        Secondary::LifeEvent => const { t(["a big life event", "ein großes Lebensereignis", "un gran acontecimiento vital"]) },
    }
}
const QUICK: Text = t([
    "This was the quick check: it does not ask about compensation, so masking was not checked. The full form can show whether you are holding things together at a high cost.",
    "Das war der Kurzcheck: Er fragt nicht nach Kompensation, daher wurde nicht geprüft, ob du Erschöpfung überspielst. Die ausführliche Fassung kann zeigen, ob du die Dinge mit hohem Einsatz zusammenhältst.",
    "Esta fue la versión rápida: no pregunta por la compensación, así que no se comprobó si estás disimulando el desgaste. El cuestionario completo puede mostrar si lo sostienes todo a un coste alto.",
]);

// ---- next steps ----

const STEP_SUPPORT: Text = t([
    "Talk to a doctor or a mental-health professional soon; these results can help you start. If you ever feel unsafe, call your local emergency number.",
    "Sprich bald mit einem Arzt, einer Ärztin oder einer psychotherapeutischen Fachperson; diese Ergebnisse können dir den Einstieg erleichtern. Wenn du dich jemals in Gefahr fühlst, ruf den örtlichen Notruf an.",
    "Habla pronto con un médico o con un profesional de la salud mental; estos resultados pueden ayudarte a empezar. Si en algún momento no te sientes a salvo, llama al número de emergencias de tu zona.",
]);
const STEP_LIFE_DOCTOR: Text = t([
    "See a doctor first, to look at your health as a whole, including whether this could be depression.",
    "Geh zuerst zu einem Arzt oder einer Ärztin, um deine Gesundheit als Ganzes anzuschauen, auch ob eine Depression dahinterstecken könnte.",
    "Ve primero a un médico para revisar tu salud en conjunto, también si podría tratarse de depresión.",
]);
const STEP_ANSWER_MORE: Text = t([
    "Answer the questions you skipped; where you are unsure, your best guess is enough.",
    "Beantworte die Fragen, die du übersprungen hast; wo du unsicher bist, reicht deine beste Schätzung.",
    "Responde las preguntas que saltaste; si dudas, basta con tu mejor estimación.",
]);
const STEP_QUIET_MOMENT: Text = t([
    "Come back to it when you have a quiet moment; it takes a few minutes.",
    "Komm darauf zurück, wenn du einen ruhigen Moment hast; es dauert nur ein paar Minuten.",
    "Vuelve a ello cuando tengas un momento tranquilo; lleva pocos minutos.",
]);
const STEP_REPEAT: Text = t([
    "Repeat the check every week or two; several readings say more than one.",
    "Wiederhole den Check alle ein bis zwei Wochen; mehrere Messungen sagen mehr als eine.",
    "Repite el cuestionario cada una o dos semanas; varias mediciones dicen más que una.",
]);
const STEP_LOG: Text = t([
    "Log breaks and changes at work in your history, so later checks can show what they did.",
    "Trag Pausen und Veränderungen bei der Arbeit in deinen Verlauf ein, damit spätere Checks zeigen, was sie bewirkt haben.",
    "Anota en tu historial los descansos y los cambios en el trabajo, para que los próximos cuestionarios muestren su efecto.",
]);
const STEP_PROTECT: Text = t([
    "Notice what keeps you well right now, and protect it when things get busy.",
    "Achte darauf, was dir gerade guttut, und schütze es, wenn es hektisch wird.",
    "Fíjate en lo que ahora te sienta bien y protégelo cuando haya más trabajo.",
]);
const STEP_NAME: Text = t([
    "Write down, as concretely as you can, what does not fit: which tasks, which conditions, which people.",
    "Schreib so konkret wie möglich auf, was nicht passt: welche Aufgaben, welche Bedingungen, welche Menschen.",
    "Escribe, lo más concreto posible, qué no encaja: qué tareas, qué condiciones, qué personas.",
]);
const STEP_ONE_THING: Text = t([
    "Pick one thing you could change or raise with someone in the next few weeks.",
    "Such dir eine Sache aus, die du in den nächsten Wochen ändern oder ansprechen kannst.",
    "Elige una cosa que puedas cambiar o plantear a alguien en las próximas semanas.",
]);
const STEP_TALK: Text = t([
    "Talk to someone who can change things (your manager, HR, a staff representative) about a concrete change, not about coping better.",
    "Sprich mit jemandem, der etwas ändern kann (Führungskraft, Personalabteilung, Betriebsrat), über eine konkrete Veränderung, nicht darüber, wie du besser klarkommst.",
    "Habla con quien pueda cambiar las cosas (tu responsable, recursos humanos, la representación del personal) sobre un cambio concreto, no sobre cómo aguantar mejor.",
]);
const STEP_CONSIDER_MOVE: Text = t([
    "If nothing can change where you are, it is reasonable to consider a different role, team or job.",
    "Wenn sich dort nichts ändern lässt, ist es vernünftig, über eine andere Rolle, ein anderes Team oder eine andere Stelle nachzudenken.",
    "Si donde estás no puede cambiar nada, es razonable plantearte otro puesto, otro equipo u otro trabajo.",
]);
const STEP_REST: Text = t([
    "Take real rest soon, and cut back for a while: say no, postpone, hand over what you can.",
    "Gönn dir bald echte Erholung und fahr eine Zeit lang zurück: absagen, verschieben, abgeben, was geht.",
    "Descansa de verdad pronto y reduce durante un tiempo: di que no, aplaza y delega lo que puedas.",
]);
const STEP_AGREE_CUT: Text = t([
    "Agree on what can wait or be dropped, so the relief lasts longer than a week.",
    "Kläre, was warten oder wegfallen kann, damit die Entlastung länger als eine Woche hält.",
    "Acuerda qué puede esperar o eliminarse, para que el alivio dure más de una semana.",
]);
const STEP_TEST_REST: Text = t([
    "Log your rest and do quick checks before it, right after it and a few weeks later: if the relief holds, it was overload.",
    "Trag deine Erholungszeit ein und mach Kurzchecks davor, direkt danach und einige Wochen später: Hält die Erleichterung, war es Überlastung.",
    "Registra tu descanso y haz la versión rápida antes, justo después y unas semanas más tarde: si el alivio se mantiene, era sobrecarga.",
]);
const STEP_WHAT_ELSE: Text = t([
    "Think about what else has changed or weighs on you lately.",
    "Überleg, was sich in letzter Zeit sonst verändert hat oder dich belastet.",
    "Piensa en qué más ha cambiado últimamente o qué te pesa.",
]);
const STEP_DOCTOR_IF_STAYS: Text = t([
    "If it stays this way for a few weeks, talk to a doctor to rule out other causes.",
    "Wenn es ein paar Wochen so bleibt, sprich mit einem Arzt oder einer Ärztin, um andere Ursachen auszuschließen.",
    "Si sigue así unas semanas, habla con un médico para descartar otras causas.",
]);
const STEP_STRUCTURAL: Text = t([
    "Treat the workload as something to renegotiate, not to push through: what would have to change for a normal week to fit the time?",
    "Behandle die Arbeitsmenge als etwas, das neu verhandelt werden muss, nicht als etwas zum Durchhalten: Was müsste sich ändern, damit eine normale Woche in die Zeit passt?",
    "Trata la carga de trabajo como algo que hay que renegociar, no que aguantar: ¿qué tendría que cambiar para que una semana normal quepa en el tiempo?",
]);
const STEP_MASKING: Text = t([
    "Tell one person you trust how things really are; being seen is part of the way out.",
    "Erzähl einem Menschen, dem du vertraust, wie es dir wirklich geht; gesehen zu werden ist Teil des Auswegs.",
    "Cuéntale a alguien de confianza cómo estás de verdad; que te vean es parte de la salida.",
]);
const STEP_SECONDARY: Text = t([
    "Take what you mentioned beyond work seriously: it may need its own help, such as a doctor, support with caring, or advice on money.",
    "Nimm ernst, was du außerhalb der Arbeit genannt hast: Es kann eigene Hilfe brauchen, etwa ärztliche Hilfe, Unterstützung bei der Pflege oder eine Schuldner- und Budgetberatung.",
    "Toma en serio lo que mencionaste fuera del trabajo: puede necesitar su propia ayuda, como un médico, apoyo con los cuidados o asesoramiento económico.",
]);
const STEP_FULL_FORM: Text = t([
    "Take the full form when you have about six minutes: it also checks for masking and for wear.",
    "Mach die ausführliche Fassung, wenn du etwa sechs Minuten hast: Sie prüft auch, ob du Erschöpfung überspielst und wie viel Verschleiß sich zeigt.",
    "Haz el cuestionario completo cuando tengas unos seis minutos: también comprueba si estás disimulando el desgaste y cuánto se ha acumulado.",
]);

/// The most next steps a result lists; the profile's own steps give way first.
const MAX_STEPS: usize = 6;

fn profile_steps(p: Profile) -> &'static [&'static Text] {
    match p {
        Profile::Incomplete => &[&STEP_ANSWER_MORE, &STEP_QUIET_MOMENT, &STEP_REPEAT],
        Profile::EarlyMismatch => &[&STEP_NAME, &STEP_ONE_THING, &STEP_REPEAT],
        Profile::Steady => &[&STEP_PROTECT, &STEP_REPEAT, &STEP_LOG],
        Profile::Mismatch => &[&STEP_NAME, &STEP_TALK, &STEP_CONSIDER_MOVE, &STEP_LOG],
        Profile::Mixed => &[&STEP_REST, &STEP_NAME, &STEP_TALK, &STEP_LOG],
        Profile::Overload => &[&STEP_REST, &STEP_AGREE_CUT, &STEP_TEST_REST],
        Profile::UnclearSource => &[&STEP_WHAT_ELSE, &STEP_DOCTOR_IF_STAYS, &STEP_REPEAT],
    }
}

/// The explanation paragraph and the ordered next steps for an outcome.
pub fn explain(outcome: &Outcome, context: &Context, locale: Locale) -> (String, Vec<String>) {
    let l = locale;
    let has = |f: Flag| outcome.flags.contains(&f);
    let life = context.scope == Some(Scope::Life);
    let mut text: Vec<String> = Vec::new();
    let mut say = |t: &Text| text.push(t.get(l).to_string());

    if has(Flag::SeekSupport) {
        say(&SEEK_SUPPORT);
    }
    say(match outcome.profile {
        Profile::Incomplete => &INCOMPLETE,
        Profile::EarlyMismatch => &EARLY_MISMATCH,
        Profile::Steady => &STEADY,
        Profile::Mismatch => &MISMATCH,
        Profile::Mixed => &MIXED,
        Profile::Overload => &OVERLOAD,
        Profile::UnclearSource => &UNCLEAR,
    });
    if outcome.profile == Profile::UnclearSource && (life || !context.secondary.is_empty()) {
        say(&UNCLEAR_BEYOND);
    }
    // Naming where to look is the point of a mismatch result; for overload it would distract.
    let names_areas = matches!(outcome.profile, Profile::EarlyMismatch | Profile::Mismatch | Profile::Mixed);
    if names_areas && !outcome.top_areas.is_empty() {
        let mut names: Vec<&str> = Vec::new();
        for &a in &outcome.top_areas {
            names.push(area_name(a, l));
        }
        text.push(fill(AREAS_STAND_OUT.get(l), &join(&names, l)));
    }
    let mut say = |t: &Text| text.push(t.get(l).to_string());
    if life {
        say(&LIFE);
    }
    if has(Flag::StructuralLoad) {
        say(&STRUCTURAL_LOAD);
    }
    if has(Flag::Masking) {
        say(&MASKING);
    }
    if has(Flag::Chronic) {
        say(&CHRONIC);
    }
    if !context.secondary.is_empty() {
        let mut names: Vec<&str> = Vec::new();
        for &s in &context.secondary {
            names.push(secondary_name(s).get(l));
        }
        text.push(fill(SECONDARY.get(l), &join(&names, l)));
    }
    let quick = outcome.form == Form::Quick && outcome.indices.compensation.is_none();
    if quick {
        text.push(QUICK.get(l).to_string());
    }

    // Steps: a doctor first when support is needed or it is about life in
    // general, then the profile's own steps, then what the flags add.
    let first: Option<&Text> = if has(Flag::SeekSupport) {
        Some(&STEP_SUPPORT)
    } else if life {
        Some(&STEP_LIFE_DOCTOR)
    } else {
        None
    };
    let mut extra: Vec<&Text> = Vec::new();
    if has(Flag::StructuralLoad) {
        extra.push(&STEP_STRUCTURAL);
    }
    if has(Flag::Masking) {
        extra.push(&STEP_MASKING);
    }
    if !context.secondary.is_empty() {
        extra.push(&STEP_SECONDARY);
    }
    if quick {
        extra.push(&STEP_FULL_FORM);
    }
    let own = profile_steps(outcome.profile);
    let room = MAX_STEPS.saturating_sub(extra.len() + usize::from(first.is_some())).max(1);
    // Plain loops rather than a chain of iterator adapters: less wasm.
    let mut steps: Vec<String> = Vec::new();
    if let Some(t) = first {
        steps.push(t.get(l).to_string());
    }
    let mut taken = 0;
    for &t in own {
        // A doctor already comes first: the profile's "see a doctor if it stays" would repeat it.
        if taken < room && (first.is_none() || *t != STEP_DOCTOR_IF_STAYS) {
            steps.push(t.get(l).to_string());
            taken += 1;
        }
    }
    for t in extra {
        steps.push(t.get(l).to_string());
    }
    (crate::json::join(&text, " "), steps)
}

// ---- rest response ----

const REST_HELD: Text = t([
    "The relief held: rest helped, and this looks like overload that has eased.",
    "Die Erleichterung hat gehalten: Die Erholung hat geholfen, und es sieht nach einer Überlastung aus, die nachgelassen hat.",
    "El alivio se mantuvo: el descanso ayudó, y parece una sobrecarga que ya ha remitido.",
]);
const REST_FADED: Text = t([
    "Rest lifted your strain, but the relief did not last.",
    "Die Erholung hat dich entlastet, aber die Erleichterung hat nicht gehalten.",
    "El descanso te alivió, pero el alivio no duró.",
]);
const REST_NONE: Text = t([
    "Rest did not lift your strain much, or it was back within days.",
    "Die Erholung hat kaum entlastet, oder die Erschöpfung war nach wenigen Tagen zurück.",
    "El descanso apenas te alivió, o el desgaste volvió en pocos días.",
]);
const REST_LOAD_HEAVY: Text = t([
    "Your load is heavy again, so this looks like overload that has not ended: rest cannot hold while the load stays this high, so the amount of work has to come down.",
    "Deine Arbeitslast ist wieder hoch; das sieht nach einer Überlastung aus, die nicht vorbei ist: Erholung kann nicht halten, solange die Last so hoch bleibt, also muss die Menge sinken.",
    "Tu carga vuelve a ser alta, así que parece una sobrecarga que no ha terminado: el descanso no puede durar mientras la carga siga así, de modo que hay que reducir la cantidad de trabajo.",
]);
const REST_LOAD_MODERATE: Text = t([
    "Your load is only moderate, so this is the mismatch pattern: the drain comes from the work itself, and a change in structure will help more than more rest.",
    "Deine Arbeitslast ist nur mäßig; das ist das Muster einer Fehlpassung: Die Erschöpfung kommt aus der Arbeit selbst, und eine Veränderung der Strukturen hilft mehr als mehr Erholung.",
    "Tu carga es solo moderada, así que es el patrón del desajuste: el desgaste viene del propio trabajo, y un cambio en la estructura ayudará más que descansar más.",
]);
const REST_LOAD_UNKNOWN: Text = t([
    "Without a load reading from the weeks after, it is hard to say more: if the load is heavy again, it is overload that has not ended; if it is moderate, it points to mismatch.",
    "Ohne Angaben zur Arbeitslast in den Wochen danach lässt sich nicht mehr sagen: Ist die Last wieder hoch, ist die Überlastung nicht vorbei; ist sie mäßig, deutet das auf eine Fehlpassung hin.",
    "Sin datos de carga de las semanas posteriores es difícil decir más: si la carga vuelve a ser alta, es una sobrecarga que no ha terminado; si es moderada, apunta a un desajuste.",
]);
const REST_PENDING: Text = t([
    "Not enough readings yet to tell. Do a quick check on or after the date shown; a few quick checks in each window make the answer steadier.",
    "Noch zu wenige Messungen, um etwas zu sagen. Mach am angezeigten Datum oder danach einen Kurzcheck; mehrere Kurzchecks pro Zeitraum machen das Ergebnis verlässlicher.",
    "Aún no hay suficientes mediciones. Haz la versión rápida en la fecha indicada o después; varias en cada periodo hacen el resultado más fiable.",
]);
const REST_INSUFFICIENT: Text = t([
    "A reading is missing from one of the windows (the weeks before the rest, the first week back, or a few weeks later), so this rest cannot be read. Next time, one quick check in each window is enough.",
    "In einem der Zeiträume fehlt eine Messung (die Wochen vor der Pause, die erste Woche danach oder einige Wochen später), daher lässt sich diese Pause nicht auswerten. Beim nächsten Mal reicht ein Kurzcheck pro Zeitraum.",
    "Falta una medición en alguno de los periodos (las semanas antes del descanso, la primera semana de vuelta o unas semanas después), así que este descanso no se puede valorar. La próxima vez basta con una versión rápida en cada periodo.",
]);
const REST_HEURISTIC: Text = t([
    "This is a rough heuristic, not a measurement.",
    "Das ist eine grobe Faustregel, keine Messung.",
    "Es una regla aproximada, no una medición.",
]);

/// How to read one rest response, given the load index at follow-up (MODEL.md
/// "rest response"): relief that fades or never comes means overload that has
/// not ended when load is heavy again, and the mismatch pattern when it is not.
pub fn rest_explanation(state: RestState, load_at_follow_up: Option<f64>, locale: Locale) -> String {
    // Heavy load is where a source is "high" (the same line that makes a profile `mixed`).
    let heavy = thresholds::SOURCE_HIGH;
    let parts: Vec<&Text> = match state {
        RestState::Restorative => vec![&REST_HELD],
        RestState::Faded | RestState::NoRelief => {
            let lead = if state == RestState::Faded { &REST_FADED } else { &REST_NONE };
            let reading = match load_at_follow_up {
                Some(load) if load >= heavy => &REST_LOAD_HEAVY,
                Some(_) => &REST_LOAD_MODERATE,
                None => &REST_LOAD_UNKNOWN,
            };
            vec![lead, reading]
        }
        RestState::Pending => vec![&REST_PENDING],
        RestState::Insufficient => vec![&REST_INSUFFICIENT],
    };
    let mut texts: Vec<&str> = Vec::new();
    for t in parts {
        texts.push(t.get(locale));
    }
    texts.push(REST_HEURISTIC.get(locale));
    crate::json::join(&texts, " ")
}

/// Every text of this module (`text::all` gathers them for the tables).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn texts() -> Vec<Text> {
    let mut v = vec![
        DISCLAIMER, AND, INCOMPLETE, EARLY_MISMATCH, STEADY, MISMATCH, MIXED, OVERLOAD, UNCLEAR,
        UNCLEAR_BEYOND, AREAS_STAND_OUT, LIFE, SEEK_SUPPORT, MASKING, STRUCTURAL_LOAD, CHRONIC,
        SECONDARY, QUICK, STEP_SUPPORT, STEP_LIFE_DOCTOR, STEP_ANSWER_MORE, STEP_QUIET_MOMENT,
        STEP_REPEAT, STEP_LOG, STEP_PROTECT, STEP_NAME, STEP_ONE_THING, STEP_TALK,
        STEP_CONSIDER_MOVE, STEP_REST, STEP_AGREE_CUT, STEP_TEST_REST, STEP_WHAT_ELSE,
        STEP_DOCTOR_IF_STAYS, STEP_STRUCTURAL, STEP_MASKING, STEP_SECONDARY, STEP_FULL_FORM,
        REST_HELD, REST_FADED, REST_NONE, REST_LOAD_HEAVY, REST_LOAD_MODERATE, REST_LOAD_UNKNOWN,
        REST_PENDING, REST_INSUFFICIENT, REST_HEURISTIC,
    ];
    v.extend(Construct::ALL.iter().map(|&c| area_text(c)));
    v.extend(Secondary::ALL.iter().map(|&s| secondary_name(s)));
    v
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fill_replaces_every_placeholder_as_str_replace_does() {
        for t in ["", "{}", "a {} b", "{}{}", "{{}}", "x {} y {} z", "{", "}", "ü{}é", "no placeholder"] {
            for v in ["", "work, home", "{}", "ñ"] {
                assert_eq!(fill(t, v), t.replace("{}", v), "{t:?} with {v:?}");
            }
        }
    }
}
