## Weave — English messages. Keys are grouped by screen.

app-name = Weave
save-saved-count = { $count ->
    [one] 1 response saved
   *[other] { $count } responses saved
}
