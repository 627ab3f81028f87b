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

## Places
places-title = Where do you go?
places-hint = Tap the places, groups and sources of news you use. Add any that are missing.
places-search = Find or add a place
places-add-new = Add as a new place
places-mine = My places
places-how-often = How often do you go to { $name }?
places-info-source = I find out what's going on here
places-barriers = Is anything stopping you taking part more?
cat-venue = Places
cat-group = Groups and activities
cat-service = Services
cat-information = News and information
cat-online = Online
barrier-cost = Cost
barrier-transport = Transport
barrier-times = Times don't suit me
barrier-language = Language
barrier-confidence = Confidence
barrier-caring = Caring duties
barrier-health = Health
barrier-other = Something else

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
