//! Every edit of a response as a Command with apply/invert, so undo/redo come for free.
