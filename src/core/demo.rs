//! A deterministic demo community, so a newcomer sees a living sociogram at once.
