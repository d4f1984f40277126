"""Stage 4: everything that speaks to MkDocs: the plugin, the preparation it calls, the
brand applied to Material, the safe site build and the plugin-free project."""
