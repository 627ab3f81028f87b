## Name matching (new keys; older ones are in weave.ftl) — English messages.
match-bench-done = Benchmark: { $count } suggestions for { $residents } residents in { $ms } ms. Nothing was stored.
match-evidence-same-description = both residents describe them with { $list }
match-stage-matching = Looking for people named more than once…
