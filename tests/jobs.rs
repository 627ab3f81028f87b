//! The worker protocol and the analysis job, driven natively through
//! `Runner` exactly as the web worker drives them: chunked and refined
//! results equal a one-shot analysis, a newer request supersedes an older
//! one, cancelling stops a job, progress is monotone, and every message
//! survives the JSON the worker posts.

use weave::core::analysis::{
    analyze, findings, people_network, AnalysisOptions, AnalysisReport, PathMode,
};
use weave::core::demo::demo_community_sized;
use weave::core::jobs::{
    AnalysisJob, AnalysisUpdate, Job, JobId, Lane, Output, Refinement, Reply, Request, Runner,
    Stage, Stop, Subject,
};
use weave::core::model::{Community, ResponseStatus};
use weave::core::network::{Attrs, Network};
use weave::core::playback::generate;

/// A people network with hubs and triangles, like the play-back's bench.
fn network(n: usize) -> Network {
    generate::people(n, n * 3, 11).0
}

fn start(id: u64, lane: &str, job: AnalysisJob) -> Request {
    Request::Start {
        id: JobId(id),
        lane: Lane::new(lane),
        job: Box::new(Job::Analysis(job)),
    }
}

/// Small steps and a low exact threshold, so even small graphs refine.
fn progressive(subject: Subject) -> AnalysisJob {
    AnalysisJob {
        subject,
        options: AnalysisOptions {
            directed: Some(false),
            ..AnalysisOptions::default()
        },
        refine: Refinement {
            exact_up_to: 50,
            pivots: 20,
            seed: 3,
            step_work: 2_000,
            ..Refinement::default()
        },
    }
}

fn run(runner: &mut Runner) -> Vec<Reply> {
    let mut replies = Vec::new();
    let mut guard = 0;
    while !runner.is_idle() {
        replies.extend(runner.step());
        guard += 1;
        assert!(guard < 100_000, "the runner never went idle");
    }
    replies
}

fn updates(replies: &[Reply], id: u64) -> Vec<(AnalysisUpdate, bool)> {
    replies
        .iter()
        .filter_map(|r| match r {
            Reply::Output {
                id: JobId(i),
                output: Output::Analysis(u),
                last,
            } if *i == id => Some(((**u).clone(), *last)),
            _ => None,
        })
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Equal reports, path sums compared to 1e-9 (the sweep visits sources in
/// another order than a one-shot analysis, so float sums may differ in the
/// last bit).
fn assert_same(got: &AnalysisReport, want: &AnalysisReport) {
    assert_eq!(got.graph, want.graph);
    assert_eq!(got.bridges, want.bridges);
    assert_eq!(got.attributes, want.attributes);
    assert_eq!(got.paths, want.paths);
    assert_eq!(got.nodes.len(), want.nodes.len());
    for (g, w) in got.nodes.iter().zip(&want.nodes) {
        for (x, y) in [
            (g.betweenness, w.betweenness),
            (g.closeness, w.closeness),
            (g.harmonic, w.harmonic),
        ] {
            match (x, y) {
                (Some(x), Some(y)) => assert!(close(x, y), "{}: {x} vs {y}", g.id),
                (x, y) => assert_eq!(x, y),
            }
        }
        let mut g = g.clone();
        g.betweenness = w.betweenness;
        g.closeness = w.closeness;
        g.harmonic = w.harmonic;
        assert_eq!(&g, w);
    }
}

#[test]
fn chunked_and_refined_equals_one_shot_analysis() {
    let net = network(400);
    let job = progressive(Subject::network(net.clone()));
    let options = job.options.clone();
    let mut runner = Runner::default();
    runner.handle(start(1, "a", job));
    let replies = run(&mut runner);
    let outs = updates(&replies, 1);
    // A sampled full first result, then the exact one, which ends the job.
    assert_eq!(outs.len(), 2);
    let (first, last_of_first) = &outs[0];
    assert!(!last_of_first);
    assert_eq!(
        first.report.paths,
        PathMode::Sampled {
            pivots: 20,
            seed: 3
        }
    );
    assert!(first
        .report
        .nodes
        .iter()
        .all(|m| m.betweenness.is_some() && m.closeness.is_some() && m.harmonic.is_some()));
    let (exact, last) = &outs[1];
    assert!(*last && exact.is_exact());
    assert_same(&exact.report, &analyze(&net, &options));
    // The sampled estimate already ranks the top broker among the top few.
    let top = |r: &AnalysisReport| {
        let mut v: Vec<_> = r.nodes.iter().collect();
        v.sort_by(|a, b| {
            b.betweenness
                .unwrap_or(0.0)
                .total_cmp(&a.betweenness.unwrap_or(0.0))
        });
        v.iter().take(5).map(|m| m.id.clone()).collect::<Vec<_>>()
    };
    assert!(top(&first.report).contains(&top(&exact.report)[0]));
}

#[test]
fn small_networks_go_straight_to_exact_values_in_many_steps() {
    let net = network(40);
    let mut job = progressive(Subject::network(net.clone()));
    job.refine.step_work = 50;
    let options = job.options.clone();
    let mut runner = Runner::default();
    runner.handle(start(7, "a", job));
    let mut steps = 0;
    let mut replies = Vec::new();
    while !runner.is_idle() {
        replies.extend(runner.step());
        steps += 1;
    }
    assert!(steps > 12, "the sweep was cut into chunks ({steps} steps)");
    let outs = updates(&replies, 7);
    assert_eq!(outs.len(), 1);
    assert_same(&outs[0].0.report, &analyze(&net, &options));
}

#[test]
fn progress_is_monotone_within_each_stage_and_ends_complete() {
    let mut runner = Runner::default();
    runner.handle(start(1, "a", progressive(Subject::network(network(300)))));
    let progress: Vec<_> = run(&mut runner)
        .into_iter()
        .filter_map(|r| match r {
            Reply::Progress { progress, .. } => Some(progress),
            _ => None,
        })
        .collect();
    let stages: Vec<Stage> = progress.iter().map(|p| p.stage).collect();
    let order = [
        Stage::Preparing,
        Stage::Metrics,
        Stage::Sampling,
        Stage::Refining,
    ];
    let mut seen: Vec<Stage> = stages.clone();
    seen.dedup();
    assert_eq!(seen, order, "stages in order, each once");
    for w in progress.windows(2) {
        assert!(w[0].done <= w[0].total);
        if w[0].stage == w[1].stage {
            assert!(w[0].done <= w[1].done && w[0].total == w[1].total);
        }
    }
    let last = progress.last().copied();
    assert!(last.is_some_and(|p| p.stage == Stage::Refining && p.done == p.total));
    // Throttled: about a hundred per stage at most, whatever the step count.
    assert!(
        progress.len() < 4 * 110,
        "{} progress messages",
        progress.len()
    );
}

#[test]
fn a_newer_request_on_the_same_lane_supersedes_the_older() {
    let mut runner = Runner::default();
    runner.handle(start(
        1,
        "community",
        progressive(Subject::network(network(300))),
    ));
    for _ in 0..5 {
        runner.step();
    }
    let newer = network(120);
    let replies = runner.handle(start(
        2,
        "community",
        progressive(Subject::network(newer.clone())),
    ));
    assert_eq!(
        replies,
        vec![Reply::Stopped {
            id: JobId(1),
            why: Stop::Superseded { by: JobId(2) }
        }]
    );
    assert_eq!(runner.running(), vec![JobId(2)]);
    let rest = run(&mut runner);
    assert!(
        rest.iter().all(|r| r.id() == JobId(2)),
        "nothing more from job 1"
    );
    let outs = updates(&rest, 2);
    assert_eq!(
        outs.last().map(|o| o.0.report.nodes.len()),
        Some(newer.nodes.len())
    );
}

#[test]
fn other_lanes_run_side_by_side_and_cancel_stops_one() {
    let mut runner = Runner::default();
    runner.handle(start(
        1,
        "community",
        progressive(Subject::network(network(200))),
    ));
    runner.handle(start(
        2,
        "export",
        progressive(Subject::network(network(100))),
    ));
    runner.handle(start(
        3,
        "other",
        progressive(Subject::network(network(100))),
    ));
    assert_eq!(runner.running(), vec![JobId(1), JobId(2), JobId(3)]);
    runner.step();
    let cancelled = runner.handle(Request::Cancel { id: JobId(3) });
    assert_eq!(
        cancelled,
        vec![Reply::Stopped {
            id: JobId(3),
            why: Stop::Cancelled
        }]
    );
    assert!(runner.handle(Request::Cancel { id: JobId(3) }).is_empty());
    let replies = run(&mut runner);
    assert!(updates(&replies, 1).last().is_some_and(|o| o.1));
    assert!(updates(&replies, 2).last().is_some_and(|o| o.1));
    assert!(!replies.iter().any(|r| r.id() == JobId(3)));
    // Interleaved: job 2's first reply comes before job 1's last.
    let pos = |id| replies.iter().position(|r| r.id() == JobId(id));
    let last1 = replies.iter().rposition(|r| r.id() == JobId(1));
    assert!(pos(2) < last1);
}

/// A community, and the same community after one more resident finished.
fn two_versions() -> (Community, Community) {
    let full = demo_community_sized(5, 40);
    let mut before = full.clone();
    let last = before
        .responses
        .iter()
        .rposition(|r| r.status == ResponseStatus::Finished);
    if let Some(i) = last {
        before.responses[i].status = ResponseStatus::Draft;
    }
    (before, full)
}

#[test]
fn a_new_response_updates_the_results_incrementally() {
    let (before, after) = two_versions();
    let options = AnalysisOptions {
        directed: Some(false),
        ..AnalysisOptions::default()
    };
    let job = |c: &Community| AnalysisJob {
        subject: Subject::community(c.clone()),
        options: options.clone(),
        refine: Refinement::default(),
    };
    let mut runner = Runner::default();
    runner.handle(start(1, "community", job(&before)));
    let first = updates(&run(&mut runner), 1);
    runner.handle(start(2, "community", job(&after)));
    let second = updates(&run(&mut runner), 2);
    let (a, b) = (&first[0].0, &second[0].0);
    assert!(
        b.report.nodes.len() > a.report.nodes.len(),
        "the new resident and their people"
    );
    for (c, u) in [(&before, a), (&after, b)] {
        assert_same(&u.report, &analyze(&people_network(c), &options));
        assert_eq!(u.findings, findings(c));
    }
}

#[test]
fn sampled_only_and_skip_stop_early() {
    let net = network(300);
    let mut job = progressive(Subject::network(net.clone()));
    job.options.paths = PathMode::Sampled {
        pivots: 30,
        seed: 9,
    };
    let mut runner = Runner::default();
    runner.handle(start(1, "a", job.clone()));
    let outs = updates(&run(&mut runner), 1);
    assert_eq!(outs.len(), 1);
    assert_eq!(
        outs[0].0.report.paths,
        PathMode::Sampled {
            pivots: 30,
            seed: 9
        }
    );
    let want = analyze(&net, &job.options);
    for (g, w) in outs[0].0.report.nodes.iter().zip(&want.nodes) {
        assert!(close(
            g.betweenness.unwrap_or(f64::NAN),
            w.betweenness.unwrap_or(0.0)
        ));
    }
    job.options.paths = PathMode::Skip;
    runner.handle(start(2, "a", job));
    let outs = updates(&run(&mut runner), 2);
    assert_eq!(outs.len(), 1);
    assert!(outs[0]
        .0
        .report
        .nodes
        .iter()
        .all(|m| m.betweenness.is_none()));
}

#[test]
fn empty_and_edgeless_networks_finish() {
    let mut lonely = Network::new(false);
    for i in 0..5 {
        lonely.add_node(format!("n{i}"), None, Attrs::new());
    }
    for (i, net) in [Network::new(false), lonely].into_iter().enumerate() {
        let mut runner = Runner::default();
        runner.handle(start(
            i as u64,
            "a",
            progressive(Subject::network(net.clone())),
        ));
        let outs = updates(&run(&mut runner), i as u64);
        assert_eq!(outs.len(), 1);
        assert_eq!(outs[0].0.report.nodes.len(), net.nodes.len());
    }
}

#[test]
fn every_message_survives_the_json_the_worker_posts() {
    let c = demo_community_sized(2, 30);
    let request = start(4, "community", progressive(Subject::community(c)));
    let text = serde_json::to_string(&request).unwrap_or_default();
    let back: Request = serde_json::from_str(&text).unwrap_or(Request::Cancel { id: JobId(0) });
    assert_eq!(back, request);
    let mut runner = Runner::default();
    runner.handle(request);
    for reply in run(&mut runner) {
        let text = serde_json::to_string(&reply).unwrap_or_default();
        let back: Option<Reply> = serde_json::from_str(&text).ok();
        assert_eq!(back.as_ref(), Some(&reply), "{text:.200}");
    }
}
