//! Screen and world coordinates as separate types, the viewport transform, hit-testing.
