## Offline, phone hand-over (QR), embedding — English messages.
