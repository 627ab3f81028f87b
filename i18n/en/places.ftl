## Where-they-go: place list, map picture, resident places step — English messages.

## The resident's step
places-title = Where do you go?
places-hint = Tap the places, groups and sources of news you use. Add any that are missing.
places-search = Find or add a place
places-add-new = Add as a new place
places-add-as = Add “{ $name }” as:
places-add-as-other = Not on the list? Add “{ $name }” as:
places-none-found = Nothing on the list matches. You can add it as a new place:
places-mine = My places
places-mine-empty = Tap a place on the list or on the map to add it here.
places-new-badge = new
places-how-often = How often do you go to { $name }?
places-info-source = I find out what's going on here
places-info-source-for = I find out what's going on at { $name }
places-remove = Take { $name } off my map
places-remove-short = Remove
places-barriers = Is anything stopping you taking part more?
places-panes = Parts of this step
places-pane-find = Find
places-pane-map = Map
places-pane-mine = Mine ({ $count })
places-list-label = The place list, by kind
places-map-label = My map
cat-venue = Places
cat-group = Groups and activities
cat-service = Services
cat-information = News and information
cat-online = Online
cat-one-venue = A place
cat-one-group = A group or activity
cat-one-service = A service
cat-one-information = News or information
cat-one-online = Online
barrier-cost = Cost
barrier-transport = Transport
barrier-times = Times don't suit me
barrier-language = Language
barrier-confidence = Confidence
barrier-caring = Caring duties
barrier-health = Health
barrier-other = Something else

## The map canvas
map-label-resident = My map: the places I go, joined to me. Tap a place to add or remove it.
map-label-edit = The local map. Drag a pin to move it; arrow keys move the focused pin, Delete takes it off the map.
map-pin = { $name }: not on my map
map-pin-chosen = { $name }: on my map
map-pin-edit = { $name }, pinned { $x }% across and { $y }% down
map-picture-missing = The map picture is not stored in this browser. Upload it again in Facilitator → Places.
map-tray = Places not on the map yet
map-tray-hint = Drag a place onto the map to pin it (or focus it and press Enter to pin it in the middle).
map-tray-empty = Every place is on the map.
map-tray-place = Pin { $name } on the map

## Facilitator: the place list
fac-tab-places = Places
fac-places-title = { $count ->
    [one] Place list (1 place)
   *[other] Place list ({ $count } places)
}
fac-places-help = Residents see these places grouped by kind, in this order. Drag the handle (or use the arrows) to reorder.
fac-places-empty = No places yet. Add one, or import a list from a spreadsheet.
fac-places-list = Places, in the order residents see them
fac-place-add-title = Add a place
fac-place-name = Name
fac-place-category = Kind
fac-place-description = Short description (optional)
fac-place-add = Add place
fac-place-save = Save
fac-place-cancel = Cancel
fac-place-edit = Edit
fac-place-edit-named = Edit { $name }
fac-place-delete = Delete
fac-place-delete-named = Delete { $name }
fac-place-up = Move { $name } up
fac-place-down = Move { $name } down
fac-place-move = Move { $name } (place { $n } of { $count }): drag, or use the up and down arrow keys
fac-place-pinned = On the map ({ $x }% across, { $y }% down)
fac-place-not-pinned = Not on the map
fac-place-visitors = { $count ->
    [0] nobody goes here yet
    [one] 1 resident goes here
   *[other] { $count } residents go here
}
fac-place-duplicate = There is already a place called “{ $name }”.
fac-place-needs-name = A place needs a name.
fac-place-edit-failed = That change could not be made; the list is unchanged.
fac-place-deleted = Deleted “{ $name }”. Undo brings it back.
fac-place-deleted-chosen = Deleted “{ $name }”. { $count ->
    [one] 1 resident chose it; their answer is kept.
   *[other] { $count } residents chose it; their answers are kept.
} Undo brings it back.

## Facilitator: importing the list from CSV
csv-drop = Import places from a spreadsheet: drop a CSV file here, or
csv-pick = Choose a CSV file
csv-format = Columns: name, category (venue, group, service, information or online), description, x, y. x and y place it on the map, as fractions of the picture's width and height (0 to 1); leave them empty if not pinned.
csv-reading = Reading { $file }…
csv-unreadable = { $file } could not be read: { $why }
csv-failed = { $file } was not imported: { $count ->
    [one] 1 problem.
   *[other] { $count } problems.
}
csv-more-problems = …and { $count } more.
csv-nothing-changed = Nothing has changed. Fix the file and import it again.
csv-preview-title = Import { $file }?
csv-preview-added = { $count ->
    [one] 1 new place
   *[other] { $count } new places
}
csv-preview-updated = { $count ->
    [one] 1 place already on the list is updated: { $names }
   *[other] { $count } places already on the list are updated: { $names }
}
csv-preview-unchanged = { $count ->
    [one] 1 place is already on the list as it is
   *[other] { $count } places are already on the list as they are
}
csv-preview-kept = { $count ->
    [one] 1 place on the list is not in the file and stays
   *[other] { $count } places on the list are not in the file and stay
}
csv-preview-ignored = Columns not used: { $columns }
csv-confirm = Import
csv-cancel = Cancel
csv-imported = Imported { $file }: { $added } added, { $updated } updated. Undo takes it back.
csv-empty = Line { $line }: the file has no places (it needs a header line, then one place per line).
csv-too-large = The file is { $size } MB; a place list can be at most { $limit } MB.
csv-latin1 = Line { $line }: this is not UTF-8 text (byte { $byte }). It looks like Latin-1 or Windows-1252: save the file as “CSV UTF-8” and import it again.
csv-not-utf8 = Line { $line }: this is not UTF-8 text (byte { $byte }). Save the file as “CSV UTF-8” and import it again.
csv-not-text = Line { $line }: this is not a text file, or it is UTF-16 without a byte-order mark. Save it as “CSV UTF-8” and import it again.
csv-malformed = Line { $line }: the CSV is broken ({ $detail }).
csv-missing-column = Line { $line }: the header has no “{ $column }” column (it has: { $header }).
csv-duplicate-column = Line { $line }: the header has the “{ $column }” column twice.
csv-too-many-cells = Line { $line }: { $found } cells, but the header has { $expected } columns (is a comma missing its quotes?).
csv-empty-name = Line { $line }: the name is empty.
csv-name-too-long = Line { $line }: the name is { $chars } characters long; keep it under 120.
csv-description-too-long = Line { $line }: the description is { $chars } characters long; keep it under 500.
csv-empty-category = Line { $line }: the category is empty (use venue, group, service, information or online).
csv-unknown-category = Line { $line }: “{ $value }” is not a category; use venue, group, service, information or online.
csv-bad-number = Line { $line }: { $column } must be a number between 0 and 1, not “{ $value }”.
csv-out-of-range = Line { $line }: { $column } is { $value }; it must be between 0 (left or top) and 1 (right or bottom).
csv-half-pin = Line { $line }: x and y go together; { $missing } is empty.
csv-duplicate-name = Line { $line }: “{ $name }” is already on line { $first }.
csv-too-many-places = Line { $line }: a place list can have at most { $limit } places.

## Facilitator: the map picture
map-title = Local map
map-help = A picture of the local area (PNG, JPEG or SVG, up to 6 MB) shown behind the places. It is kept in this browser only; upload it on each device you use.
map-upload = Upload a map picture
map-replace = Replace the picture
map-remove = Remove the picture
map-reading = Reading { $file }…
map-uploaded = { $file } is the map now. Drag places onto it.
map-store-failed = The picture could not be kept in this browser ({ $why }). Nothing has changed.
map-info = { $file }: { $width } × { $height } pixels; { $pinned } of { $count } places on the map.
map-too-large = The picture is { $size } MB; the limit is { $limit } MB. Save a smaller version (a screenshot of the map works well).
map-not-a-picture = This is not a PNG, JPEG or SVG picture.
map-damaged = The picture looks damaged (its header is broken or cut short).
map-unsafe-svg = This SVG has a DOCTYPE, which Weave does not accept. Export it again without one.
map-too-many-pixels = The picture is { $width } × { $height } pixels; at most 10,000 on a side. Save a smaller version.
map-too-few-pixels = The picture is { $width } × { $height } pixels; it needs at least 100 on a side to show places apart.

## Facilitator: places residents added
added-title = { $count ->
    [0] New places from residents
    [one] New places from residents (1 to review)
   *[other] New places from residents ({ $count } to review)
}
added-help = Places residents added that are not on the list. Add one to the list, rename it, or say it is the same as a listed place. Residents' answers are never changed: each decision is recorded and can be taken back.
added-empty = No resident has added a place yet.
added-residents = { $count ->
    [one] added by 1 resident
   *[other] added by { $count } residents
}
added-looks-like = Looks like: { $names }
added-accept = Add to the list
added-rename = Rename…
added-rename-save = Keep under this name
added-same-as = Same as
added-choose = Choose a listed place…
added-merge = Merge
added-reopen = Undo decision
added-accepted = Added to the list as “{ $name }”.
added-merged = The same as “{ $name }”.
added-renamed = Kept off the list as “{ $name }”.
added-removed-place = a place no longer on the list
