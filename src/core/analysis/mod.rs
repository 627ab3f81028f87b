//! Network analysis: building networks from a community, metrics, communities, findings.
