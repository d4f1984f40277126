"""Tools for contributors and reviewers: schemas, scaffolds, the version gate, diffs."""
