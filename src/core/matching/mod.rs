//! Matching the people residents name: normalisation, candidates, scores, evidence.
