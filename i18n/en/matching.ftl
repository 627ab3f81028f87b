## Name matching (new keys; older ones are in weave.ftl) — English messages.
