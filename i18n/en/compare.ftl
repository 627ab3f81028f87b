## Comparing with an earlier event: the facilitator's panel and the
## play-back's "Between two events" timeline.

cmp-title = Compare with an earlier event
cmp-intro = Keep an earlier event's Weave file on this device, and the play-back can grow the network from that event's picture to this one. It is kept beside this event and never replaces it.
cmp-none = No earlier event is kept on this device.
cmp-held = Kept for comparison: { $event } ({ $date }), { $maps ->
    [one] 1 map
   *[other] { $maps } maps
}.
cmp-unreadable = The earlier event kept on this device cannot be read ({ $reason }). Remove it, or choose another file.
cmp-pick = Choose a Weave file of an earlier event
cmp-replace = Replace with another Weave file
cmp-demo = Use the demo's event from last year
cmp-remove = Remove the earlier event
cmp-reading = Reading the earlier event…
cmp-kept = { $event } is kept for comparison. Open the play-back and choose "Between two events".
cmp-removed = The earlier event was removed from this device. This event is unchanged.
cmp-error-file = That file could not be used: { $reason }. Nothing was changed.
cmp-error-empty = That event has no finished maps, so there is nothing to compare with. Nothing was changed.
cmp-error-full = This browser's storage is full, so the earlier event could not be kept. Nothing was changed: this event and any earlier event kept before are as they were. Free some space (or remove the earlier event) and try again.
cmp-error-store = The earlier event could not be kept ({ $reason }). Nothing was changed.

cmp-modes = What the timeline plays
cmp-mode-in-order = This event, map by map
cmp-mode-between = Between two events
cmp-timeline = From the earlier event to this one
cmp-timeline-value = { $percent }% of the way from { $event } to this event
cmp-show-earlier = Show { $event }
cmp-show-current = Show this event

cmp-caption = Since { $event }: { $changes }.
cmp-unchanged = The same people and ties as at { $event }.
cmp-and = {", "}
cmp-maps = { $count ->
    [one] 1 resident drew a map
   *[other] { $count } residents drew maps
}
cmp-maps-few = a few residents drew maps
cmp-named-new = { $count ->
    [one] 1 person is named for the first time
   *[other] { $count } people are named for the first time
}
cmp-named-new-few = a few people are named for the first time
cmp-linking = { $count ->
    [one] 1 new tie links groups that were apart
   *[other] { $count } new ties link groups that were apart
}
cmp-linking-few = a few new ties link groups that were apart
cmp-gone = { $count ->
    [one] 1 person is no longer named
   *[other] { $count } people are no longer named
}
cmp-gone-few = a few people are no longer named
