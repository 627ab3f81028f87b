## Analysis worker and progress — English messages.

analysis-progress-label = Analysis progress
analysis-stage-preparing = Getting the network ready
analysis-stage-metrics = Measuring ties, groups and communities
analysis-stage-sampling = A first look at who links groups
analysis-stage-refining = Refining to exact figures
# $stage is one of the stage texts above; $percent a whole number.
analysis-progress = { $stage }: { $percent }%
analysis-updating = Updating for the latest maps…
analysis-estimated = Figures that depend on shortest paths are estimates from a sample until refining ends.
analysis-failed = The analysis stopped: { $reason }
analysis-worker-lost = The analysis stopped responding, so these figures may be out of date. Your maps are safe.
analysis-retry = Try the analysis again

## Facilitator overview: the community's figures.
analysis-title = The community network
analysis-waiting = Working out the first figures…
analysis-empty = No finished maps yet: the figures appear with the first one.
analysis-people = People
analysis-ties = Ties
analysis-density = Density
analysis-components = Separate parts
analysis-isolates = People with no ties
analysis-communities = Communities
analysis-modularity = Modularity
analysis-brokers = Articulation points
analysis-bridges = Bridges
analysis-findings = Findings

## The analysis benchmark page (#/bench-analysis?graph=NAME).
bench-title = Analysis benchmark
bench-graph = Graph: { $graph }
bench-run = Run the analysis
bench-loading = Loading the graph…
bench-no-graph = No graph to analyse: open this page from the benchmark script.
bench-load-failed = The graph could not be loaded: { $reason }
bench-ready = Ready: { $nodes } nodes, { $edges } edges.
bench-done = Done.
