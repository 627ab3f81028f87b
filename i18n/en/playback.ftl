## Play-back (new keys; older ones are in weave.ftl) — English messages.
pb-legend-found = The person or place you searched for
pb-setup-title = Play-back on the big screen
pb-labels-legend = Names on the picture
pb-labels-places = Places only (people are dots without names)
pb-labels-public-figures = Places and public figures from the event's list
pb-labels-everyone = Everyone residents named
pb-labels-everyone-warning = Only for a closed meeting: the names residents drew will be shown on the screen and in saved pictures.
pb-open-public = Open the play-back
pb-open-facilitator = Open the facilitator's play-back (search by name)
pb-search = Find someone
pb-search-label = Name of a person or place
pb-search-clear = Clear
pb-search-none = Nobody on the picture has that name.
pb-canvas-named = The community network: { $nodes } dots and { $ties } ties. Names chosen by the facilitator are shown.
pb-legend-answer = { $answer } · { $count ->
    [one] 1 resident
   *[other] { $count } residents
}
pb-legend-other-answers = Other answers · { $count ->
    [one] 1 resident
   *[other] { $count } residents
}
pb-legend-no-answer = Resident who did not answer
pb-legend-named = Someone a resident named
pb-size = Size shows
pb-size-ties = How many ties
pb-size-mentions = How many residents named them
pb-size-betweenness = How much they link others
pb-colour = Colour shows
pb-colour-community = Groups who know each other
pb-caption-colour-attribute = Each colour is an answer to “{ $attribute }”; grey dots are the people residents named.
pb-fullscreen-leave = Leave full screen
