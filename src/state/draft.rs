//! A resident's response in progress: the map so far, its undo history and the
//! step they are on. Saved after every committed action so a reload (or a
//! killed tab) resumes exactly where they were.

use crate::core::command::{Command, CommandError, History};
use crate::core::model::{Event, Response};
use serde::{Deserialize, Serialize};

/// The resident flow, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", content = "index", rename_all = "snake_case")]
pub enum Step {
    AboutYou,
    /// The n-th name prompt of the event.
    Prompt(usize),
    /// "Do these people know each other?"
    Ties,
    Places,
    ThankYou,
}

impl Step {
    /// The step after this one for `event`.
    pub fn next(self, event: &Event) -> Step {
        match self {
            Step::AboutYou if !event.prompts.is_empty() => Step::Prompt(0),
            Step::AboutYou => Step::Ties,
            Step::Prompt(i) if i + 1 < event.prompts.len() => Step::Prompt(i + 1),
            Step::Prompt(_) => Step::Ties,
            Step::Ties if !event.places.is_empty() => Step::Places,
            Step::Ties | Step::Places | Step::ThankYou => Step::ThankYou,
        }
    }

    /// The step before this one, so a resident can go back without losing anything.
    pub fn back(self, event: &Event) -> Step {
        match self {
            Step::AboutYou => Step::AboutYou,
            Step::Prompt(0) => Step::AboutYou,
            Step::Prompt(i) => Step::Prompt(i - 1),
            Step::Ties if event.prompts.is_empty() => Step::AboutYou,
            Step::Ties => Step::Prompt(event.prompts.len() - 1),
            Step::Places => Step::Ties,
            Step::ThankYou => Step::ThankYou,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub response: Response,
    pub history: History,
    pub step: Step,
}

impl Draft {
    pub fn new(response: Response) -> Self {
        Self {
            response,
            history: History::default(),
            step: Step::AboutYou,
        }
    }

    pub fn apply(&mut self, command: Command) -> Result<(), CommandError> {
        self.history.do_(command, &mut self.response)
    }

    pub fn undo(&mut self) -> bool {
        self.history.undo(&mut self.response).unwrap_or(false)
    }

    pub fn redo(&mut self) -> bool {
        self.history.redo(&mut self.response).unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::EventId;

    #[test]
    fn steps_walk_forward_and_back() {
        let mut event = Event::new(EventId::new("e"), "E", "2026-11-22");
        let mut s = Step::AboutYou;
        let mut seen = vec![s];
        while s != Step::ThankYou {
            s = s.next(&event);
            seen.push(s);
        }
        assert_eq!(seen.len(), 1 + 5 + 1 + 1);
        assert_eq!(Step::Ties.back(&event), Step::Prompt(4));
        event.prompts.clear();
        assert_eq!(Step::AboutYou.next(&event), Step::Ties);
        assert_eq!(Step::Ties.back(&event), Step::AboutYou);
    }
}
