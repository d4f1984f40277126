"""Client editions: the base playbook tailored for one client by layers of data.

An edition folder holds ``edition.yml`` (its parent, brand, language, client, and what
it overrides, hides, adds and renames, all by id), Markdown pages and extra content
files. :mod:`.config` reads the stack of editions, :mod:`.overlay` applies it to each
content file as it loads, :mod:`.prune` resolves what pointed at hidden items,
:mod:`.pages` edits the narrative pages, :mod:`.report` lists the changes and
:mod:`.scaffold` starts a new edition.
"""
