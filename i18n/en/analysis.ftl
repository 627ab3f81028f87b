## Analysis worker and progress — English messages.
