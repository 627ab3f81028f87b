//! The matching job: what matching reads of a community in, the review's
//! suggestions out, so candidate generation and scoring never freeze the
//! facilitator's screen on a big event. Both ways the data is compact (see
//! [`MatchingInput`] and [`Suggestions`]): a quarter of the event's JSON in,
//! numbers into it out. Three steps: the index of named people, blocking and
//! both scoring passes, then the suggestions with their evidence and plan.

use super::{Emit, Output, Progress, Stage, Task};
use crate::core::matching::index::Index;
use crate::core::matching::passes::{scored_pairs, Scored};
use crate::core::matching::{MatchOptions, MatchingInput, Suggestions};
use serde::{Deserialize, Serialize};

/// The matching job's input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchingJob {
    pub input: Box<MatchingInput>,
    #[serde(default)]
    pub options: MatchOptions,
}

/// The suggestions, best first (see [`crate::core::matching::compute`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchingOutput {
    pub suggestions: Suggestions,
}

enum State {
    Start,
    Indexed(Box<Index>),
    Scored(Box<Index>, Box<Scored>),
    Done,
}

/// Does a [`MatchingJob`] in three steps.
pub struct MatchingTask {
    job: MatchingJob,
    state: State,
}

impl MatchingTask {
    pub fn new(job: MatchingJob) -> Self {
        Self {
            job,
            state: State::Start,
        }
    }
}

const STEPS: u64 = 3;

fn progress(done: u64) -> Emit {
    Emit::Progress(Progress {
        stage: Stage::Matching,
        done,
        total: STEPS,
    })
}

impl Task for MatchingTask {
    fn step(&mut self, out: &mut Vec<Emit>) -> bool {
        let state = std::mem::replace(&mut self.state, State::Done);
        let input = &self.job.input;
        self.state = match state {
            State::Start => {
                let index = Index::build(input);
                out.push(progress(1));
                State::Indexed(Box::new(index))
            }
            State::Indexed(index) => {
                let scored = scored_pairs(&index, &self.job.options, &input.merged);
                out.push(progress(2));
                State::Scored(index, Box::new(scored))
            }
            State::Scored(index, scored) => {
                let suggestions = Suggestions::build(input, &index, *scored);
                out.push(Emit::Output {
                    output: Output::Matching(Box::new(MatchingOutput { suggestions })),
                    last: true,
                });
                State::Done
            }
            State::Done => State::Done,
        };
        !matches!(self.state, State::Done)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::demo_community;
    use crate::core::jobs::{Job, JobId, Lane, Reply, Request, Runner};
    use crate::core::matching::compute;

    #[test]
    fn the_job_gives_the_same_suggestions_as_compute() {
        let input = MatchingInput::of(&demo_community(5));
        let options = MatchOptions::default();
        let expected = compute(&input, &options);
        assert!(!expected.is_empty());
        let mut runner = Runner::default();
        let job = Job::Matching(MatchingJob {
            input: Box::new(input),
            options,
        });
        runner.handle(Request::Start {
            id: JobId(3),
            lane: Lane::new("matching"),
            job: Box::new(job),
        });
        let mut replies = Vec::new();
        while !runner.is_idle() {
            replies.extend(runner.step());
        }
        let progress = replies
            .iter()
            .filter(|r| matches!(r, Reply::Progress { .. }))
            .count();
        assert_eq!(progress, 2);
        match replies.last() {
            Some(Reply::Output {
                output: Output::Matching(m),
                last: true,
                ..
            }) => assert_eq!(m.suggestions, expected),
            other => panic!("unexpected last reply {other:?}"),
        }
    }

    #[test]
    fn the_job_survives_a_round_trip_through_json() {
        let job = Job::Matching(MatchingJob {
            input: Box::new(MatchingInput::of(&demo_community(1))),
            options: MatchOptions::default(),
        });
        let text = serde_json::to_string(&job).unwrap_or_default();
        let back: Job = serde_json::from_str(&text).expect("parses");
        assert_eq!(back, job);
    }
}
