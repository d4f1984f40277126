"""What each command does, one module per group, so that a command imports only what it
needs: the content commands start without MkDocs, the site commands without the
contributor tools."""
