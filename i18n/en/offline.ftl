## Offline, phone hand-over (QR), embedding — English messages.

## Offline and updates
offline-update-ready = A new version of Weave is ready. It opens the next time Weave starts.
offline-update-reload = Use it now
offline-version = Version
offline-version-value = Weave { $version } (build { $build })
offline-status = Offline use
offline-status-yes = Weave keeps its own files on this device and works without a connection after the first visit.
offline-status-no = This browser cannot keep Weave's files: Weave needs a connection to open.

## Start screen and facilitator tab
ho-start-join = Join an event with my phone
ho-tab-phones = Phones

## Showing a QR code
ho-code-position = Code { $n } of { $count }
ho-code-pause = Pause the codes
ho-code-play = Play the codes

## Scanning
ho-cam-view = Camera view for scanning codes
ho-cam-start = Start the camera
ho-cam-stop = Stop the camera
ho-cam-flip = Switch camera
ho-cam-torch = Torch
ho-cam-starting = Starting the camera…
ho-cam-hint = Hold the codes inside the frame. They can come in any order.
ho-cam-denied = Weave may not use the camera. Allow the camera in the browser's settings, or open the file instead.
ho-cam-not-found = No camera is free on this device. Open the file instead.
ho-cam-unsupported = This browser cannot use the camera here. Open the file instead.
ho-scan-progress = { $have } of { $count } codes read
ho-scan-missing = Still to read: { $list }
ho-scan-not-weave = That code is not from Weave.
ho-scan-event-code = That is an event code. Hold up the codes on the resident's phone instead.
ho-scan-response-code = That is a resident's map. Scan the facilitator's event code instead.
ho-scan-damaged = That code did not read cleanly. Keep holding it up.
ho-file-drop = No camera? Drop the .weave file here, or
ho-file-pick = choose a file

## Facilitator: the event code
ho-event-title = Residents' phones
ho-event-intro = Residents scan this code with Weave on their phone (Start → Join an event). Their phone then works without a connection, and each finished map comes back to this device as codes to scan.
ho-event-code-label = Event code for { $event }
ho-event-gets = The phone gets the event's set-up: { $prompts } questions about people and { $places } places, the about-you questions, the consent wording and the event's public key. It never gets anyone's map.
ho-event-codes = { $count ->
    [one] The whole event fits in one code.
   *[other] The event needs { $count } codes; they play in turn, and the phone reads them in any order.
}
ho-event-download = Download the event file
ho-key-label = Event key:
ho-key-stays = Maps are sealed to this key. Only this device can open them: the private half stays here and is never in a backup or export.
ho-key-cannot-store = This browser cannot keep data, so it cannot hold the event's key. Open Weave in a normal (not private) window.

## Facilitator: receiving maps
ho-receive-title = Take in a map from a phone
ho-receive-intro = Ask the resident to hold their phone's codes up to this device's camera, or drop the file they shared.
ho-receive-count = { $count ->
    [one] This event has 1 map.
   *[other] This event has { $count } maps.
}
ho-received-added = { $people ->
    [one] Map added, naming 1 person.
   *[other] Map added, naming { $people } people.
}
ho-received-added-old-places = { $people ->
    [one] Map added, naming 1 person. It was made with an older place list.
   *[other] Map added, naming { $people } people. It was made with an older place list.
}
ho-received-duplicate = This map is already in the event. Nothing was added twice.
ho-received-conflict = A different version of this map is already in the event. The first one was kept.
ho-received-other-event = This map belongs to another event. It was not added.
ho-received-other-key = This map was sealed for another event or device (key { $key }). It was not added. Scan it on the device that showed that event's code.
ho-received-tampered = This map was damaged or changed after the phone sealed it. It was not added. Ask the resident to show their codes again.
ho-received-no-key = This device holds no key for this event, so it cannot open maps. Open the Phones tab once to make one, or import the key from the device that showed the code.
ho-received-invalid = This map could not be used (it is incomplete or inconsistent). It was not added.

## Facilitator: a second device
ho-key-title = Using a second facilitator device
ho-key-intro = Each device that shows the event code has its own key, and opens the maps sealed to it. To let another device open the maps sealed to this device's key, export the key and import it there. Keep the key file secret and delete it afterwards.
ho-key-export = Export this event's key
ho-key-export-confirm = The key file opens every map phones hand over for this event. Only move it to another facilitator device you control. Export it?
ho-key-import = Import a key file
ho-key-imported = The key was added: this device can now open maps sealed to it.
ho-key-import-failed = That file is not a Weave key for this event.

## Phone: joining
ho-join-title = Join an event
ho-join-intro = Scan the event code on the facilitator's screen. Your map stays on this phone until you show it back to them.
ho-join-scan = Scan the event code
ho-join-unreadable = The code was read but is not a Weave event. Ask the facilitator to show it again.
ho-join-private = Your finished map is sealed so that only the facilitator's device can open it. Nobody who finds this phone or the file can read it.
ho-join-replaces = { $count ->
    [one] This phone holds 1 map (the demo or another event). Joining replaces it: export it first if you need it.
   *[other] This phone holds { $count } maps (the demo or another event). Joining replaces them: export them first if you need them.
}
ho-join-confirm = Join this event
ho-join-again = Scan again

## Phone: handing over
ho-phone-title = Thank you! Now show your map
ho-phone-sealed = { $count ->
    [one] Your map (1 person) is sealed. Only the facilitator can open it.
   *[other] Your map ({ $count } people) is sealed. Only the facilitator can open it.
}
ho-phone-show = Hold this screen up to the facilitator's camera.
ho-phone-code-label = Your sealed map as QR codes
ho-phone-order = The codes change by themselves. The facilitator's device reads them in any order.
ho-share = Share the file
ho-share-title = My Weave map (sealed)
ho-share-downloaded = This browser cannot share files, so the file was downloaded instead.
ho-download = Download the file
ho-outbox-title = { $count ->
    [one] 1 sealed map waiting on this phone
   *[other] { $count } sealed maps waiting on this phone
}
ho-outbox-intro = Show them to the facilitator. Forget a map once the facilitator has it.
ho-outbox-item = Map { $code } ({ $count } people)
ho-outbox-show = Show the codes
ho-outbox-forget = Forget
ho-outbox-forget-confirm = Forget this sealed map? Only do this once the facilitator has it.
