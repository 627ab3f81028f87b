## Weave — English messages. Keys are grouped by screen. Names and other
## resident text only ever arrive as arguments, never inside markup.

app-name = Weave
boot-loading = Opening Weave…
nav-home = Home
yes = Yes
no = No
undo = Undo
redo = Redo
export-everything = Export everything now
save-pending = Saving…
save-saved = Saved
save-failed = Not saved
save-saved-count = { $count ->
    [one] 1 response saved
   *[other] { $count } responses saved
}

## Start
start-tagline = Who you know, where you go — your community's network, drawn together.
start-count = { $count ->
    [one] 1 person has drawn their map
   *[other] { $count } people have drawn their maps
}
start-nav = What would you like to do?
start-map = Draw my map
start-playback = See our community
start-facilitator = Facilitator

## Storage banners
banner-unavailable-title = This browser is not keeping Weave's data.
banner-unavailable-body = Storage is switched off here (private browsing or a locked-down page). Everything works, but will be gone when this page closes — export it before you leave.
banner-quota-title = This device's storage is full.
banner-quota-body = New answers are kept on screen but cannot be saved. Nothing already saved is lost. Export everything now, then free some space.
banner-other-tab-title = Weave is open in another tab.
banner-other-tab-body = This tab shows the data but will not change it, so the two cannot overwrite each other. Close the other tab to work here.
banner-cannot-open-title = Weave cannot open the saved data.
banner-failed-title = Saving stopped.
banner-failed-body = Weave could not save ({ $reason }). Nothing already saved is lost; export everything now to be safe.
banner-unreadable-title = Some saved records could not be read.
banner-unreadable-body = They are kept untouched. Export everything to pass them to someone who can help.

## Attract and consent
attract-title = Who do you know? Where do you go?
attract-lead = Draw your own map of the people and places in your life. It takes about 3 minutes.
attract-start = Tap to start
consent-title = Before we start
consent-body = We are mapping how people here know each other, so the community can see where it is strong and who might be left out.

    Your map joins everyone else's into one picture of the whole community. The people you name are shown as dots without names on the public screen.
consent-point-names = First names, nicknames or initials are enough — you never need a full name.
consent-point-skip = Every question can be skipped, and you can stop at any time.
consent-point-withdraw = At the end you get a short code: give it to the organisers if you want your map taken out later.
consent-agree = I agree — let's start
consent-decline = No thanks

## About you
about-title = A little about you
about-hint = All optional: tap an answer, or just go on.
about-wellbeing = Overall, how satisfied are you with your life nowadays? (0 = not at all, 10 = completely)

## Name prompts
prompt-help = Who do you rely on, or go to for help?
prompt-trust = Who do you trust?
prompt-information = Who or where do you go to find out what's going on locally?
prompt-change = Who do you know who can change things locally, or links you to the council?
prompt-active = Who are the active people — organisers, volunteers, activists — that you know?
prompt-custom = Who else would you like to add?
prompt-hint = Type a name and tap Add. First names, nicknames or initials are fine. Drag people closer to you if you are close to them.
entry-label = Name of a person
entry-placeholder = A first name, nickname or initials
entry-add = Add
entry-suggestions = People you might mean
entry-existing = { $name } is already on your map. Is it the same person?
entry-already-here = { $name } is already on your map for this question.
entry-same-person = Yes, the same person
entry-someone-else = No, someone else
person-placeholder = Person { $n }
people-count = { $count ->
    [one] 1 person on your map
   *[other] { $count } people on your map
}
edit-tools = Undo and redo

## The canvas
canvas-label = Your map: you in the middle, the people you named around you. Tap a person to answer questions about them.
canvas-label-ties = Your map. Tap one person, then another, to show they know each other.
canvas-me = Me
canvas-ring-1 = Closest
canvas-ring-2 = Close
canvas-ring-3 = Less close
canvas-bubble = { $name }, { $ring ->
    [1] closest ring
    [2] middle ring
   *[other] outer ring
}
canvas-view-tools = Zoom
canvas-zoom-in = Zoom in
canvas-zoom-out = Zoom out
canvas-fit = Show the whole map
canvas-tie-added = Joined: they know each other.
canvas-tie-removed = Line removed.
canvas-tie-started = Now choose the other person and press Enter.
canvas-tie-cancelled = Joining cancelled.

## Ties
ties-title = Do any of these people know each other?
ties-hint = Tap one person, then another, to draw a line between them. Tap the same two again to remove it. Or drag from the + knob.

## Questions about a person
q-title = About { $name }
q-relationship = How do you know them?
q-frequency = How often are you in touch?
q-can-change = Can they change things locally?
q-remove = Remove from my map
q-done = Done
rel-family = Family
rel-friend = Friend
rel-neighbour = Neighbour
rel-work = Work
rel-service = Service or professional
rel-other = Other
freq-daily = Every day
freq-weekly = Every week
freq-monthly = Every month
freq-rarely = Less often

## Places: see places.ftl

## Flow navigation
flow-nav = Steps
flow-back = Back
flow-next = Next
flow-finish = Finish
flow-progress = Step { $step } of { $total }

## Finishing
finish-saving = Saving your map…
finish-failed-title = Your map is not saved yet.
finish-failed-body = It is still here and nothing is lost. Please ask a facilitator, or try again.
finish-retry = Try again
thanks-title = Thank you!
thanks-saved = { $count ->
    [one] Your map with 1 person is saved.
   *[other] Your map with { $count } people is saved.
}
thanks-code-intro = If you ever want your map taken out, give the organisers this code:
thanks-see-community = See yourself in the community
thanks-done = Finish

## Play-back
playback-title = Our community

## Facilitator
fac-title = Facilitator
fac-date = Date
fac-responses = Maps finished
fac-storage = Storage
fac-persist-yes = This browser will keep Weave's data (persistent storage granted).
fac-persist-no = This browser may clear Weave's data when space runs low. Export regularly.
fac-persist-unknown = This browser does not say whether it will keep Weave's data.
fac-persist-ask = Ask the browser to keep our data
fac-load-demo = Load the demo event
fac-new-event = Start a new, empty event
fac-new-event-name = New event
fac-confirm-replace = This replaces the event and all its maps on this device. Export first if you need them. Continue?
fac-data-title = Maps
fac-col-finished = Finished
fac-col-people = People
fac-col-ties = Ties
fac-col-places = Places
fac-col-code = Withdrawal code

## Facilitator: data exchange
fac-tabs = Facilitator sections
fac-tab-overview = Overview
fac-tab-exchange = Data exchange
fac-tab-matching = Matching
exchange-export-title = Export
exchange-format = File format
exchange-format-backup = Weave backup (everything, JSON)
exchange-format-csv = CSV node and edge lists (two files)
exchange-format-adjacency = Adjacency matrix (CSV)
exchange-format-survey = Survey table (CSV, one row per resident)
exchange-format-gexf = GEXF (Gephi)
exchange-format-graphml = GraphML
exchange-format-pajek = Pajek (.net)
exchange-format-ucinet = UCINET DL
exchange-network = Which network
exchange-network-people = People network
exchange-network-people-places = People and places (two-mode)
exchange-network-people-projection = People linked by shared places
exchange-network-places-projection = Places linked by shared people
exchange-options = Options
exchange-with-metrics = Include metrics (degree, betweenness, communities…)
exchange-pseudonymise = Pseudonymise (no names, no free text)
exchange-pseudonymise-help = Ids are replaced by random codes that are stable within this file; names and free text are removed. People who know the community may still recognise someone from the shape of the network.
exchange-note-backup = A backup holds the whole event: every map, every answer and every merge decision, with names. Keep it safe.
exchange-note-survey = One row per resident with counts and answers. It never holds the names residents typed.
exchange-export-run = Export
exchange-export-working = Preparing the file…
exchange-export-done = Downloaded: { $files }
exchange-export-failed = The export did not work: { $reason }
exchange-import-title = Import
exchange-import-drop = Drop a file here, or
exchange-import-pick = Choose a file…
exchange-import-kinds = A Weave backup (.json), or a network from another tool: GraphML, GEXF, Pajek (.net), UCINET (.dl) or CSV. Up to 100 MB.
exchange-import-reading = Reading { $file }…
exchange-import-checking = Checking { $file }…
exchange-import-too-large = { $file } is { $size } MB. Weave imports files up to 100 MB.
exchange-import-unreadable = { $file } could not be read: { $reason }
exchange-import-unknown-type = Weave does not know what kind of file { $file } is. Use .json, .graphml, .gexf, .net, .dl or .csv.
exchange-import-error-at = { $file } cannot be imported: there is a problem at line { $line }, column { $column }: { $reason }. Nothing has been changed.
exchange-import-error = { $file } cannot be imported: { $reason }. Nothing has been changed.
exchange-import-done = { $file } is imported.
exchange-import-confirm = Import
exchange-import-cancel = Cancel
exchange-preview-title = What will be imported
exchange-preview-backup = A Weave backup of “{ $event }” ({ $date }).
exchange-preview-network = A { $format } network with { $nodes ->
    [one] 1 node
   *[other] { $nodes } nodes
} and { $edges ->
    [one] 1 tie
   *[other] { $edges } ties
}. It becomes a new event, named after the file, for play-back and analysis.
exchange-preview-counts = { $maps ->
    [one] 1 map
   *[other] { $maps } maps
}, { $named ->
    [one] 1 named person
   *[other] { $named } named people
}, { $places ->
    [one] 1 place
   *[other] { $places } places
}, { $merges ->
    [one] 1 merge decision
   *[other] { $merges } merge decisions
}.
exchange-preview-network-limits = Each node that names others becomes a map; the people it names are matched as one person wherever they appear. Nodes without ties, tie weights and other node details are not kept.
exchange-preview-clean = Everything in the file was read.
exchange-preview-replaces = Importing replaces the current event, “{ $event }”, and all its maps on this device. Export a backup first if you need it.
import-issue-implicit-node = { $count ->
    [one] 1 node was created because a tie named it
   *[other] { $count } nodes were created because ties named them
}
import-issue-unknown-node = { $count ->
    [one] 1 tie to a node that does not exist was left out
   *[other] { $count } ties to nodes that do not exist were left out
}
import-issue-duplicate-node = { $count ->
    [one] 1 node appeared twice; the two were combined
   *[other] { $count } nodes appeared twice; each pair was combined
}
import-issue-bad-weight = { $count ->
    [one] 1 tie with a weight that is not a number was left out
   *[other] { $count } ties with a weight that is not a number were left out
}
import-issue-bad-value = { $count ->
    [one] 1 value did not fit its declared type and was kept as text
   *[other] { $count } values did not fit their declared type and were kept as text
}
import-issue-bad-record = { $count ->
    [one] 1 malformed row was left out
   *[other] { $count } malformed rows were left out
}
import-issue-ignored = { $count ->
    [one] 1 part of the file that Weave does not use was ignored
   *[other] { $count } parts of the file that Weave does not use were ignored
}
import-issue-mixed-direction = { $count ->
    [one] 1 tie disagreed about direction; the network was read as directed
   *[other] { $count } ties disagreed about direction; the network was read as directed
}
import-issue-lines = { $count ->
    [one] line { $lines }
   *[other] lines { $lines }
}
import-issue-examples = for example { $examples }

## Facilitator: matching
match-title = Who is the same person?
match-intro = Residents often name the same people. Check each suggested pair: merge them if they are one person, keep them apart if not. Every decision is kept with its reasons and can be undone.
match-computing = Looking for people who may be the same…
match-none = No more suggestions: every likely pair has been decided.
match-score = { $percent }% likely
match-marked-unsure = marked “not sure”
match-merge = Merge
match-keep-apart = Keep apart
match-not-sure = Not sure
match-show-more = Show { $count } more
match-bulk-threshold = Merge every suggestion at least this likely (0 to 1):
match-bulk-run = Merge all above
match-bulk-confirm = { $count ->
    [one] Merge 1 pair that is at least { $threshold }% likely?
   *[other] Merge { $count } pairs that are at least { $threshold }% likely?
} Each can be split again later.
match-bulk-nothing = No open suggestion is that likely.
match-bulk-cancelled = Nothing was merged.
match-bulk-done = { $count ->
    [one] 1 pair merged.
   *[other] { $count } pairs merged.
}
match-merged-title = { $count ->
    [0] Merged people
    [one] Merged people (1 group)
   *[other] Merged people ({ $count } groups)
}
match-merged-none = Nobody has been merged yet.
match-split = Split
match-split-label = Split { $name } out of this group
match-evidence-same-name = the same name, { $name }
match-evidence-nickname = { $a } is a short form of { $b }
match-evidence-spelling = { $a } and { $b } differ only in spelling
match-evidence-sounds-alike = { $a } and { $b } sound alike
match-evidence-initial = { $initial }. could be { $name }
match-evidence-same-surname = the same surname, { $surname }
match-evidence-public-figure = both mean { $name } ({ $role })
match-evidence-same-area = both named by residents of { $area }
match-evidence-different-areas = named by residents of { $a } and of { $b }
match-evidence-shared-places = both residents go to { $list }
match-evidence-co-named = both residents also named { $list }
match-evidence-rare-name = { $name } is an uncommon name here
match-evidence-change-makers = both named as people who get things done
match-evidence-well-known = { $name } is named in a public role by residents all over
match-evidence-both-family = both named as family, by different residents
match-count = { $count ->
    [one] 1 pair to check, most likely first.
   *[other] { $count } pairs to check, most likely first.
}

## Kiosk and privacy
pin-title = Facilitator
pin-label = Enter the facilitator PIN
pin-unlock = Unlock
pin-back = Back to the map
pin-wrong = { $left ->
    [one] That PIN is not right. 1 try left before a pause.
   *[other] That PIN is not right. { $left } tries left before a pause.
}
pin-locked = Too many wrong tries. Try again in { $seconds } seconds.
kiosk-title = Kiosk mode
kiosk-intro = On a shared screen, kiosk mode keeps residents in the map flow, forgets each one when they finish or walk away, and needs the PIN to get back here.
kiosk-pin-new = Choose a facilitator PIN (4 to 12 digits)
kiosk-pin-change = Change the facilitator PIN (4 to 12 digits)
kiosk-pin-again = The same PIN again
kiosk-pin-save = Save PIN
kiosk-pin-invalid = A PIN is 4 to 12 digits.
kiosk-pin-mismatch = The two PINs are different.
kiosk-pin-set = PIN saved. Only a scrambled form of it is kept.
kiosk-no-names = Do not record names (numbered people instead)
kiosk-start = Start kiosk mode
kiosk-stop = Stop kiosk mode
idle-title = Are you still there?
idle-body = { $seconds ->
    [one] Your map will be cleared in 1 second for the next person.
   *[other] Your map will be cleared in { $seconds } seconds for the next person.
}
idle-stay = I'm still here
withdraw-label = Withdraw a map by its code
withdraw-button = Withdraw
withdraw-confirm = This removes that person's map and everyone they named from this device and from all later exports. Continue?
withdraw-done = Withdrawn. That map is gone from this device and from all later exports.
withdraw-unknown = No map has that code. Check the letters and try again.

## Facilitator: matching
match-evidence-knows-same = both residents say this person knows { $list }

## Play-back
pb-lenses = What to show
pb-lens-communities = Groups
pb-lens-isolates = On the edge
pb-lens-brokers = Bridges
pb-lens-change-makers = Change-makers
pb-lens-places = Where people go
pb-lens-group = One group
pb-caption-communities = Each colour is a group of people who know each other more than they know everyone else.
pb-caption-isolates = Bright dots are residents who named nobody; blue dots are people only one resident named.
pb-caption-brokers = Bright dots hold groups together: without them, groups would lose touch. Bright lines are the only link between two parts.
pb-caption-change-makers = Gold dots can change things locally; blue dots are residents who can reach one of them in two steps.
pb-caption-places = Squares are places, groups and services; lines join residents to the places they go.
pb-caption-group = Bright dots are residents who answered “{ $group }” to “{ $attribute }”.
pb-caption-group-none = Not enough residents share an answer yet to show a group.
pb-legend = Key
pb-legend-group = Group { $group } · { $count ->
    [one] 1 person
   *[other] { $count } people
}
pb-legend-other-groups = { $count ->
    [one] 1 smaller group (colours repeat)
   *[other] { $count } smaller groups (colours repeat)
}
pb-legend-named-nobody = Resident who named nobody
pb-legend-named-once = Person only one resident named
pb-legend-others = Everyone else
pb-legend-brokers = Holds groups together
pb-legend-bridges = The only link between two parts
pb-legend-change-makers = Can change things locally
pb-legend-reach = Can reach a change-maker in two steps
pb-legend-places = Place, group or service
pb-legend-residents = Resident
pb-legend-in-group = { $count } residents in this group
pb-legend-you = You
pb-tie-family = Family
pb-tie-friend = Friend
pb-tie-neighbour = Neighbour
pb-tie-work = Work
pb-tie-service = Service or support
pb-tie-other = Other tie
pb-tie-knows = They know each other
pb-tie-visit = Goes there
pb-card-resident = A resident
pb-card-named-person = Someone a resident named
pb-card-place = A place
pb-card-names = { $count ->
    [0] named nobody
    [one] named 1 person
   *[other] named { $count } people
}
pb-card-named-by = { $count ->
    [one] named by 1 resident
   *[other] named by { $count } residents
}
pb-card-group = in group { $group }
pb-card-broker = holds groups together
pb-card-change-maker = can change things locally
pb-card-reaches = can reach a change-maker in two steps
pb-card-visitors = { $count ->
    [one] 1 resident goes here
   *[other] { $count } residents go here
}
pb-card-close = Close
pb-findings = What the map shows
pb-findings-working = Looking for bridges and findings…
pb-finding-named-nobody = { $percent }% of residents ({ $count } of { $residents }) named nobody.
pb-finding-no-change-maker-nearby = { $percent }% of residents ({ $count }) cannot reach anyone who can change things locally within two steps.
pb-finding-most-isolated-group = People answering “{ $group }” to “{ $attribute }” named { $mean } people on average, against { $overall } overall.
pb-finding-brokers = { $count ->
    [one] 1 person holds parts of the network together: without them, groups would lose touch.
   *[other] { $count } people hold parts of the network together: without them, groups would lose touch.
}
pb-finding-places-sharing-no-visitors = { $count } of { $places } places share no visitors with any other place.
pb-finding-wellbeing-by-ties = Residents with { $min } to { $max } ties rate their wellbeing { $mean } on average ({ $people } people).
pb-finding-wellbeing-by-ties-open = Residents with { $min } or more ties rate their wellbeing { $mean } on average ({ $people } people).
pb-finding-wellbeing-by-ties-exact = { $min ->
    [0] Residents who named nobody rate their wellbeing { $mean } on average ({ $people } people).
    [one] Residents with 1 tie rate their wellbeing { $mean } on average ({ $people } people).
   *[other] Residents with { $min } ties rate their wellbeing { $mean } on average ({ $people } people).
}
pb-you = This is you, and the people you named.
pb-canvas = The community network: { $nodes } dots and { $ties } ties. Names are not shown.
pb-counts = { $nodes } people and places · { $ties } ties
pb-fit = Fit to screen
pb-fullscreen = Full screen
pb-play = Play
pb-pause = Pause
pb-timeline = Maps shown
pb-timeline-value = { $shown } of { $total } maps
pb-export-png = Save picture
pb-export-svg = Save drawing (SVG)
pb-export-failed = The picture could not be saved.
pb-empty = No maps are finished yet. The picture grows as residents finish theirs.
pb-bench = Test network: { $nodes } nodes
