//! The play-back layout as a worker job: each step runs a slice of
//! ForceAtlas2 iterations (see `core::playback::layout_job`) and posts the
//! positions, the last one once the layout rests. A new graph started on the
//! same lane supersedes the running one.

use super::{Emit, Output, Pace, Task};
pub use crate::core::playback::layout_job::LayoutTask;

impl Task for LayoutTask {
    fn step(&mut self, out: &mut Vec<Emit>) -> bool {
        let (update, more) = self.advance();
        out.push(Emit::Output {
            output: Output::Layout(update),
            last: !more,
        });
        more
    }

    /// The layout's first steps share the cores with the play-back's start.
    fn pace(&self) -> Pace {
        if self.is_starting() {
            Pace::BesideThePicture
        } else {
            Pace::FlatOut
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::core::jobs::{Job, JobId, Lane, Output, Reply, Request, Runner};
    use crate::core::playback::layout_job::LayoutInput;
    use crate::core::playback::scene::SceneOptions;
    use crate::core::playback::{generate, LiveLayout, Scene};

    fn input(generation: u64) -> Job {
        let (net, order) = generate::people(80, 240, 1);
        let scene = Scene::from_networks(&net, None, &order, &SceneOptions::default());
        let mut live = LiveLayout::new();
        live.set_scene(&scene);
        Job::Layout(LayoutInput {
            generation,
            x: live.x().to_vec(),
            y: live.y().to_vec(),
            edges: live.edges().clone(),
        })
    }

    #[test]
    fn positions_stream_until_the_layout_rests_and_a_new_graph_supersedes() {
        let mut runner = Runner::default();
        let start = |id, generation| Request::Start {
            id: JobId(id),
            lane: Lane::new("layout"),
            job: Box::new(input(generation)),
        };
        runner.handle(start(1, 1));
        let first = runner.step();
        assert!(matches!(
            first.as_slice(),
            [Reply::Output { output: Output::Layout(u), last: false, .. }] if u.generation == 1 && u.x.len() == 80
        ));
        let stopped = runner.handle(start(2, 2));
        assert!(matches!(
            stopped.as_slice(),
            [Reply::Stopped { id: JobId(1), .. }]
        ));
        let mut replies = Vec::new();
        while !runner.is_idle() {
            replies.extend(runner.step());
        }
        match replies.last() {
            Some(Reply::Output {
                id: JobId(2),
                output: Output::Layout(u),
                last: true,
            }) => assert!(u.resting && u.generation == 2),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn a_layout_rests_beside_the_picture_only_while_it_starts() {
        use crate::core::jobs::{Pace, Task};
        use crate::core::playback::layout_job::{LayoutTask, PACED_STEPS};
        let Job::Layout(graph) = input(1) else {
            unreachable!()
        };
        let mut task = LayoutTask::new(graph);
        let mut out = Vec::new();
        for _ in 0..PACED_STEPS {
            assert_eq!(task.pace(), Pace::BesideThePicture);
            task.step(&mut out);
        }
        assert_eq!(task.pace(), Pace::FlatOut);
    }

    #[test]
    fn a_warm_up_request_leaves_the_running_layout_alone() {
        let mut runner = Runner::default();
        runner.handle(Request::Start {
            id: JobId(1),
            lane: Lane::new("layout"),
            job: Box::new(input(1)),
        });
        assert!(runner.handle(Request::WarmUp).is_empty());
        assert_eq!(runner.running(), vec![JobId(1)]);
        // The warm-up travels as JSON like every request.
        let text = serde_json::to_string(&Request::WarmUp).unwrap_or_default();
        let back: Result<Request, _> = serde_json::from_str(&text);
        assert!(matches!(back, Ok(Request::WarmUp)), "{text}");
    }
}
