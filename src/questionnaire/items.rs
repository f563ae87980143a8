//! Every scaled item of the full form in display order, its construct, keying,
//! quick-check membership and its text in every locale; the answer scale; the
//! context questions. Constructs are interleaved so that similar items never
//! sit next to each other. Texts are first-person statements answered on the
//! frequency scale; the recall window ("in the past two weeks") is said once by
//! the UI. German uses "du", Spanish "tú", and Spanish avoids gendered adjectives.

use super::{ContextQuestion, Item};
use crate::model::{Construct as C, LOCALES};
use crate::text::{t, Text};

pub static SCALE: [Text; 5] = [
    t(["never", "nie", "nunca"]),
    t(["rarely", "selten", "rara vez"]),
    t(["sometimes", "manchmal", "a veces"]),
    t(["often", "oft", "a menudo"]),
    t(["always", "immer", "siempre"]),
];

/// Shorthand for the table below: (id, construct, reverse, quick, text).
const fn item(id: &'static str, construct: C, reverse: bool, quick: bool, text: [&'static str; LOCALES]) -> Item {
    Item { id, construct, reverse, quick, text: t(text) }
}

const R: bool = true; // reverse-keyed: a high answer means less of the construct
const N: bool = false;
const Q: bool = true; // also in the quick check
const F: bool = false;

pub static ITEMS: &[Item] = &[
    item("fatigue_1", C::UnrelievedFatigue, N, Q, [
        "I feel tired even after a good night's sleep.",
        "Ich bin müde, auch wenn ich gut geschlafen habe.",
        "Me siento sin energía incluso después de dormir bien.",
    ]),
    item("volume_1", C::DemandVolume, N, Q, [
        "There is more work than I can do in the time I have.",
        "Es gibt mehr Arbeit, als ich in der verfügbaren Zeit schaffen kann.",
        "Tengo más trabajo del que puedo hacer en el tiempo disponible.",
    ]),
    item("cost_1", C::IntrinsicCost, N, Q, [
        "My work drains me even on days when the amount is reasonable.",
        "Meine Arbeit zehrt an mir, selbst an Tagen, an denen die Menge vernünftig ist.",
        "Mi trabajo me agota incluso los días en que la carga es razonable.",
    ]),
    item("curiosity_1", C::LostCuriosity, N, Q, [
        "Things that used to interest me now leave me cold.",
        "Dinge, die mich früher interessiert haben, lassen mich jetzt kalt.",
        "Cosas que antes me interesaban ahora me dejan indiferente.",
    ]),
    item("performance_1", C::SustainedPerformance, N, F, [
        "I still deliver what is expected of me, reliably and on time.",
        "Ich liefere weiterhin zuverlässig und pünktlich, was von mir erwartet wird.",
        "Sigo cumpliendo con lo que se espera de mí, a tiempo y con fiabilidad.",
    ]),
    item("relief_1", C::RestRelief, N, Q, [
        "A day off or a weekend leaves me noticeably restored.",
        "Ein freier Tag oder ein Wochenende gibt mir spürbar Kraft zurück.",
        "Un día libre o un fin de semana me hace recuperar fuerzas de verdad.",
    ]),
    item("tolerance_1", C::LowTolerance, N, Q, [
        "Small requests or interruptions feel like too much.",
        "Kleine Bitten oder Unterbrechungen sind mir schnell zu viel.",
        "Pequeñas peticiones o interrupciones me resultan demasiado.",
    ]),
    item("control_1", C::Control, R, F, [
        "I have a real say in how I do my work.",
        "Ich kann wirklich mitbestimmen, wie ich meine Arbeit mache.",
        "Puedo decidir de verdad cómo hago mi trabajo.",
    ]),
    item("activation_1", C::StressActivation, N, F, [
        "I can't switch off, even when the work is done.",
        "Ich kann nicht abschalten, auch wenn die Arbeit erledigt ist.",
        "No consigo desconectar, aunque el trabajo esté hecho.",
    ]),
    item("flattening_1", C::EmotionalFlattening, N, Q, [
        "I feel numb: neither really happy nor really sad.",
        "Ich fühle mich wie taub: weder richtig froh noch richtig traurig.",
        "Siento las emociones apagadas: ni alegría ni tristeza de verdad.",
    ]),
    item("relapse_1", C::RestRelapse, N, Q, [
        "After time off, the heavy feeling is back within a day or two of work.",
        "Nach freien Tagen ist das schwere Gefühl nach ein, zwei Arbeitstagen wieder da.",
        "Después de unos días libres, la sensación de pesadez vuelve en uno o dos días de trabajo.",
    ]),
    item("pushing_1", C::PushingThrough, N, F, [
        "I keep going even when my body or mind tells me to stop.",
        "Ich mache weiter, auch wenn Körper oder Kopf mir sagen, dass ich aufhören sollte.",
        "Sigo adelante aunque mi cuerpo o mi mente me pidan parar.",
    ]),
    item("restart_1", C::RestartDifficulty, N, Q, [
        "Once I stop a task, getting back into it takes a lot of effort.",
        "Wenn ich eine Aufgabe unterbreche, kostet es mich viel Kraft, wieder hineinzufinden.",
        "Cuando dejo una tarea a medias, me cuesta mucho retomarla.",
    ]),
    item("peak_1", C::DemandPeak, N, F, [
        "The current pressure feels like a passing peak, not the normal state of my work.",
        "Der Druck fühlt sich wie eine vorübergehende Spitze an, nicht wie der Normalzustand meiner Arbeit.",
        "La presión actual me parece un pico pasajero, no lo habitual en mi trabajo.",
    ]),
    item("reward_1", C::Reward, N, F, [
        "My effort goes unnoticed or unrewarded.",
        "Mein Einsatz bleibt unbemerkt oder unbelohnt.",
        "Mi esfuerzo pasa desapercibido o no se recompensa.",
    ]),
    item("blunting_1", C::RewardBlunting, N, F, [
        "Finishing something or getting it right no longer feels good.",
        "Etwas zu schaffen oder gut hinzukriegen, fühlt sich nicht mehr gut an.",
        "Terminar algo o hacerlo bien ya no me produce satisfacción.",
    ]),
    item("fatigue_2", C::UnrelievedFatigue, N, F, [
        "I start the day already worn out.",
        "Ich starte schon erschöpft in den Tag.",
        "Empiezo el día ya sin fuerzas.",
    ]),
    item("resistance_1", C::InnerResistance, N, F, [
        "I have to force myself to do my work, as if something in me pushes back.",
        "Ich muss mich zu meiner Arbeit zwingen, als ob sich etwas in mir sträubt.",
        "Tengo que obligarme a hacer mi trabajo, como si algo dentro de mí se resistiera.",
    ]),
    item("unseen_1", C::InvisibleStrain, N, F, [
        "People around me have no idea how hard things are for me.",
        "Die Menschen um mich herum ahnen nicht, wie schwer mir alles fällt.",
        "La gente de mi alrededor no se imagina lo difícil que me resulta todo.",
    ]),
    item("curiosity_2", C::LostCuriosity, R, F, [
        "I feel like learning something new or getting to the bottom of a question.",
        "Ich habe Lust, Neues zu lernen oder einer Frage auf den Grund zu gehen.",
        "Me apetece aprender algo nuevo o llegar al fondo de una pregunta.",
    ]),
    item("volume_2", C::DemandVolume, N, F, [
        "I have to rush or stay late to keep up.",
        "Ich muss hetzen oder länger bleiben, um hinterherzukommen.",
        "Tengo que ir con prisas o quedarme más tiempo para llegar a todo.",
    ]),
    item("community_1", C::Community, R, F, [
        "I can count on the people I work with.",
        "Ich kann mich auf die Menschen verlassen, mit denen ich arbeite.",
        "Puedo contar con las personas con las que trabajo.",
    ]),
    item("attention_1", C::NarrowedAttention, N, F, [
        "My attention shrinks to whatever is most urgent, and everything else slips.",
        "Meine Aufmerksamkeit schrumpft auf das Dringendste, alles andere rutscht durch.",
        "Mi atención se reduce a lo más urgente y todo lo demás se me escapa.",
    ]),
    item("tolerance_2", C::LowTolerance, N, F, [
        "Minor things I would normally shrug off irritate me.",
        "Kleinigkeiten, über die ich sonst hinweggehe, bringen mich auf.",
        "Me irritan pequeñeces que normalmente dejaría pasar.",
    ]),
    item("cost_2", C::IntrinsicCost, N, F, [
        "Certain parts of my work wear me out, however little of them there is.",
        "Bestimmte Teile meiner Arbeit erschöpfen mich, egal wie wenig davon anfällt.",
        "Ciertas partes de mi trabajo me desgastan, por poco que haya de ellas.",
    ]),
    item("relief_2", C::RestRelief, N, F, [
        "When I have had a proper rest, the energy lasts for days back at work.",
        "Wenn ich mich richtig ausgeruht habe, hält die Energie bei der Arbeit einige Tage an.",
        "Cuando he descansado bien, la energía me dura varios días de vuelta al trabajo.",
    ]),
    item("flattening_2", C::EmotionalFlattening, N, F, [
        "Things that should move me, good or bad, barely reach me.",
        "Was mich berühren sollte, ob gut oder schlecht, erreicht mich kaum.",
        "Lo que debería conmoverme, bueno o malo, apenas me llega.",
    ]),
    item("fairness_1", C::Fairness, N, F, [
        "Decisions that affect me at work feel unfair.",
        "Entscheidungen, die mich bei der Arbeit betreffen, empfinde ich als unfair.",
        "Las decisiones que me afectan en el trabajo me parecen injustas.",
    ]),
    item("recovery_1", C::SlowRecovery, N, F, [
        "After a demanding day, I need much longer to recover than I used to.",
        "Nach einem anstrengenden Tag brauche ich viel länger als früher, um mich zu erholen.",
        "Después de un día exigente, tardo mucho más que antes en recuperarme.",
    ]),
    item("restart_2", C::RestartDifficulty, R, F, [
        "I can pick up where I left off without much trouble.",
        "Ich kann ohne große Mühe dort weitermachen, wo ich aufgehört habe.",
        "Puedo retomar lo que dejé a medias sin mucha dificultad.",
    ]),
    item("relapse_2", C::RestRelapse, N, F, [
        "Even when I am rested, the same tasks exhaust me.",
        "Auch ausgeruht erschöpfen mich dieselben Aufgaben.",
        "Aunque haya descansado, las mismas tareas me agotan.",
    ]),
    item("pushing_2", C::PushingThrough, N, F, [
        "I work through warning signs (headaches, poor sleep, getting ill) that would make others slow down.",
        "Ich arbeite über Warnzeichen hinweg (Kopfschmerzen, schlechter Schlaf, Krankwerden), bei denen andere kürzertreten würden.",
        "Sigo trabajando pese a señales de alarma (dolor de cabeza, mal sueño, enfermar) que harían frenar a otras personas.",
    ]),
    item("values_1", C::Values, R, F, [
        "What I do at work fits what I believe is worth doing.",
        "Was ich bei der Arbeit tue, passt zu dem, was ich für sinnvoll halte.",
        "Lo que hago en el trabajo encaja con lo que creo que vale la pena.",
    ]),
];

pub static CONTEXT: &[ContextQuestion] = &[
    ContextQuestion {
        id: "duration",
        text: t([
            "How long has it felt like this?",
            "Wie lange fühlt es sich schon so an?",
            "¿Desde cuándo te sientes así?",
        ]),
        multiple: false,
        options: &[
            ("under_1m", t(["Less than a month", "Weniger als einen Monat", "Menos de un mes"])),
            ("1_3m", t(["1 to 3 months", "1 bis 3 Monate", "De 1 a 3 meses"])),
            ("3_6m", t(["3 to 6 months", "3 bis 6 Monate", "De 3 a 6 meses"])),
            ("6_12m", t(["6 to 12 months", "6 bis 12 Monate", "De 6 a 12 meses"])),
            ("over_12m", t(["More than a year", "Länger als ein Jahr", "Más de un año"])),
        ],
    },
    ContextQuestion {
        id: "scope",
        text: t([
            "Is this mostly about your work, or about life in general?",
            "Geht es vor allem um deine Arbeit oder um dein Leben insgesamt?",
            "¿Se trata sobre todo de tu trabajo o de tu vida en general?",
        ]),
        multiple: false,
        options: &[
            ("work", t(["Mostly my work", "Vor allem um meine Arbeit", "Sobre todo de mi trabajo"])),
            ("life", t(["Life in general", "Um mein Leben insgesamt", "De mi vida en general"])),
        ],
    },
    ContextQuestion {
        id: "secondary",
        text: t([
            "Is anything else weighing on you right now? Choose any that apply.",
            "Belastet dich gerade noch etwas anderes? Wähle alles, was zutrifft.",
            "¿Hay algo más que te pese ahora mismo? Elige todo lo que corresponda.",
        ]),
        multiple: true,
        options: &[
            ("health", t(["My own health", "Meine eigene Gesundheit", "Mi propia salud"])),
            ("care", t(["Caring for someone", "Die Sorge für einen anderen Menschen", "Cuidar de alguien"])),
            ("money", t(["Money worries", "Geldsorgen", "Preocupaciones económicas"])),
            (
                "life_event",
                t([
                    "A big life event (a move, a loss, a separation)",
                    "Ein großes Lebensereignis (Umzug, Verlust, Trennung)",
                    "Un gran acontecimiento vital (mudanza, pérdida, separación)",
                ]),
            ),
        ],
    },
];
