//! PLACEHOLDER: the content helper replaces this file with the real items.
use super::{ContextQuestion, Item};
use crate::model::{Construct, Text};

pub static SCALE: [Text; 5] = [["never", "nie", "nunca"], ["rarely", "selten", "rara vez"], ["sometimes", "manchmal", "a veces"], ["often", "oft", "a menudo"], ["always", "immer", "siempre"]];

pub static ITEMS: &[Item] = &[
    Item { id: "fatigue_1", construct: Construct::UnrelievedFatigue, reverse: false, quick: true, text: ["placeholder", "platzhalter", "marcador"] },
];

pub static CONTEXT: &[ContextQuestion] = &[];
