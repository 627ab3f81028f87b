## Where-they-go: place list, map picture, resident places step — English messages.
